/** The Stride API's types, generated from the server's route schemas by packages/client/scripts/generate.ts. Do not edit: run `npm run api:generate`. */

export interface paths {
    "/api/v1/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List activities: mine or one athlete’s (USER), or mine and those I follow (FRIENDS) */
        get: {
            parameters: {
                query?: {
                    mode?: "USER" | "FRIENDS";
                    /** @description athlete id or handle (USER mode) */
                    athlete?: string;
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                athlete: {
                                    /** Format: uuid */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                };
                                name: string;
                                description: string | null;
                                sport_type: string;
                                /** @description who may see an activity: everyone, followers, or only the athlete */
                                visibility: "everyone" | "followers" | "only_me";
                                state: "created" | "started" | "paused" | "complete";
                                source: "recorded" | "upload";
                                /** Format: date-time */
                                start_date: string | null;
                                /** @description local wall-clock time, no zone */
                                start_date_local: string | null;
                                timezone: string | null;
                                /** @description seconds */
                                utc_offset: number | null;
                                /** @description metres */
                                distance: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description seconds */
                                elapsed_time: number;
                                /** @description metres */
                                total_elevation_gain: number | null;
                                /** @description metres */
                                total_elevation_loss: number | null;
                                /** @description metres */
                                elev_high: number | null;
                                /** @description metres */
                                elev_low: number | null;
                                /** @description m/s */
                                average_speed: number | null;
                                /** @description m/s */
                                max_speed: number | null;
                                /** @description bpm */
                                average_heartrate: number | null;
                                /** @description bpm */
                                max_heartrate: number | null;
                                /** @description rpm (steps per minute per foot for runs) */
                                average_cadence: number | null;
                                average_watts: number | null;
                                /** @description normalized power */
                                weighted_average_watts: number | null;
                                max_watts: number | null;
                                kilojoules: number | null;
                                /** @description kcal */
                                calories: number | null;
                                /** @description [lat, lng]; null when hidden by privacy or when the activity has no position */
                                start_latlng: [
                                    number,
                                    number
                                ] | null;
                                /** @description [lat, lng]; null when hidden by privacy or when the activity has no position */
                                end_latlng: [
                                    number,
                                    number
                                ] | null;
                                /** @description the town nearest the start as this viewer sees it (GeoNames towns of 1,000 people or more, within 25 km); null without a visible start */
                                location_city: string | null;
                                /** @description that town’s country, in English */
                                location_country: string | null;
                                map: {
                                    summary_polyline: string | null;
                                };
                                device_name: string | null;
                                /** @description a leg of a multisport file (swim, transition, bike, transition, run): each session is an activity; GET /activities/{id}/legs lists the group */
                                multisport: {
                                    /** Format: uuid */
                                    group_id: string;
                                    /** @description this leg, counted from 1 */
                                    leg: number;
                                    /** @description legs in the file */
                                    legs: number;
                                } | null;
                                /** Format: uuid */
                                upload_id: string | null;
                                /** @description photos on the activity */
                                photo_count: number;
                                /** @description path on this server of the first photo’s thumb (GET /activities/{id}/photos lists them all) */
                                first_photo: string | null;
                                /** @description kudos given to the activity */
                                kudos_count: number;
                                /** @description comments on the activity (GET /activities/{id}/comments lists them) */
                                comment_count: number;
                                /** @description whether you gave kudos to it (false when not signed in) */
                                has_kudoed: boolean;
                                /** @description time in heart-rate zones weighted by zone (docs/training.md); null without heart rate */
                                relative_effort: number | null;
                                /** @description training load, TSS-scaled (an hour at threshold = 100); the athlete’s own only */
                                training_load: number | null;
                                /** @description what the load was computed from */
                                training_load_source: "power" | "heart_rate" | "pace" | (never | null);
                                /** @description personal records (1st, 2nd, 3rd fastest when set) and first times at a distance */
                                achievements: {
                                    kind: "pr" | "first_distance";
                                    /** @description a best effort: '5k', 'Half-Marathon'… */
                                    name: string;
                                    rank: number | null;
                                }[];
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an activity to record (send your own UUID so a retry is harmless)
         * @description An id already used by another athlete is answered 404, as reading it would be, whether or not you may see that activity.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id?: string;
                        /** @description Strava's sport_type, e.g. Run, Ride, Hike */
                        sport_type: string;
                        name?: string;
                        description?: string;
                        /** @description who may see an activity: everyone, followers, or only the athlete */
                        visibility?: "everyone" | "followers" | "only_me";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            athlete: {
                                /** Format: uuid */
                                id: string;
                                handle: string;
                                display_name: string;
                            };
                            name: string;
                            description: string | null;
                            sport_type: string;
                            /** @description who may see an activity: everyone, followers, or only the athlete */
                            visibility: "everyone" | "followers" | "only_me";
                            state: "created" | "started" | "paused" | "complete";
                            source: "recorded" | "upload";
                            /** Format: date-time */
                            start_date: string | null;
                            /** @description local wall-clock time, no zone */
                            start_date_local: string | null;
                            timezone: string | null;
                            /** @description seconds */
                            utc_offset: number | null;
                            /** @description metres */
                            distance: number;
                            /** @description seconds */
                            moving_time: number;
                            /** @description seconds */
                            elapsed_time: number;
                            /** @description metres */
                            total_elevation_gain: number | null;
                            /** @description metres */
                            total_elevation_loss: number | null;
                            /** @description metres */
                            elev_high: number | null;
                            /** @description metres */
                            elev_low: number | null;
                            /** @description m/s */
                            average_speed: number | null;
                            /** @description m/s */
                            max_speed: number | null;
                            /** @description bpm */
                            average_heartrate: number | null;
                            /** @description bpm */
                            max_heartrate: number | null;
                            /** @description rpm (steps per minute per foot for runs) */
                            average_cadence: number | null;
                            average_watts: number | null;
                            /** @description normalized power */
                            weighted_average_watts: number | null;
                            max_watts: number | null;
                            kilojoules: number | null;
                            /** @description kcal */
                            calories: number | null;
                            /** @description [lat, lng]; null when hidden by privacy or when the activity has no position */
                            start_latlng: [
                                number,
                                number
                            ] | null;
                            /** @description [lat, lng]; null when hidden by privacy or when the activity has no position */
                            end_latlng: [
                                number,
                                number
                            ] | null;
                            /** @description the town nearest the start as this viewer sees it (GeoNames towns of 1,000 people or more, within 25 km); null without a visible start */
                            location_city: string | null;
                            /** @description that town’s country, in English */
                            location_country: string | null;
                            map: {
                                summary_polyline: string | null;
                            };
                            device_name: string | null;
                            /** @description a leg of a multisport file (swim, transition, bike, transition, run): each session is an activity; GET /activities/{id}/legs lists the group */
                            multisport: {
                                /** Format: uuid */
                                group_id: string;
                                /** @description this leg, counted from 1 */
                                leg: number;
                                /** @description legs in the file */
                                legs: number;
                            } | null;
                            /** Format: uuid */
                            upload_id: string | null;
                            /** @description photos on the activity */
                            photo_count: number;
                            /** @description path on this server of the first photo’s thumb (GET /activities/{id}/photos lists them all) */
                            first_photo: string | null;
                            /** @description kudos given to the activity */
                            kudos_count: number;
                            /** @description comments on the activity (GET /activities/{id}/comments lists them) */
                            comment_count: number;
                            /** @description whether you gave kudos to it (false when not signed in) */
                            has_kudoed: boolean;
                            /** @description time in heart-rate zones weighted by zone (docs/training.md); null without heart rate */
                            relative_effort: number | null;
                            /** @description training load, TSS-scaled (an hour at threshold = 100); the athlete’s own only */
                            training_load: number | null;
                            /** @description what the load was computed from */
                            training_load_source: "power" | "heart_rate" | "pace" | (never | null);
                            /** @description personal records (1st, 2nd, 3rd fastest when set) and first times at a distance */
                            achievements: {
                                kind: "pr" | "first_distance";
                                /** @description a best effort: '5k', 'Half-Marathon'… */
                                name: string;
                                rank: number | null;
                            }[];
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            splits_metric: {
                                [key: string]: unknown;
                            }[];
                            splits_standard: {
                                [key: string]: unknown;
                            }[];
                            laps: {
                                [key: string]: unknown;
                            }[];
                            best_efforts: {
                                [key: string]: unknown;
                            }[];
                            /** @description efforts on segments, in order; others see only those outside hidden areas */
                            segment_efforts: {
                                /** Format: uuid */
                                id: string;
                                segment: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    /** @description metres */
                                    distance: number;
                                    /** @description percent */
                                    average_grade: number | null;
                                };
                                /** Format: uuid */
                                activity_id: string;
                                /** @description seconds between the interpolated gate crossings */
                                elapsed_time: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description metres */
                                distance: number;
                                /** @description index into the activity’s streams as you see them */
                                start_index: number;
                                end_index: number;
                                /** Format: date-time */
                                start_date: string;
                                /** @description local wall-clock time, no zone */
                                start_date_local: string;
                                /** @description the athlete’s 1st/2nd/3rd best time on this segment when it was set */
                                pr_rank: number | null;
                                /** @description rank on the overall all-time board when matched, if in the top 10 */
                                kom_rank: number | null;
                            }[];
                            /** @description zones, cleaning report and other derived data; algorithm_version says which code produced it */
                            analysis: {
                                [key: string]: unknown;
                            };
                            algorithm_version: number | null;
                            events: {
                                kind: "START" | "PAUSE" | "RESUME" | "STOP";
                                /** Format: date-time */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            athlete: {
                                /** Format: uuid */
                                id: string;
                                handle: string;
                                display_name: string;
                            };
                            name: string;
                            description: string | null;
                            sport_type: string;
                            /** @description who may see an activity: everyone, followers, or only the athlete */
                            visibility: "everyone" | "followers" | "only_me";
                            state: "created" | "started" | "paused" | "complete";
                            source: "recorded" | "upload";
                            /** Format: date-time */
                            start_date: string | null;
                            /** @description local wall-clock time, no zone */
                            start_date_local: string | null;
                            timezone: string | null;
                            /** @description seconds */
                            utc_offset: number | null;
                            /** @description metres */
                            distance: number;
                            /** @description seconds */
                            moving_time: number;
                            /** @description seconds */
                            elapsed_time: number;
                            /** @description metres */
                            total_elevation_gain: number | null;
                            /** @description metres */
                            total_elevation_loss: number | null;
                            /** @description metres */
                            elev_high: number | null;
                            /** @description metres */
                            elev_low: number | null;
                            /** @description m/s */
                            average_speed: number | null;
                            /** @description m/s */
                            max_speed: number | null;
                            /** @description bpm */
                            average_heartrate: number | null;
                            /** @description bpm */
                            max_heartrate: number | null;
                            /** @description rpm (steps per minute per foot for runs) */
                            average_cadence: number | null;
                            average_watts: number | null;
                            /** @description normalized power */
                            weighted_average_watts: number | null;
                            max_watts: number | null;
                            kilojoules: number | null;
                            /** @description kcal */
                            calories: number | null;
                            /** @description [lat, lng]; null when hidden by privacy or when the activity has no position */
                            start_latlng: [
                                number,
                                number
                            ] | null;
                            /** @description [lat, lng]; null when hidden by privacy or when the activity has no position */
                            end_latlng: [
                                number,
                                number
                            ] | null;
                            /** @description the town nearest the start as this viewer sees it (GeoNames towns of 1,000 people or more, within 25 km); null without a visible start */
                            location_city: string | null;
                            /** @description that town’s country, in English */
                            location_country: string | null;
                            map: {
                                summary_polyline: string | null;
                            };
                            device_name: string | null;
                            /** @description a leg of a multisport file (swim, transition, bike, transition, run): each session is an activity; GET /activities/{id}/legs lists the group */
                            multisport: {
                                /** Format: uuid */
                                group_id: string;
                                /** @description this leg, counted from 1 */
                                leg: number;
                                /** @description legs in the file */
                                legs: number;
                            } | null;
                            /** Format: uuid */
                            upload_id: string | null;
                            /** @description photos on the activity */
                            photo_count: number;
                            /** @description path on this server of the first photo’s thumb (GET /activities/{id}/photos lists them all) */
                            first_photo: string | null;
                            /** @description kudos given to the activity */
                            kudos_count: number;
                            /** @description comments on the activity (GET /activities/{id}/comments lists them) */
                            comment_count: number;
                            /** @description whether you gave kudos to it (false when not signed in) */
                            has_kudoed: boolean;
                            /** @description time in heart-rate zones weighted by zone (docs/training.md); null without heart rate */
                            relative_effort: number | null;
                            /** @description training load, TSS-scaled (an hour at threshold = 100); the athlete’s own only */
                            training_load: number | null;
                            /** @description what the load was computed from */
                            training_load_source: "power" | "heart_rate" | "pace" | (never | null);
                            /** @description personal records (1st, 2nd, 3rd fastest when set) and first times at a distance */
                            achievements: {
                                kind: "pr" | "first_distance";
                                /** @description a best effort: '5k', 'Half-Marathon'… */
                                name: string;
                                rank: number | null;
                            }[];
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            splits_metric: {
                                [key: string]: unknown;
                            }[];
                            splits_standard: {
                                [key: string]: unknown;
                            }[];
                            laps: {
                                [key: string]: unknown;
                            }[];
                            best_efforts: {
                                [key: string]: unknown;
                            }[];
                            /** @description efforts on segments, in order; others see only those outside hidden areas */
                            segment_efforts: {
                                /** Format: uuid */
                                id: string;
                                segment: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    /** @description metres */
                                    distance: number;
                                    /** @description percent */
                                    average_grade: number | null;
                                };
                                /** Format: uuid */
                                activity_id: string;
                                /** @description seconds between the interpolated gate crossings */
                                elapsed_time: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description metres */
                                distance: number;
                                /** @description index into the activity’s streams as you see them */
                                start_index: number;
                                end_index: number;
                                /** Format: date-time */
                                start_date: string;
                                /** @description local wall-clock time, no zone */
                                start_date_local: string;
                                /** @description the athlete’s 1st/2nd/3rd best time on this segment when it was set */
                                pr_rank: number | null;
                                /** @description rank on the overall all-time board when matched, if in the top 10 */
                                kom_rank: number | null;
                            }[];
                            /** @description zones, cleaning report and other derived data; algorithm_version says which code produced it */
                            analysis: {
                                [key: string]: unknown;
                            };
                            algorithm_version: number | null;
                            events: {
                                kind: "START" | "PAUSE" | "RESUME" | "STOP";
                                /** Format: date-time */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One activity, with splits, laps and best efforts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            athlete: {
                                /** Format: uuid */
                                id: string;
                                handle: string;
                                display_name: string;
                            };
                            name: string;
                            description: string | null;
                            sport_type: string;
                            /** @description who may see an activity: everyone, followers, or only the athlete */
                            visibility: "everyone" | "followers" | "only_me";
                            state: "created" | "started" | "paused" | "complete";
                            source: "recorded" | "upload";
                            /** Format: date-time */
                            start_date: string | null;
                            /** @description local wall-clock time, no zone */
                            start_date_local: string | null;
                            timezone: string | null;
                            /** @description seconds */
                            utc_offset: number | null;
                            /** @description metres */
                            distance: number;
                            /** @description seconds */
                            moving_time: number;
                            /** @description seconds */
                            elapsed_time: number;
                            /** @description metres */
                            total_elevation_gain: number | null;
                            /** @description metres */
                            total_elevation_loss: number | null;
                            /** @description metres */
                            elev_high: number | null;
                            /** @description metres */
                            elev_low: number | null;
                            /** @description m/s */
                            average_speed: number | null;
                            /** @description m/s */
                            max_speed: number | null;
                            /** @description bpm */
                            average_heartrate: number | null;
                            /** @description bpm */
                            max_heartrate: number | null;
                            /** @description rpm (steps per minute per foot for runs) */
                            average_cadence: number | null;
                            average_watts: number | null;
                            /** @description normalized power */
                            weighted_average_watts: number | null;
                            max_watts: number | null;
                            kilojoules: number | null;
                            /** @description kcal */
                            calories: number | null;
                            /** @description [lat, lng]; null when hidden by privacy or when the activity has no position */
                            start_latlng: [
                                number,
                                number
                            ] | null;
                            /** @description [lat, lng]; null when hidden by privacy or when the activity has no position */
                            end_latlng: [
                                number,
                                number
                            ] | null;
                            /** @description the town nearest the start as this viewer sees it (GeoNames towns of 1,000 people or more, within 25 km); null without a visible start */
                            location_city: string | null;
                            /** @description that town’s country, in English */
                            location_country: string | null;
                            map: {
                                summary_polyline: string | null;
                            };
                            device_name: string | null;
                            /** @description a leg of a multisport file (swim, transition, bike, transition, run): each session is an activity; GET /activities/{id}/legs lists the group */
                            multisport: {
                                /** Format: uuid */
                                group_id: string;
                                /** @description this leg, counted from 1 */
                                leg: number;
                                /** @description legs in the file */
                                legs: number;
                            } | null;
                            /** Format: uuid */
                            upload_id: string | null;
                            /** @description photos on the activity */
                            photo_count: number;
                            /** @description path on this server of the first photo’s thumb (GET /activities/{id}/photos lists them all) */
                            first_photo: string | null;
                            /** @description kudos given to the activity */
                            kudos_count: number;
                            /** @description comments on the activity (GET /activities/{id}/comments lists them) */
                            comment_count: number;
                            /** @description whether you gave kudos to it (false when not signed in) */
                            has_kudoed: boolean;
                            /** @description time in heart-rate zones weighted by zone (docs/training.md); null without heart rate */
                            relative_effort: number | null;
                            /** @description training load, TSS-scaled (an hour at threshold = 100); the athlete’s own only */
                            training_load: number | null;
                            /** @description what the load was computed from */
                            training_load_source: "power" | "heart_rate" | "pace" | (never | null);
                            /** @description personal records (1st, 2nd, 3rd fastest when set) and first times at a distance */
                            achievements: {
                                kind: "pr" | "first_distance";
                                /** @description a best effort: '5k', 'Half-Marathon'… */
                                name: string;
                                rank: number | null;
                            }[];
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            splits_metric: {
                                [key: string]: unknown;
                            }[];
                            splits_standard: {
                                [key: string]: unknown;
                            }[];
                            laps: {
                                [key: string]: unknown;
                            }[];
                            best_efforts: {
                                [key: string]: unknown;
                            }[];
                            /** @description efforts on segments, in order; others see only those outside hidden areas */
                            segment_efforts: {
                                /** Format: uuid */
                                id: string;
                                segment: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    /** @description metres */
                                    distance: number;
                                    /** @description percent */
                                    average_grade: number | null;
                                };
                                /** Format: uuid */
                                activity_id: string;
                                /** @description seconds between the interpolated gate crossings */
                                elapsed_time: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description metres */
                                distance: number;
                                /** @description index into the activity’s streams as you see them */
                                start_index: number;
                                end_index: number;
                                /** Format: date-time */
                                start_date: string;
                                /** @description local wall-clock time, no zone */
                                start_date_local: string;
                                /** @description the athlete’s 1st/2nd/3rd best time on this segment when it was set */
                                pr_rank: number | null;
                                /** @description rank on the overall all-time board when matched, if in the top 10 */
                                kom_rank: number | null;
                            }[];
                            /** @description zones, cleaning report and other derived data; algorithm_version says which code produced it */
                            analysis: {
                                [key: string]: unknown;
                            };
                            algorithm_version: number | null;
                            events: {
                                kind: "START" | "PAUSE" | "RESUME" | "STOP";
                                /** Format: date-time */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an activity and everything derived from it */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change the recording state (with the device’s time) or edit name, description, sport, visibility */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        state?: "STARTED" | "PAUSED" | "RESUMED" | "COMPLETE";
                        /**
                         * Format: date-time
                         * @description the device’s time of the event
                         */
                        at?: string;
                        name?: string;
                        description?: string | null;
                        /** @description Strava's sport_type, e.g. Run, Ride, Hike */
                        sport_type?: string;
                        /** @description who may see an activity: everyone, followers, or only the athlete */
                        visibility?: "everyone" | "followers" | "only_me";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            athlete: {
                                /** Format: uuid */
                                id: string;
                                handle: string;
                                display_name: string;
                            };
                            name: string;
                            description: string | null;
                            sport_type: string;
                            /** @description who may see an activity: everyone, followers, or only the athlete */
                            visibility: "everyone" | "followers" | "only_me";
                            state: "created" | "started" | "paused" | "complete";
                            source: "recorded" | "upload";
                            /** Format: date-time */
                            start_date: string | null;
                            /** @description local wall-clock time, no zone */
                            start_date_local: string | null;
                            timezone: string | null;
                            /** @description seconds */
                            utc_offset: number | null;
                            /** @description metres */
                            distance: number;
                            /** @description seconds */
                            moving_time: number;
                            /** @description seconds */
                            elapsed_time: number;
                            /** @description metres */
                            total_elevation_gain: number | null;
                            /** @description metres */
                            total_elevation_loss: number | null;
                            /** @description metres */
                            elev_high: number | null;
                            /** @description metres */
                            elev_low: number | null;
                            /** @description m/s */
                            average_speed: number | null;
                            /** @description m/s */
                            max_speed: number | null;
                            /** @description bpm */
                            average_heartrate: number | null;
                            /** @description bpm */
                            max_heartrate: number | null;
                            /** @description rpm (steps per minute per foot for runs) */
                            average_cadence: number | null;
                            average_watts: number | null;
                            /** @description normalized power */
                            weighted_average_watts: number | null;
                            max_watts: number | null;
                            kilojoules: number | null;
                            /** @description kcal */
                            calories: number | null;
                            /** @description [lat, lng]; null when hidden by privacy or when the activity has no position */
                            start_latlng: [
                                number,
                                number
                            ] | null;
                            /** @description [lat, lng]; null when hidden by privacy or when the activity has no position */
                            end_latlng: [
                                number,
                                number
                            ] | null;
                            /** @description the town nearest the start as this viewer sees it (GeoNames towns of 1,000 people or more, within 25 km); null without a visible start */
                            location_city: string | null;
                            /** @description that town’s country, in English */
                            location_country: string | null;
                            map: {
                                summary_polyline: string | null;
                            };
                            device_name: string | null;
                            /** @description a leg of a multisport file (swim, transition, bike, transition, run): each session is an activity; GET /activities/{id}/legs lists the group */
                            multisport: {
                                /** Format: uuid */
                                group_id: string;
                                /** @description this leg, counted from 1 */
                                leg: number;
                                /** @description legs in the file */
                                legs: number;
                            } | null;
                            /** Format: uuid */
                            upload_id: string | null;
                            /** @description photos on the activity */
                            photo_count: number;
                            /** @description path on this server of the first photo’s thumb (GET /activities/{id}/photos lists them all) */
                            first_photo: string | null;
                            /** @description kudos given to the activity */
                            kudos_count: number;
                            /** @description comments on the activity (GET /activities/{id}/comments lists them) */
                            comment_count: number;
                            /** @description whether you gave kudos to it (false when not signed in) */
                            has_kudoed: boolean;
                            /** @description time in heart-rate zones weighted by zone (docs/training.md); null without heart rate */
                            relative_effort: number | null;
                            /** @description training load, TSS-scaled (an hour at threshold = 100); the athlete’s own only */
                            training_load: number | null;
                            /** @description what the load was computed from */
                            training_load_source: "power" | "heart_rate" | "pace" | (never | null);
                            /** @description personal records (1st, 2nd, 3rd fastest when set) and first times at a distance */
                            achievements: {
                                kind: "pr" | "first_distance";
                                /** @description a best effort: '5k', 'Half-Marathon'… */
                                name: string;
                                rank: number | null;
                            }[];
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            splits_metric: {
                                [key: string]: unknown;
                            }[];
                            splits_standard: {
                                [key: string]: unknown;
                            }[];
                            laps: {
                                [key: string]: unknown;
                            }[];
                            best_efforts: {
                                [key: string]: unknown;
                            }[];
                            /** @description efforts on segments, in order; others see only those outside hidden areas */
                            segment_efforts: {
                                /** Format: uuid */
                                id: string;
                                segment: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    /** @description metres */
                                    distance: number;
                                    /** @description percent */
                                    average_grade: number | null;
                                };
                                /** Format: uuid */
                                activity_id: string;
                                /** @description seconds between the interpolated gate crossings */
                                elapsed_time: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description metres */
                                distance: number;
                                /** @description index into the activity’s streams as you see them */
                                start_index: number;
                                end_index: number;
                                /** Format: date-time */
                                start_date: string;
                                /** @description local wall-clock time, no zone */
                                start_date_local: string;
                                /** @description the athlete’s 1st/2nd/3rd best time on this segment when it was set */
                                pr_rank: number | null;
                                /** @description rank on the overall all-time board when matched, if in the top 10 */
                                kom_rank: number | null;
                            }[];
                            /** @description zones, cleaning report and other derived data; algorithm_version says which code produced it */
                            analysis: {
                                [key: string]: unknown;
                            };
                            algorithm_version: number | null;
                            events: {
                                kind: "START" | "PAUSE" | "RESUME" | "STOP";
                                /** Format: date-time */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/activities/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The comments on an activity, oldest first
         * @description Seen by exactly who may see the activity (404 for anyone else, as for the activity itself).
         */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                activity_id: string;
                                athlete: {
                                    /** Format: uuid */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                };
                                /** @description plain text: no markdown, no HTML. Show it as text; links (http and https) and @mentions are found in it as @stride/core’s tokenizeComment finds them */
                                text: string;
                                /** @description the @mentions in the text that name an athlete (others are plain text) */
                                mentions: {
                                    handle: string;
                                    /** Format: uuid */
                                    athlete_id: string;
                                }[];
                                /** @description whether you may delete it: you wrote it, or the activity is yours */
                                can_delete: boolean;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Comment on an activity
         * @description Seen by exactly who may see the activity (404 for anyone else, as for the activity itself). Athletes the text @mentions (by handle) are told when they may see the activity. At most 10 comments a minute and 60 an hour per athlete (429 with Retry-After).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 1–1000 characters once trimmed; control characters are removed and more than two blank lines in a row become two */
                        text: string;
                    };
                };
            };
            responses: {
                /** @description a comment on an activity */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            activity_id: string;
                            athlete: {
                                /** Format: uuid */
                                id: string;
                                handle: string;
                                display_name: string;
                            };
                            /** @description plain text: no markdown, no HTML. Show it as text; links (http and https) and @mentions are found in it as @stride/core’s tokenizeComment finds them */
                            text: string;
                            /** @description the @mentions in the text that name an athlete (others are plain text) */
                            mentions: {
                                handle: string;
                                /** Format: uuid */
                                athlete_id: string;
                            }[];
                            /** @description whether you may delete it: you wrote it, or the activity is yours */
                            can_delete: boolean;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{id}/comments/{commentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a comment
         * @description Its author may, and so may the athlete whose activity it is: 403 for anyone else who may see the activity, 404 for anyone who may not.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    commentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{id}/export.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the activity as GPX, TCX or FIT */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    format: "gpx" | "tcx" | "fit";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{id}/kudos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who gave kudos to an activity, newest first
         * @description Seen by exactly who may see the activity (404 for anyone else, as for the activity itself).
         */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                athlete: {
                                    /** Format: uuid */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description when they gave kudos
                                 */
                                created_at: string;
                            }[];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /**
         * Give kudos to an activity (again: nothing changes)
         * @description Seen by exactly who may see the activity (404 for anyone else, as for the activity itself). Not to your own activity (422).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description kudos the activity has now */
                            kudos_count: number;
                            comment_count: number;
                            /** @description whether you have given kudos to it */
                            has_kudoed: boolean;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Take back your kudos (when you gave none, nothing changes)
         * @description Seen by exactly who may see the activity (404 for anyone else, as for the activity itself).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description kudos the activity has now */
                            kudos_count: number;
                            comment_count: number;
                            /** @description whether you have given kudos to it */
                            has_kudoed: boolean;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{id}/legs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The legs of a multisport activity (swim, transition, bike, transition, run)
         * @description Every leg of the same multisport file that the viewer may see, in the order they happened; just this activity when it is not a leg of one.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                athlete: {
                                    /** Format: uuid */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                };
                                name: string;
                                description: string | null;
                                sport_type: string;
                                /** @description who may see an activity: everyone, followers, or only the athlete */
                                visibility: "everyone" | "followers" | "only_me";
                                state: "created" | "started" | "paused" | "complete";
                                source: "recorded" | "upload";
                                /** Format: date-time */
                                start_date: string | null;
                                /** @description local wall-clock time, no zone */
                                start_date_local: string | null;
                                timezone: string | null;
                                /** @description seconds */
                                utc_offset: number | null;
                                /** @description metres */
                                distance: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description seconds */
                                elapsed_time: number;
                                /** @description metres */
                                total_elevation_gain: number | null;
                                /** @description metres */
                                total_elevation_loss: number | null;
                                /** @description metres */
                                elev_high: number | null;
                                /** @description metres */
                                elev_low: number | null;
                                /** @description m/s */
                                average_speed: number | null;
                                /** @description m/s */
                                max_speed: number | null;
                                /** @description bpm */
                                average_heartrate: number | null;
                                /** @description bpm */
                                max_heartrate: number | null;
                                /** @description rpm (steps per minute per foot for runs) */
                                average_cadence: number | null;
                                average_watts: number | null;
                                /** @description normalized power */
                                weighted_average_watts: number | null;
                                max_watts: number | null;
                                kilojoules: number | null;
                                /** @description kcal */
                                calories: number | null;
                                /** @description [lat, lng]; null when hidden by privacy or when the activity has no position */
                                start_latlng: [
                                    number,
                                    number
                                ] | null;
                                /** @description [lat, lng]; null when hidden by privacy or when the activity has no position */
                                end_latlng: [
                                    number,
                                    number
                                ] | null;
                                /** @description the town nearest the start as this viewer sees it (GeoNames towns of 1,000 people or more, within 25 km); null without a visible start */
                                location_city: string | null;
                                /** @description that town’s country, in English */
                                location_country: string | null;
                                map: {
                                    summary_polyline: string | null;
                                };
                                device_name: string | null;
                                /** @description a leg of a multisport file (swim, transition, bike, transition, run): each session is an activity; GET /activities/{id}/legs lists the group */
                                multisport: {
                                    /** Format: uuid */
                                    group_id: string;
                                    /** @description this leg, counted from 1 */
                                    leg: number;
                                    /** @description legs in the file */
                                    legs: number;
                                } | null;
                                /** Format: uuid */
                                upload_id: string | null;
                                /** @description photos on the activity */
                                photo_count: number;
                                /** @description path on this server of the first photo’s thumb (GET /activities/{id}/photos lists them all) */
                                first_photo: string | null;
                                /** @description kudos given to the activity */
                                kudos_count: number;
                                /** @description comments on the activity (GET /activities/{id}/comments lists them) */
                                comment_count: number;
                                /** @description whether you gave kudos to it (false when not signed in) */
                                has_kudoed: boolean;
                                /** @description time in heart-rate zones weighted by zone (docs/training.md); null without heart rate */
                                relative_effort: number | null;
                                /** @description training load, TSS-scaled (an hour at threshold = 100); the athlete’s own only */
                                training_load: number | null;
                                /** @description what the load was computed from */
                                training_load_source: "power" | "heart_rate" | "pace" | (never | null);
                                /** @description personal records (1st, 2nd, 3rd fastest when set) and first times at a distance */
                                achievements: {
                                    kind: "pr" | "first_distance";
                                    /** @description a best effort: '5k', 'Half-Marathon'… */
                                    name: string;
                                    rank: number | null;
                                }[];
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{id}/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A live activity now (snapshot), or what happened since an event (polling)
         * @description The owner sees everything; approved followers (when shared with them and the visibility allows) see it through the privacy rules. Anyone else: 404.
         */
        get: {
            parameters: {
                query?: {
                    /** @description an event id as the stream sent it (`id:` of an SSE event, `last_event_id`) */
                    since?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the whole state, when no `since` was given or events after it are gone */
                            snapshot: {
                                /** Format: uuid */
                                activity_id: string;
                                /** Format: uuid */
                                athlete_id: string;
                                sport_type: string;
                                state: "recording" | "paused" | "ended" | "saved";
                                /** Format: uuid */
                                saved_activity_id: string | null;
                                /** Format: date-time */
                                last_seen_at: string;
                                totals: {
                                    /** @description metres */
                                    distance: number;
                                    /** @description seconds */
                                    moving_time: number;
                                    /** @description seconds */
                                    elapsed_time: number;
                                    /** @description m/s over the last moments (current pace) */
                                    current_speed: number;
                                    /** @description m/s over the moving time */
                                    average_speed: number;
                                    total_elevation_gain: number;
                                    current_heartrate: number | null;
                                    average_heartrate: number | null;
                                    point_count: number;
                                };
                                /** @description every point so far that this viewer may see, in time order */
                                points: {
                                    /** @description epoch seconds (fractions allowed) */
                                    t: number;
                                    lat: number;
                                    lng: number;
                                    alt?: number;
                                    hr?: number;
                                }[];
                                last_event_id: string;
                                /** @description the owner only: shared with followers */
                                followers?: boolean;
                            } | null;
                            events: {
                                id: string;
                                type: "points" | "state";
                                points?: {
                                    /** @description epoch seconds (fractions allowed) */
                                    t: number;
                                    lat: number;
                                    lng: number;
                                    alt?: number;
                                    hr?: number;
                                }[];
                                state?: "recording" | "paused" | "ended" | "saved";
                                at?: number;
                                /** Format: uuid */
                                activity_id?: string;
                                totals: {
                                    /** @description metres */
                                    distance: number;
                                    /** @description seconds */
                                    moving_time: number;
                                    /** @description seconds */
                                    elapsed_time: number;
                                    /** @description m/s over the last moments (current pace) */
                                    current_speed: number;
                                    /** @description m/s over the moving time */
                                    average_speed: number;
                                    total_elevation_gain: number;
                                    current_heartrate: number | null;
                                    average_heartrate: number | null;
                                    point_count: number;
                                };
                            }[];
                            /** @description pass as `since` next time */
                            last_event_id: string;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Send a batch of live points (owner only); a re-sent seq changes nothing
         * @description Batches may arrive late (after being offline) and are merged by time. Points live only in the live store: the activity itself is saved as usual at the end.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description batch number, unique per activity: a batch sent again changes nothing */
                        seq: number;
                        points: {
                            /** @description epoch seconds (fractions allowed) */
                            t: number;
                            lat: number;
                            lng: number;
                            alt?: number;
                            hr?: number;
                        }[];
                        /** @description the recorder’s state after this batch */
                        state?: "recording" | "paused";
                        /** @description share with my approved followers (as the activity’s visibility allows); default true */
                        followers?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            duplicate: boolean;
                            state: "recording" | "paused" | "ended" | "saved";
                            totals: {
                                /** @description metres */
                                distance: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description seconds */
                                elapsed_time: number;
                                /** @description m/s over the last moments (current pace) */
                                current_speed: number;
                                /** @description m/s over the moving time */
                                average_speed: number;
                                total_elevation_gain: number;
                                current_heartrate: number | null;
                                average_heartrate: number | null;
                                point_count: number;
                            };
                            last_event_id: string;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Stop sharing this activity live (viewers get `ended`) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{id}/live/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This activity’s safety links, newest first (tokens are not shown again) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                activity_id: string;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                expires_at: string;
                                /** Format: date-time */
                                revoked_at: string | null;
                                active: boolean;
                            }[];
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /**
         * A safety link: a secret URL to follow this activity live without an account
         * @description The token is shown once (only its hash is kept). It expires after `expires_in` seconds (default 24 h, at most 7 days) or when revoked; its holder sees what a follower sees.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description seconds until the link stops working; default 24 h, at most 7 days */
                        expires_in?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            activity_id: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            expires_at: string;
                            /** Format: date-time */
                            revoked_at: string | null;
                            active: boolean;
                            /** @description shown this once: only its hash is kept */
                            token: string;
                            /** @description the web page that follows the activity with this token */
                            url: string;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{id}/live/links/{linkId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a safety link (its holder gets 404 from now on) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    linkId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{id}/live/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A live activity as it happens (Server-Sent Events)
         * @description Opened with a ticket from POST /notifications/stream-ticket. Events: `snapshot` (the whole state) on a first open or when missed events are gone, then `points` and `state`, each with an `id:`. An EventSource resumes with Last-Event-ID (or `?last_event_id=`) and gets every event after it, none twice. A comment every 20 s keeps proxies from closing it; it ends with `state` `ended` when the viewer may no longer look.
         */
        get: {
            parameters: {
                query: {
                    /** @description from POST /notifications/stream-ticket (an EventSource cannot send a header) */
                    ticket: string;
                    /** @description an event id as the stream sent it (`id:` of an SSE event, `last_event_id`) */
                    last_event_id?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The photos of an activity, in order, with the paths of their sizes
         * @description Seen by exactly who may see the activity (404 for anyone else, as for the activity itself).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description in the order they were added */
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                activity_id: string;
                                /** @description of the large size, in pixels, upright */
                                width: number;
                                /** @description of the large size, in pixels, upright */
                                height: number;
                                caption: string | null;
                                urls: {
                                    /** @description path on this server of the large size (JPEG, long edge at most 1600 px); send the same token as for the activity */
                                    large: string;
                                    /** @description path on this server of the thumb size (JPEG, long edge at most 400 px); send the same token as for the activity */
                                    thumb: string;
                                };
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add photos to my activity (multipart, one or more "file" parts)
         * @description The activity’s owner only: 404 when you may not see the activity, 403 when you may see it but it is not yours. JPEG, PNG, WebP, AVIF or HEIC (converted to JPEG; a HEIC coded in HEVC is refused with a 415 when this server’s image library cannot decode HEVC: export it as JPEG), up to 20 MB each, up to 20 per activity. Each photo is turned upright from its EXIF orientation, then every piece of metadata is removed (EXIF, GPS position, XMP, IPTC), and only a large and a thumb size are kept: the file sent is not. All the photos of a request are added, or none: 415 for a file that is not a photo, 413 for one too large, 422 for one too many or a damaged photo.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** @description one or more photos, each in a part named "file": JPEG, PNG, WebP, AVIF or HEIC, up to 20 MB each */
                        file: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description in the order they were added */
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                activity_id: string;
                                /** @description of the large size, in pixels, upright */
                                width: number;
                                /** @description of the large size, in pixels, upright */
                                height: number;
                                caption: string | null;
                                urls: {
                                    /** @description path on this server of the large size (JPEG, long edge at most 1600 px); send the same token as for the activity */
                                    large: string;
                                    /** @description path on this server of the thumb size (JPEG, long edge at most 400 px); send the same token as for the activity */
                                    thumb: string;
                                };
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{id}/photos/{photoId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a photo
         * @description The activity’s owner only: 404 when you may not see the activity, 403 when you may see it but it is not yours.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    photoId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change the caption of a photo
         * @description The activity’s owner only: 404 when you may not see the activity, 403 when you may see it but it is not yours.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    photoId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description up to 500 characters; null or blank removes it */
                        caption: string | null;
                    };
                };
            };
            responses: {
                /** @description a photo of an activity, turned upright, with no metadata left in it (no EXIF, no GPS position) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            activity_id: string;
                            /** @description of the large size, in pixels, upright */
                            width: number;
                            /** @description of the large size, in pixels, upright */
                            height: number;
                            caption: string | null;
                            urls: {
                                /** @description path on this server of the large size (JPEG, long edge at most 1600 px); send the same token as for the activity */
                                large: string;
                                /** @description path on this server of the thumb size (JPEG, long edge at most 400 px); send the same token as for the activity */
                                thumb: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/activities/{id}/photos/{photoId}/{size}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One size of a photo (JPEG): large (1600 px long edge) or thumb (400 px)
         * @description Seen by exactly who may see the activity (404 for anyone else, as for the activity itself). A photo's bytes never change: the answer may be kept (privately) for good.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    photoId: string;
                    size: "large" | "thumb";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the JPEG */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": string;
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{id}/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a batch of live points; re-sending a batch (same seq) changes nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description batch number, unique per activity */
                        seq: number;
                        points: {
                            /** @description epoch seconds (fractions allowed), between 1990 and 2099 */
                            t: number;
                            lat?: number;
                            lng?: number;
                            alt?: number;
                            hr?: number;
                            cad?: number;
                            watts?: number;
                            /** @description horizontal accuracy, metres */
                            acc?: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            duplicate: boolean;
                            totals: {
                                distance: number;
                                moving_time: number;
                                elapsed_time: number;
                                average_speed: number | null;
                                total_elevation_gain: number;
                                point_count: number;
                            };
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{id}/recording": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Save a whole recording made offline (events and points), in one or more parts
         * @description Idempotent on the activity id. Long recordings may be sent as parts 1…parts; the activity is computed when every part has arrived. Events must end with STOP.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Strava's sport_type, e.g. Run, Ride, Hike */
                        sport_type: string;
                        name?: string;
                        description?: string;
                        /** @description who may see an activity: everyone, followers, or only the athlete */
                        visibility?: "everyone" | "followers" | "only_me";
                        events: {
                            kind: "START" | "PAUSE" | "RESUME" | "STOP";
                            /**
                             * Format: date-time
                             * @description the device’s time of the event
                             */
                            at: string;
                        }[];
                        points: {
                            /** @description epoch seconds (fractions allowed), between 1990 and 2099 */
                            t: number;
                            lat?: number;
                            lng?: number;
                            alt?: number;
                            hr?: number;
                            cad?: number;
                            watts?: number;
                            /** @description horizontal accuracy, metres */
                            acc?: number;
                        }[];
                        /** @default 1 */
                        part?: number;
                        /** @default 1 */
                        parts?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            athlete: {
                                /** Format: uuid */
                                id: string;
                                handle: string;
                                display_name: string;
                            };
                            name: string;
                            description: string | null;
                            sport_type: string;
                            /** @description who may see an activity: everyone, followers, or only the athlete */
                            visibility: "everyone" | "followers" | "only_me";
                            state: "created" | "started" | "paused" | "complete";
                            source: "recorded" | "upload";
                            /** Format: date-time */
                            start_date: string | null;
                            /** @description local wall-clock time, no zone */
                            start_date_local: string | null;
                            timezone: string | null;
                            /** @description seconds */
                            utc_offset: number | null;
                            /** @description metres */
                            distance: number;
                            /** @description seconds */
                            moving_time: number;
                            /** @description seconds */
                            elapsed_time: number;
                            /** @description metres */
                            total_elevation_gain: number | null;
                            /** @description metres */
                            total_elevation_loss: number | null;
                            /** @description metres */
                            elev_high: number | null;
                            /** @description metres */
                            elev_low: number | null;
                            /** @description m/s */
                            average_speed: number | null;
                            /** @description m/s */
                            max_speed: number | null;
                            /** @description bpm */
                            average_heartrate: number | null;
                            /** @description bpm */
                            max_heartrate: number | null;
                            /** @description rpm (steps per minute per foot for runs) */
                            average_cadence: number | null;
                            average_watts: number | null;
                            /** @description normalized power */
                            weighted_average_watts: number | null;
                            max_watts: number | null;
                            kilojoules: number | null;
                            /** @description kcal */
                            calories: number | null;
                            /** @description [lat, lng]; null when hidden by privacy or when the activity has no position */
                            start_latlng: [
                                number,
                                number
                            ] | null;
                            /** @description [lat, lng]; null when hidden by privacy or when the activity has no position */
                            end_latlng: [
                                number,
                                number
                            ] | null;
                            /** @description the town nearest the start as this viewer sees it (GeoNames towns of 1,000 people or more, within 25 km); null without a visible start */
                            location_city: string | null;
                            /** @description that town’s country, in English */
                            location_country: string | null;
                            map: {
                                summary_polyline: string | null;
                            };
                            device_name: string | null;
                            /** @description a leg of a multisport file (swim, transition, bike, transition, run): each session is an activity; GET /activities/{id}/legs lists the group */
                            multisport: {
                                /** Format: uuid */
                                group_id: string;
                                /** @description this leg, counted from 1 */
                                leg: number;
                                /** @description legs in the file */
                                legs: number;
                            } | null;
                            /** Format: uuid */
                            upload_id: string | null;
                            /** @description photos on the activity */
                            photo_count: number;
                            /** @description path on this server of the first photo’s thumb (GET /activities/{id}/photos lists them all) */
                            first_photo: string | null;
                            /** @description kudos given to the activity */
                            kudos_count: number;
                            /** @description comments on the activity (GET /activities/{id}/comments lists them) */
                            comment_count: number;
                            /** @description whether you gave kudos to it (false when not signed in) */
                            has_kudoed: boolean;
                            /** @description time in heart-rate zones weighted by zone (docs/training.md); null without heart rate */
                            relative_effort: number | null;
                            /** @description training load, TSS-scaled (an hour at threshold = 100); the athlete’s own only */
                            training_load: number | null;
                            /** @description what the load was computed from */
                            training_load_source: "power" | "heart_rate" | "pace" | (never | null);
                            /** @description personal records (1st, 2nd, 3rd fastest when set) and first times at a distance */
                            achievements: {
                                kind: "pr" | "first_distance";
                                /** @description a best effort: '5k', 'Half-Marathon'… */
                                name: string;
                                rank: number | null;
                            }[];
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            splits_metric: {
                                [key: string]: unknown;
                            }[];
                            splits_standard: {
                                [key: string]: unknown;
                            }[];
                            laps: {
                                [key: string]: unknown;
                            }[];
                            best_efforts: {
                                [key: string]: unknown;
                            }[];
                            /** @description efforts on segments, in order; others see only those outside hidden areas */
                            segment_efforts: {
                                /** Format: uuid */
                                id: string;
                                segment: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    /** @description metres */
                                    distance: number;
                                    /** @description percent */
                                    average_grade: number | null;
                                };
                                /** Format: uuid */
                                activity_id: string;
                                /** @description seconds between the interpolated gate crossings */
                                elapsed_time: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description metres */
                                distance: number;
                                /** @description index into the activity’s streams as you see them */
                                start_index: number;
                                end_index: number;
                                /** Format: date-time */
                                start_date: string;
                                /** @description local wall-clock time, no zone */
                                start_date_local: string;
                                /** @description the athlete’s 1st/2nd/3rd best time on this segment when it was set */
                                pr_rank: number | null;
                                /** @description rank on the overall all-time board when matched, if in the top 10 */
                                kom_rank: number | null;
                            }[];
                            /** @description zones, cleaning report and other derived data; algorithm_version says which code produced it */
                            analysis: {
                                [key: string]: unknown;
                            };
                            algorithm_version: number | null;
                            events: {
                                kind: "START" | "PAUSE" | "RESUME" | "STOP";
                                /** Format: date-time */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            athlete: {
                                /** Format: uuid */
                                id: string;
                                handle: string;
                                display_name: string;
                            };
                            name: string;
                            description: string | null;
                            sport_type: string;
                            /** @description who may see an activity: everyone, followers, or only the athlete */
                            visibility: "everyone" | "followers" | "only_me";
                            state: "created" | "started" | "paused" | "complete";
                            source: "recorded" | "upload";
                            /** Format: date-time */
                            start_date: string | null;
                            /** @description local wall-clock time, no zone */
                            start_date_local: string | null;
                            timezone: string | null;
                            /** @description seconds */
                            utc_offset: number | null;
                            /** @description metres */
                            distance: number;
                            /** @description seconds */
                            moving_time: number;
                            /** @description seconds */
                            elapsed_time: number;
                            /** @description metres */
                            total_elevation_gain: number | null;
                            /** @description metres */
                            total_elevation_loss: number | null;
                            /** @description metres */
                            elev_high: number | null;
                            /** @description metres */
                            elev_low: number | null;
                            /** @description m/s */
                            average_speed: number | null;
                            /** @description m/s */
                            max_speed: number | null;
                            /** @description bpm */
                            average_heartrate: number | null;
                            /** @description bpm */
                            max_heartrate: number | null;
                            /** @description rpm (steps per minute per foot for runs) */
                            average_cadence: number | null;
                            average_watts: number | null;
                            /** @description normalized power */
                            weighted_average_watts: number | null;
                            max_watts: number | null;
                            kilojoules: number | null;
                            /** @description kcal */
                            calories: number | null;
                            /** @description [lat, lng]; null when hidden by privacy or when the activity has no position */
                            start_latlng: [
                                number,
                                number
                            ] | null;
                            /** @description [lat, lng]; null when hidden by privacy or when the activity has no position */
                            end_latlng: [
                                number,
                                number
                            ] | null;
                            /** @description the town nearest the start as this viewer sees it (GeoNames towns of 1,000 people or more, within 25 km); null without a visible start */
                            location_city: string | null;
                            /** @description that town’s country, in English */
                            location_country: string | null;
                            map: {
                                summary_polyline: string | null;
                            };
                            device_name: string | null;
                            /** @description a leg of a multisport file (swim, transition, bike, transition, run): each session is an activity; GET /activities/{id}/legs lists the group */
                            multisport: {
                                /** Format: uuid */
                                group_id: string;
                                /** @description this leg, counted from 1 */
                                leg: number;
                                /** @description legs in the file */
                                legs: number;
                            } | null;
                            /** Format: uuid */
                            upload_id: string | null;
                            /** @description photos on the activity */
                            photo_count: number;
                            /** @description path on this server of the first photo’s thumb (GET /activities/{id}/photos lists them all) */
                            first_photo: string | null;
                            /** @description kudos given to the activity */
                            kudos_count: number;
                            /** @description comments on the activity (GET /activities/{id}/comments lists them) */
                            comment_count: number;
                            /** @description whether you gave kudos to it (false when not signed in) */
                            has_kudoed: boolean;
                            /** @description time in heart-rate zones weighted by zone (docs/training.md); null without heart rate */
                            relative_effort: number | null;
                            /** @description training load, TSS-scaled (an hour at threshold = 100); the athlete’s own only */
                            training_load: number | null;
                            /** @description what the load was computed from */
                            training_load_source: "power" | "heart_rate" | "pace" | (never | null);
                            /** @description personal records (1st, 2nd, 3rd fastest when set) and first times at a distance */
                            achievements: {
                                kind: "pr" | "first_distance";
                                /** @description a best effort: '5k', 'Half-Marathon'… */
                                name: string;
                                rank: number | null;
                            }[];
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            splits_metric: {
                                [key: string]: unknown;
                            }[];
                            splits_standard: {
                                [key: string]: unknown;
                            }[];
                            laps: {
                                [key: string]: unknown;
                            }[];
                            best_efforts: {
                                [key: string]: unknown;
                            }[];
                            /** @description efforts on segments, in order; others see only those outside hidden areas */
                            segment_efforts: {
                                /** Format: uuid */
                                id: string;
                                segment: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    /** @description metres */
                                    distance: number;
                                    /** @description percent */
                                    average_grade: number | null;
                                };
                                /** Format: uuid */
                                activity_id: string;
                                /** @description seconds between the interpolated gate crossings */
                                elapsed_time: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description metres */
                                distance: number;
                                /** @description index into the activity’s streams as you see them */
                                start_index: number;
                                end_index: number;
                                /** Format: date-time */
                                start_date: string;
                                /** @description local wall-clock time, no zone */
                                start_date_local: string;
                                /** @description the athlete’s 1st/2nd/3rd best time on this segment when it was set */
                                pr_rank: number | null;
                                /** @description rank on the overall all-time board when matched, if in the top 10 */
                                kom_rank: number | null;
                            }[];
                            /** @description zones, cleaning report and other derived data; algorithm_version says which code produced it */
                            analysis: {
                                [key: string]: unknown;
                            };
                            algorithm_version: number | null;
                            events: {
                                kind: "START" | "PAUSE" | "RESUME" | "STOP";
                                /** Format: date-time */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{id}/streams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Streams of an activity (time, latlng, distance, altitude, heartrate, …) */
        get: {
            parameters: {
                query?: {
                    /** @description comma-separated: time, latlng, distance, altitude, velocity_smooth, heartrate, cadence, watts, temp, moving, grade_smooth */
                    keys?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: {
                                data: unknown[];
                                original_size: number;
                                resolution: string;
                            };
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/athletes/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search athletes by handle or name
         * @description Best first: the athlete whose handle this is, then athletes whose handle or a word of whose name starts with it (in handle order), then names alike, most alike first (trigram similarity, so a typo still finds them; only when `q` is nobody’s handle). Case and accents never matter. Never yourself, nor anyone you block or who blocks you. Each with `follow_state` and `follows_you`. 400 when `q` is empty or longer than 64 characters once trimmed.
         */
        get: {
            parameters: {
                query: {
                    /** @description a handle or a name, or the start of one; 64 characters at most once trimmed. Case and accents do not matter ("lea" finds Léa) and small typos are forgiven ("camile" finds Camille); a leading "@" is ignored */
                    q: string;
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                handle: string;
                                display_name: string;
                                city: string | null;
                                /** @description the signed-in athlete’s follow of this one: none, requested (waiting for their approval) or following */
                                follow_state: "none" | "requested" | "following";
                                /** @description whether this athlete follows the signed-in one */
                                follows_you: boolean;
                            }[];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/athletes/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who to follow
         * @description Athletes followed by those you follow (most of them first), then athletes with public efforts on the segments you ride or run (most segments in common first), then athletes of your city — each with the reason, in words and as data. Never yourself, anyone you follow or asked to follow, nor a block either way.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                handle: string;
                                display_name: string;
                                city: string | null;
                                /** @description the signed-in athlete’s follow of this one: none, requested (waiting for their approval) or following */
                                follow_state: "none" | "requested" | "following";
                                /** @description whether this athlete follows the signed-in one */
                                follows_you: boolean;
                                /** @description why this athlete is suggested */
                                reason: {
                                    /** @description followed_by: athletes I follow follow them; segments: they have public efforts on segments I have efforts on; city: they live in my city */
                                    kind: "followed_by" | "segments" | "city";
                                    /** @description the reason in words: "followed by Léa and 2 others", "also rides …" */
                                    text: string;
                                    /** @description athletes I follow who follow them, or segments we share; 1 for a city */
                                    count: number;
                                    /** @description followed_by: up to three of those I follow who follow them */
                                    athletes: {
                                        /** Format: uuid */
                                        id: string;
                                        handle: string;
                                        display_name: string;
                                    }[];
                                    segment: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                        sport_type: "Run" | "Ride";
                                    } | null;
                                    city: string | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/athletes/{athlete}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An athlete’s public profile */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description athlete id or handle */
                    athlete: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            handle: string;
                            display_name: string;
                            city: string | null;
                            region: string | null;
                            country: string | null;
                            /** @description accepted followers */
                            follower_count: number;
                            following_count: number;
                            /** @description whether the signed-in athlete follows this one */
                            followed: boolean;
                            /** @description the signed-in athlete’s follow of this one: none, requested (waiting for their approval) or following */
                            follow_state: "none" | "requested" | "following";
                            /** @description whether this athlete approves followers: a follow is a request until accepted */
                            approve_followers: boolean;
                            /** @description whether the signed-in athlete blocks this one */
                            blocked: boolean;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/athletes/{athlete}/achievements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Best efforts and their history, power bests, streaks, recent achievements
         * @description Others see what the athlete’s visibility lets them see (totals of the activities they may open); 404 for anyone the athlete blocks.
         */
        get: {
            parameters: {
                query?: {
                    /** @description your local date, which picks the current week, month or year (default: today, UTC) */
                    date?: string;
                };
                header?: never;
                path: {
                    /** @description athlete id or handle */
                    athlete: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            athlete_id: string;
                            best_efforts: {
                                name: string;
                                distance: number;
                                records: {
                                    rank: number;
                                    elapsed_time: number;
                                    /** Format: uuid */
                                    activity_id: string;
                                    /**
                                     * Format: date
                                     * @description the local day it was set
                                     */
                                    start_date_local: string;
                                }[];
                                /** @description each time the record was lowered, oldest first */
                                history: {
                                    elapsed_time: number;
                                    /** Format: uuid */
                                    activity_id: string;
                                    /**
                                     * Format: date
                                     * @description the local day it was set
                                     */
                                    start_date_local: string;
                                }[];
                            }[];
                            /** @description rides' best power over 5 s … 1 h, best three */
                            power_bests: {
                                /** @description seconds */
                                duration: number;
                                records: {
                                    rank: number;
                                    /** @description W */
                                    value: number;
                                    /** Format: uuid */
                                    activity_id: string;
                                    /**
                                     * Format: date
                                     * @description the local day it was set
                                     */
                                    start_date_local: string;
                                }[];
                            }[];
                            /** @description rides' best speed over 5 s … 1 h, best three */
                            speed_bests: {
                                /** @description seconds */
                                duration: number;
                                records: {
                                    rank: number;
                                    /** @description m/s */
                                    value: number;
                                    /** Format: uuid */
                                    activity_id: string;
                                    /**
                                     * Format: date
                                     * @description the local day it was set
                                     */
                                    start_date_local: string;
                                }[];
                            }[];
                            streak: {
                                /** @description weeks in a row with an activity, to this week */
                                current_weeks: number;
                                longest_weeks: number;
                            };
                            /** @description newest first, at most 20 */
                            recent: {
                                kind: "pr" | "first_distance";
                                /** @description the best effort's name: '5k', 'Half-Marathon'… */
                                name: string;
                                rank: number | null;
                                elapsed_time: number;
                                /** Format: uuid */
                                activity_id: string;
                                /**
                                 * Format: date
                                 * @description the local day it was set
                                 */
                                start_date_local: string;
                            }[];
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/athletes/{athlete}/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The training log: each day’s activities
         * @description Days with activities over [from, to] (at most 400 days; default the last 52 weeks and this one, from a Monday). Others see what the athlete’s visibility lets them see (totals of the activities they may open); 404 for anyone the athlete blocks.
         */
        get: {
            parameters: {
                query?: {
                    /** @description first day */
                    from?: string;
                    /** @description last day (default: today, UTC) */
                    to?: string;
                };
                header?: never;
                path: {
                    /** @description athlete id or handle */
                    athlete: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            athlete_id: string;
                            /**
                             * Format: date
                             * @description first day
                             */
                            from: string;
                            /**
                             * Format: date
                             * @description last day
                             */
                            to: string;
                            days: {
                                /**
                                 * Format: date
                                 * @description a local day with activities
                                 */
                                day: string;
                                activities: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    sport_type: string;
                                    /** Format: date-time */
                                    start_date_local: string;
                                    moving_time: number;
                                    distance: number;
                                    relative_effort: number | null;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/athletes/{athlete}/fitness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Fitness, fatigue and form, day by day
         * @description Daily training load and its 42-day (fitness) and 7-day (fatigue) exponentially weighted averages, and form (their difference going into the day); see docs/training.md. Only the athlete sees it unless they share it (`share_training`): 403 otherwise.
         */
        get: {
            parameters: {
                query?: {
                    /** @description first day (default: 179 days before `to`) */
                    from?: string;
                    /** @description last day (default: today, UTC) */
                    to?: string;
                };
                header?: never;
                path: {
                    /** @description athlete id or handle */
                    athlete: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            athlete_id: string;
                            /**
                             * Format: date
                             * @description first day
                             */
                            from: string;
                            /**
                             * Format: date
                             * @description last day
                             */
                            to: string;
                            days: {
                                /**
                                 * Format: date
                                 * @description a day of the range
                                 */
                                day: string;
                                /** @description training load of the day (TSS-scaled) */
                                load: number;
                                /** @description chronic training load, 42-day time constant */
                                fitness: number;
                                /** @description acute training load, 7-day time constant */
                                fatigue: number;
                                /** @description fitness − fatigue going into the day */
                                form: number;
                            }[];
                            settings: {
                                /** @description W */
                                ftp: number | null;
                                ftp_estimated: boolean;
                                resting_hr: number;
                                resting_hr_estimated: boolean;
                                max_hr: number | null;
                                max_hr_estimated: boolean;
                                /** @description m/s */
                                threshold_speed: number | null;
                                threshold_speed_estimated: boolean;
                            };
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/athletes/{athlete}/follow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Follow an athlete, or ask to when they approve followers (idempotent)
         * @description Answers the follow state: `following`, or `requested` until the athlete accepts. 422 for yourself or an athlete you block; 404 for one who blocks you.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description athlete id or handle */
                    athlete: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the signed-in athlete’s follow of this one: none, requested (waiting for their approval) or following */
                            state: "none" | "requested" | "following";
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        /** Unfollow an athlete, or cancel a pending request (idempotent) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description athlete id or handle */
                    athlete: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/athletes/{athlete}/followers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who follows this athlete (accepted followers) */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description athlete id or handle */
                    athlete: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                handle: string;
                                display_name: string;
                                /** Format: date-time */
                                since: string;
                            }[];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/athletes/{athlete}/following": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whom this athlete follows */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description athlete id or handle */
                    athlete: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                handle: string;
                                display_name: string;
                                /** Format: date-time */
                                since: string;
                            }[];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/athletes/{athlete}/goals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An athlete’s goals, with progress this period
         * @description Others see what the athlete’s visibility lets them see (totals of the activities they may open); 404 for anyone the athlete blocks.
         */
        get: {
            parameters: {
                query?: {
                    /** @description your local date, which picks the current week, month or year (default: today, UTC) */
                    date?: string;
                };
                header?: never;
                path: {
                    /** @description athlete id or handle */
                    athlete: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** @description a sport family: run, ride, swim, walk (walks and hikes), other, or all */
                                sport: "all" | "run" | "ride" | "swim" | "walk" | "other";
                                /** @description weeks start on Monday */
                                period: "week" | "month" | "year";
                                /** @description metres, seconds, metres climbed, or a number of activities */
                                metric: "distance" | "moving_time" | "elevation_gain" | "count";
                                target: number;
                                /** Format: date-time */
                                created_at: string;
                                progress: {
                                    /**
                                     * Format: date
                                     * @description first day of the current period
                                     */
                                    start: string;
                                    /**
                                     * Format: date
                                     * @description the day after its last
                                     */
                                    end: string;
                                    value: number;
                                    /** @description value / target; above 1 past the target */
                                    fraction: number;
                                    reached: boolean;
                                    /** @description where an even pace through the period would be by the end of the day */
                                    expected: number;
                                };
                            }[];
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/athletes/{athlete}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Weekly, monthly or yearly totals, this period against the last, rolling distance
         * @description Totals per period over [from, to] (whole periods), the period holding `to` and the one before, and the 7- and 28-day rolling distance of each day. Others see what the athlete’s visibility lets them see (totals of the activities they may open); 404 for anyone the athlete blocks.
         */
        get: {
            parameters: {
                query?: {
                    /** @description a sport family: run, ride, swim, walk (walks and hikes), other, or all */
                    sport?: "all" | "run" | "ride" | "swim" | "walk" | "other";
                    /** @description weeks start on Monday */
                    period?: "week" | "month" | "year";
                    /** @description first day (default: 11 periods before `to`) */
                    from?: string;
                    /** @description last day (default: today, UTC): send your local date */
                    to?: string;
                };
                header?: never;
                path: {
                    /** @description athlete id or handle */
                    athlete: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            athlete_id: string;
                            /** @description a sport family: run, ride, swim, walk (walks and hikes), other, or all */
                            sport: "all" | "run" | "ride" | "swim" | "walk" | "other";
                            /** @description weeks start on Monday */
                            period: "week" | "month" | "year";
                            /** @description every period of the range, oldest first */
                            buckets: {
                                /**
                                 * Format: date
                                 * @description first day of the period
                                 */
                                start: string;
                                count: number;
                                /** @description metres */
                                distance: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description metres */
                                elevation_gain: number;
                            }[];
                            current: {
                                /**
                                 * Format: date
                                 * @description first day of the period
                                 */
                                start: string;
                                count: number;
                                /** @description metres */
                                distance: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description metres */
                                elevation_gain: number;
                            };
                            previous: {
                                /**
                                 * Format: date
                                 * @description first day of the period
                                 */
                                start: string;
                                count: number;
                                /** @description metres */
                                distance: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description metres */
                                elevation_gain: number;
                            };
                            rolling: {
                                /**
                                 * Format: date
                                 * @description a day of the range
                                 */
                                day: string;
                                /** @description metres over the 7 days ending that day */
                                distance_7d: number;
                                /** @description metres over the 28 days ending that day */
                                distance_28d: number;
                            }[];
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/athletes/{athlete}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Totals of an athlete’s runs, rides and swims: last 4 weeks, this year, all time */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description athlete id or handle */
                    athlete: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Strava's ActivityStats: recent (last 4 weeks), year to date (UTC) and all-time totals of the activities the viewer may see */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recent_run_totals: {
                                count: number;
                                /** @description metres */
                                distance: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description seconds */
                                elapsed_time: number;
                                /** @description metres */
                                elevation_gain: number;
                            };
                            recent_ride_totals: {
                                count: number;
                                /** @description metres */
                                distance: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description seconds */
                                elapsed_time: number;
                                /** @description metres */
                                elevation_gain: number;
                            };
                            recent_swim_totals: {
                                count: number;
                                /** @description metres */
                                distance: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description seconds */
                                elapsed_time: number;
                                /** @description metres */
                                elevation_gain: number;
                            };
                            ytd_run_totals: {
                                count: number;
                                /** @description metres */
                                distance: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description seconds */
                                elapsed_time: number;
                                /** @description metres */
                                elevation_gain: number;
                            };
                            ytd_ride_totals: {
                                count: number;
                                /** @description metres */
                                distance: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description seconds */
                                elapsed_time: number;
                                /** @description metres */
                                elevation_gain: number;
                            };
                            ytd_swim_totals: {
                                count: number;
                                /** @description metres */
                                distance: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description seconds */
                                elapsed_time: number;
                                /** @description metres */
                                elevation_gain: number;
                            };
                            all_run_totals: {
                                count: number;
                                /** @description metres */
                                distance: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description seconds */
                                elapsed_time: number;
                                /** @description metres */
                                elevation_gain: number;
                            };
                            all_ride_totals: {
                                count: number;
                                /** @description metres */
                                distance: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description seconds */
                                elapsed_time: number;
                                /** @description metres */
                                elevation_gain: number;
                            };
                            all_swim_totals: {
                                count: number;
                                /** @description metres */
                                distance: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description seconds */
                                elapsed_time: number;
                                /** @description metres */
                                elevation_gain: number;
                            };
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/athletes/{athlete}/year-in-review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A year’s totals, longest activity, biggest climb and most-ridden segment
         * @description Others see what the athlete’s visibility lets them see (totals of the activities they may open); 404 for anyone the athlete blocks.
         */
        get: {
            parameters: {
                query?: {
                    year?: number;
                };
                header?: never;
                path: {
                    /** @description athlete id or handle */
                    athlete: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            athlete_id: string;
                            year: number;
                            totals: {
                                run: {
                                    count: number;
                                    /** @description metres */
                                    distance: number;
                                    /** @description seconds */
                                    moving_time: number;
                                    /** @description metres */
                                    elevation_gain: number;
                                };
                                ride: {
                                    count: number;
                                    /** @description metres */
                                    distance: number;
                                    /** @description seconds */
                                    moving_time: number;
                                    /** @description metres */
                                    elevation_gain: number;
                                };
                                swim: {
                                    count: number;
                                    /** @description metres */
                                    distance: number;
                                    /** @description seconds */
                                    moving_time: number;
                                    /** @description metres */
                                    elevation_gain: number;
                                };
                                walk: {
                                    count: number;
                                    /** @description metres */
                                    distance: number;
                                    /** @description seconds */
                                    moving_time: number;
                                    /** @description metres */
                                    elevation_gain: number;
                                };
                                other: {
                                    count: number;
                                    /** @description metres */
                                    distance: number;
                                    /** @description seconds */
                                    moving_time: number;
                                    /** @description metres */
                                    elevation_gain: number;
                                };
                                all: {
                                    count: number;
                                    /** @description metres */
                                    distance: number;
                                    /** @description seconds */
                                    moving_time: number;
                                    /** @description metres */
                                    elevation_gain: number;
                                };
                            };
                            active_days: number;
                            longest: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                sport_type: string;
                                /**
                                 * Format: date
                                 * @description its local day
                                 */
                                start_date_local: string;
                                distance: number;
                                moving_time: number;
                            } | null;
                            biggest_climb: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                sport_type: string;
                                /**
                                 * Format: date
                                 * @description its local day
                                 */
                                start_date_local: string;
                                elevation_gain: number;
                            } | null;
                            most_ridden_segment: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                efforts: number;
                            } | null;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email or handle and password
         * @description When the account has two-factor login on, a right password answers 401 with code `TOTP_REQUIRED` and `details: { challenge, expires_in }`: send the challenge with a code from the authenticator app (or a recovery code) to `POST /auth/login/totp` within `expires_in` seconds.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description email or handle */
                        login: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description a signed-in session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            /** @description seconds until the access token expires */
                            expires_in: number;
                            /** @description single use: each refresh returns a new one */
                            refresh_token: string;
                            /** @description an athlete as their own account sees it */
                            athlete: {
                                /** Format: uuid */
                                id: string;
                                handle: string;
                                display_name: string;
                                email: string;
                                sex: ("M" | "F" | "X") | (never | null);
                                birth_year: number | null;
                                /** @description kg */
                                weight: number | null;
                                /** @description bpm, for heart-rate zones (else estimated from age) */
                                max_heartrate: number | null;
                                /** @description functional threshold power, W (else estimated) */
                                ftp_w: number | null;
                                /** @description bpm (else 60) */
                                resting_hr: number | null;
                                /** @description running threshold speed, m/s (else estimated) */
                                run_threshold_speed: number | null;
                                /** @description fitness, fatigue and form are shown to whoever may see the profile */
                                share_training: boolean;
                                country: string | null;
                                region: string | null;
                                city: string | null;
                                units: "metric" | "imperial";
                                /** @description who may see an activity: everyone, followers, or only the athlete */
                                default_visibility: "everyone" | "followers" | "only_me";
                                /** @description metres hidden at the start of every activity for others */
                                hide_start: number;
                                /** @description metres hidden at the end of every activity for others */
                                hide_end: number;
                                /** @description follows are requests I accept or decline; followers-only activities go to accepted followers */
                                approve_followers: boolean;
                                /** Format: date-time */
                                created_at: string;
                            };
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish a two-factor login with the challenge and a code
         * @description A wrong code is a 401 `INVALID_CODE`; each code works once. Five wrong codes in a row lock code checks for the account for fifteen minutes (429).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description from the TOTP_REQUIRED answer to the password */
                        challenge: string;
                        /** @description the 6 digits the authenticator app shows, or an unused recovery code */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description a signed-in session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            /** @description seconds until the access token expires */
                            expires_in: number;
                            /** @description single use: each refresh returns a new one */
                            refresh_token: string;
                            /** @description an athlete as their own account sees it */
                            athlete: {
                                /** Format: uuid */
                                id: string;
                                handle: string;
                                display_name: string;
                                email: string;
                                sex: ("M" | "F" | "X") | (never | null);
                                birth_year: number | null;
                                /** @description kg */
                                weight: number | null;
                                /** @description bpm, for heart-rate zones (else estimated from age) */
                                max_heartrate: number | null;
                                /** @description functional threshold power, W (else estimated) */
                                ftp_w: number | null;
                                /** @description bpm (else 60) */
                                resting_hr: number | null;
                                /** @description running threshold speed, m/s (else estimated) */
                                run_threshold_speed: number | null;
                                /** @description fitness, fatigue and form are shown to whoever may see the profile */
                                share_training: boolean;
                                country: string | null;
                                region: string | null;
                                city: string | null;
                                units: "metric" | "imperial";
                                /** @description who may see an activity: everyone, followers, or only the athlete */
                                default_visibility: "everyone" | "followers" | "only_me";
                                /** @description metres hidden at the start of every activity for others */
                                hide_start: number;
                                /** @description metres hidden at the end of every activity for others */
                                hide_end: number;
                                /** @description follows are requests I accept or decline; followers-only activities go to accepted followers */
                                approve_followers: boolean;
                                /** Format: date-time */
                                created_at: string;
                            };
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign this session out: its refresh token and access tokens stop working */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refresh_token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token for a new token pair (the old one stops working) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refresh_token: string;
                    };
                };
            };
            responses: {
                /** @description a signed-in session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            /** @description seconds until the access token expires */
                            expires_in: number;
                            /** @description single use: each refresh returns a new one */
                            refresh_token: string;
                            /** @description an athlete as their own account sees it */
                            athlete: {
                                /** Format: uuid */
                                id: string;
                                handle: string;
                                display_name: string;
                                email: string;
                                sex: ("M" | "F" | "X") | (never | null);
                                birth_year: number | null;
                                /** @description kg */
                                weight: number | null;
                                /** @description bpm, for heart-rate zones (else estimated from age) */
                                max_heartrate: number | null;
                                /** @description functional threshold power, W (else estimated) */
                                ftp_w: number | null;
                                /** @description bpm (else 60) */
                                resting_hr: number | null;
                                /** @description running threshold speed, m/s (else estimated) */
                                run_threshold_speed: number | null;
                                /** @description fitness, fatigue and form are shown to whoever may see the profile */
                                share_training: boolean;
                                country: string | null;
                                region: string | null;
                                city: string | null;
                                units: "metric" | "imperial";
                                /** @description who may see an activity: everyone, followers, or only the athlete */
                                default_visibility: "everyone" | "followers" | "only_me";
                                /** @description metres hidden at the start of every activity for others */
                                hide_start: number;
                                /** @description metres hidden at the end of every activity for others */
                                hide_end: number;
                                /** @description follows are requests I accept or decline; followers-only activities go to accepted followers */
                                approve_followers: boolean;
                                /** Format: date-time */
                                created_at: string;
                            };
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account and sign in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 3–30 letters, digits, "_", "." or "-"; unique regardless of case */
                        handle: string;
                        /** Format: email */
                        email: string;
                        /** @description 8–256 characters */
                        password: string;
                        display_name?: string;
                    };
                };
            };
            responses: {
                /** @description a signed-in session */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            /** @description seconds until the access token expires */
                            expires_in: number;
                            /** @description single use: each refresh returns a new one */
                            refresh_token: string;
                            /** @description an athlete as their own account sees it */
                            athlete: {
                                /** Format: uuid */
                                id: string;
                                handle: string;
                                display_name: string;
                                email: string;
                                sex: ("M" | "F" | "X") | (never | null);
                                birth_year: number | null;
                                /** @description kg */
                                weight: number | null;
                                /** @description bpm, for heart-rate zones (else estimated from age) */
                                max_heartrate: number | null;
                                /** @description functional threshold power, W (else estimated) */
                                ftp_w: number | null;
                                /** @description bpm (else 60) */
                                resting_hr: number | null;
                                /** @description running threshold speed, m/s (else estimated) */
                                run_threshold_speed: number | null;
                                /** @description fitness, fatigue and form are shown to whoever may see the profile */
                                share_training: boolean;
                                country: string | null;
                                region: string | null;
                                city: string | null;
                                units: "metric" | "imperial";
                                /** @description who may see an activity: everyone, followers, or only the athlete */
                                default_visibility: "everyone" | "followers" | "only_me";
                                /** @description metres hidden at the start of every activity for others */
                                hide_start: number;
                                /** @description metres hidden at the end of every activity for others */
                                hide_end: number;
                                /** @description follows are requests I accept or decline; followers-only activities go to accepted followers */
                                approve_followers: boolean;
                                /** Format: date-time */
                                created_at: string;
                            };
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/client-config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Settings the web app reads at start (map style, upload limit) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description MapLibre style JSON URL; null means the app draws on its built-in world map (no tiles) */
                            map_style_url: string | null;
                            /** @description largest activity file an upload accepts */
                            max_upload_bytes: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leaderboards/athletes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Top athletes by distance for a sport this week, month, year or in a range
         * @description Counts complete activities visible to everyone or to followers, each with the numbers others are shown of it (the visible part when privacy zones or hidden start/end cut some off), for every viewer, the athlete included. Periods are local calendar periods (ISO weeks, Monday first) of the viewer’s date; a custom range is at most 366 days within the last 400. A regional board names a country, and optionally a region or a city of it, as athletes wrote them in their profile.
         */
        get: {
            parameters: {
                query: {
                    /** @description Strava's sport_type, e.g. Run, Ride, Hike */
                    sport: string;
                    period?: "week" | "month" | "year" | "custom";
                    /** @description first day of a custom range (YYYY-MM-DD) */
                    from?: string;
                    /** @description last day of a custom range, included */
                    to?: string;
                    /** @description the viewer’s local date, picking the current period (default: today, UTC) */
                    date?: string;
                    /** @description only athletes of this country */
                    country?: string;
                    /** @description only athletes of this region of the country */
                    region?: string;
                    /** @description only athletes of this city of the country */
                    city?: string;
                    /** @description only me and athletes I follow */
                    following?: boolean;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: {
                                /** @description 1 = longest distance; equal distances share a rank */
                                rank: number;
                                athlete: {
                                    /** Format: uuid */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                };
                                /** @description metres */
                                distance: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description metres */
                                total_elevation_gain: number;
                                activities: number;
                            }[];
                            /** @description my own entry and rank, or null when I am not on this board */
                            viewer: {
                                /** @description 1 = longest distance; equal distances share a rank */
                                rank: number;
                                athlete: {
                                    /** Format: uuid */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                };
                                /** @description metres */
                                distance: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description metres */
                                total_elevation_gain: number;
                                activities: number;
                            } | null;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live now: the live activities of athletes I follow that I may see */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                activity_id: string;
                                athlete: {
                                    /** Format: uuid */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                };
                                sport_type: string;
                                state: "recording" | "paused" | "ended" | "saved";
                                /** Format: date-time */
                                last_seen_at: string;
                                totals: {
                                    /** @description metres */
                                    distance: number;
                                    /** @description seconds */
                                    moving_time: number;
                                    /** @description seconds */
                                    elapsed_time: number;
                                    /** @description m/s over the last moments (current pace) */
                                    current_speed: number;
                                    /** @description m/s over the moving time */
                                    average_speed: number;
                                    total_elevation_gain: number;
                                    current_heartrate: number | null;
                                    average_heartrate: number | null;
                                    point_count: number;
                                };
                            }[];
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/live/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A live activity through a safety link (snapshot, or polling with `since`)
         * @description What a follower sees. An expired, revoked or unknown link: 404.
         */
        get: {
            parameters: {
                query?: {
                    /** @description an event id as the stream sent it (`id:` of an SSE event, `last_event_id`) */
                    since?: string;
                };
                header?: never;
                path: {
                    /** @description the secret token of a safety link */
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the whole state, when no `since` was given or events after it are gone */
                            snapshot: {
                                /** Format: uuid */
                                activity_id: string;
                                /** Format: uuid */
                                athlete_id: string;
                                sport_type: string;
                                state: "recording" | "paused" | "ended" | "saved";
                                /** Format: uuid */
                                saved_activity_id: string | null;
                                /** Format: date-time */
                                last_seen_at: string;
                                totals: {
                                    /** @description metres */
                                    distance: number;
                                    /** @description seconds */
                                    moving_time: number;
                                    /** @description seconds */
                                    elapsed_time: number;
                                    /** @description m/s over the last moments (current pace) */
                                    current_speed: number;
                                    /** @description m/s over the moving time */
                                    average_speed: number;
                                    total_elevation_gain: number;
                                    current_heartrate: number | null;
                                    average_heartrate: number | null;
                                    point_count: number;
                                };
                                /** @description every point so far that this viewer may see, in time order */
                                points: {
                                    /** @description epoch seconds (fractions allowed) */
                                    t: number;
                                    lat: number;
                                    lng: number;
                                    alt?: number;
                                    hr?: number;
                                }[];
                                last_event_id: string;
                                /** @description the owner only: shared with followers */
                                followers?: boolean;
                            } | null;
                            events: {
                                id: string;
                                type: "points" | "state";
                                points?: {
                                    /** @description epoch seconds (fractions allowed) */
                                    t: number;
                                    lat: number;
                                    lng: number;
                                    alt?: number;
                                    hr?: number;
                                }[];
                                state?: "recording" | "paused" | "ended" | "saved";
                                at?: number;
                                /** Format: uuid */
                                activity_id?: string;
                                totals: {
                                    /** @description metres */
                                    distance: number;
                                    /** @description seconds */
                                    moving_time: number;
                                    /** @description seconds */
                                    elapsed_time: number;
                                    /** @description m/s over the last moments (current pace) */
                                    current_speed: number;
                                    /** @description m/s over the moving time */
                                    average_speed: number;
                                    total_elevation_gain: number;
                                    current_heartrate: number | null;
                                    average_heartrate: number | null;
                                    point_count: number;
                                };
                            }[];
                            /** @description pass as `since` next time */
                            last_event_id: string;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/live/{token}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A live activity through a safety link, as it happens (Server-Sent Events)
         * @description Events: `snapshot` (the whole state) on a first open or when missed events are gone, then `points` and `state`, each with an `id:`. An EventSource resumes with Last-Event-ID (or `?last_event_id=`) and gets every event after it, none twice. A comment every 20 s keeps proxies from closing it; it ends with `state` `ended` when the viewer may no longer look.
         */
        get: {
            parameters: {
                query?: {
                    /** @description an event id as the stream sent it (`id:` of an SSE event, `last_event_id`) */
                    last_event_id?: string;
                };
                header?: never;
                path: {
                    /** @description the secret token of a safety link */
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in athlete */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description an athlete as their own account sees it */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            handle: string;
                            display_name: string;
                            email: string;
                            sex: ("M" | "F" | "X") | (never | null);
                            birth_year: number | null;
                            /** @description kg */
                            weight: number | null;
                            /** @description bpm, for heart-rate zones (else estimated from age) */
                            max_heartrate: number | null;
                            /** @description functional threshold power, W (else estimated) */
                            ftp_w: number | null;
                            /** @description bpm (else 60) */
                            resting_hr: number | null;
                            /** @description running threshold speed, m/s (else estimated) */
                            run_threshold_speed: number | null;
                            /** @description fitness, fatigue and form are shown to whoever may see the profile */
                            share_training: boolean;
                            country: string | null;
                            region: string | null;
                            city: string | null;
                            units: "metric" | "imperial";
                            /** @description who may see an activity: everyone, followers, or only the athlete */
                            default_visibility: "everyone" | "followers" | "only_me";
                            /** @description metres hidden at the start of every activity for others */
                            hide_start: number;
                            /** @description metres hidden at the end of every activity for others */
                            hide_end: number;
                            /** @description follows are requests I accept or decline; followers-only activities go to accepted followers */
                            approve_followers: boolean;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete my account and all my data (activities, files, follows, zones) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update profile and settings */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        display_name?: string;
                        sex?: ("M" | "F" | "X") | (never | null);
                        birth_year?: number | null;
                        /** @description kg */
                        weight?: number | null;
                        /** @description bpm, for heart-rate zones; a change recomputes every activity in the background */
                        max_heartrate?: number | null;
                        /** @description functional threshold power, W (null: estimated from rides) */
                        ftp_w?: number | null;
                        /** @description resting heart rate, bpm (null: 60) */
                        resting_hr?: number | null;
                        /** @description running threshold speed, m/s (null: estimated from best efforts) */
                        run_threshold_speed?: number | null;
                        /** @description show fitness, fatigue and form to whoever may see my profile */
                        share_training?: boolean;
                        country?: string | null;
                        region?: string | null;
                        city?: string | null;
                        units?: "metric" | "imperial";
                        /** @description who may see an activity: everyone, followers, or only the athlete */
                        default_visibility?: "everyone" | "followers" | "only_me";
                        /** @description metres hidden at the start of every activity */
                        hide_start?: number;
                        /** @description metres hidden at the end of every activity */
                        hide_end?: number;
                        /** @description follows become requests I accept or decline; turning it off accepts every pending request */
                        approve_followers?: boolean;
                    };
                };
            };
            responses: {
                /** @description an athlete as their own account sees it */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            handle: string;
                            display_name: string;
                            email: string;
                            sex: ("M" | "F" | "X") | (never | null);
                            birth_year: number | null;
                            /** @description kg */
                            weight: number | null;
                            /** @description bpm, for heart-rate zones (else estimated from age) */
                            max_heartrate: number | null;
                            /** @description functional threshold power, W (else estimated) */
                            ftp_w: number | null;
                            /** @description bpm (else 60) */
                            resting_hr: number | null;
                            /** @description running threshold speed, m/s (else estimated) */
                            run_threshold_speed: number | null;
                            /** @description fitness, fatigue and form are shown to whoever may see the profile */
                            share_training: boolean;
                            country: string | null;
                            region: string | null;
                            city: string | null;
                            units: "metric" | "imperial";
                            /** @description who may see an activity: everyone, followers, or only the athlete */
                            default_visibility: "everyone" | "followers" | "only_me";
                            /** @description metres hidden at the start of every activity for others */
                            hide_start: number;
                            /** @description metres hidden at the end of every activity for others */
                            hide_end: number;
                            /** @description follows are requests I accept or decline; followers-only activities go to accepted followers */
                            approve_followers: boolean;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/me/blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Athletes I block, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                handle: string;
                                display_name: string;
                                /** Format: date-time */
                                since: string;
                            }[];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/blocks/{athlete}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Block an athlete (idempotent)
         * @description They no longer see my profile or activities (404), cannot follow or ask to; every follow and request between us ends, both ways. 422 for myself.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description athlete id or handle */
                    athlete: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Unblock an athlete (idempotent)
         * @description Follows the block ended do not come back.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description athlete id or handle */
                    athlete: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download everything Stride holds about me (zip: profile, activities, GPX tracks, original files) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/follow-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follow requests waiting for my approval, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                handle: string;
                                display_name: string;
                                /** Format: date-time */
                                since: string;
                            }[];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/follow-requests/{athlete}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a follow request
         * @description 404 when this athlete has not asked to follow me.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description athlete id or handle */
                    athlete: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/follow-requests/{athlete}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decline a follow request
         * @description 404 when this athlete has not asked to follow me.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description athlete id or handle */
                    athlete: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/followers/{athlete}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a follower (idempotent)
         * @description Ends their follow (and any request of theirs); they may follow or ask again.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description athlete id or handle */
                    athlete: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/goals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My goals, with progress this period */
        get: {
            parameters: {
                query?: {
                    /** @description your local date, which picks the current week, month or year (default: today, UTC) */
                    date?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** @description a sport family: run, ride, swim, walk (walks and hikes), other, or all */
                                sport: "all" | "run" | "ride" | "swim" | "walk" | "other";
                                /** @description weeks start on Monday */
                                period: "week" | "month" | "year";
                                /** @description metres, seconds, metres climbed, or a number of activities */
                                metric: "distance" | "moving_time" | "elevation_gain" | "count";
                                target: number;
                                /** Format: date-time */
                                created_at: string;
                                progress: {
                                    /**
                                     * Format: date
                                     * @description first day of the current period
                                     */
                                    start: string;
                                    /**
                                     * Format: date
                                     * @description the day after its last
                                     */
                                    end: string;
                                    value: number;
                                    /** @description value / target; above 1 past the target */
                                    fraction: number;
                                    reached: boolean;
                                    /** @description where an even pace through the period would be by the end of the day */
                                    expected: number;
                                };
                            }[];
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Set a goal
         * @description One goal per sport, period and metric (409 for a second: change its target instead). A notification arrives when an activity reaches it, once per period.
         */
        post: {
            parameters: {
                query?: {
                    /** @description your local date, which picks the current week, month or year (default: today, UTC) */
                    date?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a sport family: run, ride, swim, walk (walks and hikes), other, or all */
                        sport: "all" | "run" | "ride" | "swim" | "walk" | "other";
                        /** @description weeks start on Monday */
                        period: "week" | "month" | "year";
                        /** @description metres, seconds, metres climbed, or a number of activities */
                        metric: "distance" | "moving_time" | "elevation_gain" | "count";
                        /** @description in the metric’s unit: metres, seconds, metres climbed, activities */
                        target: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description a sport family: run, ride, swim, walk (walks and hikes), other, or all */
                            sport: "all" | "run" | "ride" | "swim" | "walk" | "other";
                            /** @description weeks start on Monday */
                            period: "week" | "month" | "year";
                            /** @description metres, seconds, metres climbed, or a number of activities */
                            metric: "distance" | "moving_time" | "elevation_gain" | "count";
                            target: number;
                            /** Format: date-time */
                            created_at: string;
                            progress: {
                                /**
                                 * Format: date
                                 * @description first day of the current period
                                 */
                                start: string;
                                /**
                                 * Format: date
                                 * @description the day after its last
                                 */
                                end: string;
                                value: number;
                                /** @description value / target; above 1 past the target */
                                fraction: number;
                                reached: boolean;
                                /** @description where an even pace through the period would be by the end of the day */
                                expected: number;
                            };
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/goals/{goal}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a goal */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    goal: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a goal’s target */
        patch: {
            parameters: {
                query?: {
                    /** @description your local date, which picks the current week, month or year (default: today, UTC) */
                    date?: string;
                };
                header?: never;
                path: {
                    goal: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description in the metric’s unit: metres, seconds, metres climbed, activities */
                        target: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description a sport family: run, ride, swim, walk (walks and hikes), other, or all */
                            sport: "all" | "run" | "ride" | "swim" | "walk" | "other";
                            /** @description weeks start on Monday */
                            period: "week" | "month" | "year";
                            /** @description metres, seconds, metres climbed, or a number of activities */
                            metric: "distance" | "moving_time" | "elevation_gain" | "count";
                            target: number;
                            /** Format: date-time */
                            created_at: string;
                            progress: {
                                /**
                                 * Format: date
                                 * @description first day of the current period
                                 */
                                start: string;
                                /**
                                 * Format: date
                                 * @description the day after its last
                                 */
                                end: string;
                                value: number;
                                /** @description value / target; above 1 past the target */
                                fraction: number;
                                reached: boolean;
                                /** @description where an even pace through the period would be by the end of the day */
                                expected: number;
                            };
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/me/notification-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My notification settings: in-app and push, per kind */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kudos: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            comment: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            mention: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            follower: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            follow_request: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            follow_accepted: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            segment_pr: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            kom_won: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            kom_lost: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            live_started: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            best_effort_pr: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            goal_reached: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change some kinds’ notification settings
         * @description In-app off stores nothing of that kind (and so pushes nothing); push off keeps the list but sends nothing to installed apps. Answers every kind’s setting.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description only the kinds and channels to change */
            requestBody: {
                content: {
                    "application/json": {
                        kudos?: {
                            in_app?: boolean;
                            push?: boolean;
                        };
                        comment?: {
                            in_app?: boolean;
                            push?: boolean;
                        };
                        mention?: {
                            in_app?: boolean;
                            push?: boolean;
                        };
                        follower?: {
                            in_app?: boolean;
                            push?: boolean;
                        };
                        follow_request?: {
                            in_app?: boolean;
                            push?: boolean;
                        };
                        follow_accepted?: {
                            in_app?: boolean;
                            push?: boolean;
                        };
                        segment_pr?: {
                            in_app?: boolean;
                            push?: boolean;
                        };
                        kom_won?: {
                            in_app?: boolean;
                            push?: boolean;
                        };
                        kom_lost?: {
                            in_app?: boolean;
                            push?: boolean;
                        };
                        live_started?: {
                            in_app?: boolean;
                            push?: boolean;
                        };
                        best_effort_pr?: {
                            in_app?: boolean;
                            push?: boolean;
                        };
                        goal_reached?: {
                            in_app?: boolean;
                            push?: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kudos: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            comment: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            mention: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            follower: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            follow_request: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            follow_accepted: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            segment_pr: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            kom_won: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            kom_lost: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            live_started: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            best_effort_pr: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                            goal_reached: {
                                /** @description stored in the list (and shown at once in open tabs) */
                                in_app: boolean;
                                /** @description sent to installed apps by Web Push (never when in_app is off) */
                                push: boolean;
                            };
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/me/privacy-zones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My privacy zones */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lng: number;
                            /** @description metres */
                            radius: number;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Add a privacy zone: other people never see your activities inside it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        lat: number;
                        lng: number;
                        /** @description metres, 200–1,600 */
                        radius: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lng: number;
                            /** @description metres */
                            radius: number;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/privacy-zones/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a privacy zone */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/segments/starred": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Segments I starred, most recently starred first */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** @description runs match Run segments, rides match Ride segments */
                                activity_type: "Run" | "Ride";
                                /** @description runs match Run segments, rides match Ride segments */
                                sport_type: "Run" | "Ride";
                                /** @description metres */
                                distance: number;
                                /** @description percent; null when the line has no elevation */
                                average_grade: number | null;
                                /** @description percent */
                                maximum_grade: number | null;
                                /** @description metres */
                                elevation_high: number | null;
                                /** @description metres */
                                elevation_low: number | null;
                                /** @description metres */
                                total_elevation_gain: number | null;
                                /** @description [lat, lng] */
                                start_latlng: [
                                    number,
                                    number
                                ];
                                /** @description [lat, lng] */
                                end_latlng: [
                                    number,
                                    number
                                ];
                                map: {
                                    /** @description the whole line, encoded polyline */
                                    polyline: string;
                                };
                                /** @description efforts on the public leaderboards */
                                effort_count: number;
                                /** @description athletes on the public leaderboards */
                                athlete_count: number;
                                star_count: number;
                                /** @description whether the signed-in athlete starred it */
                                starred: boolean;
                                /** @description the signed-in athlete created it (may delete it) */
                                created_by_viewer: boolean;
                                /** @description the signed-in athlete's own record here (all their activities) */
                                athlete_segment_stats: {
                                    /** @description seconds */
                                    pr_elapsed_time: number | null;
                                    /** Format: date-time */
                                    pr_date: string | null;
                                    effort_count: number;
                                } | null;
                                /** @description past activities are still being matched against it, so its leaderboard may still grow (on GET /segments/:id and POST /segments) */
                                matching?: boolean;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/two-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether two-factor login is on, and how many recovery codes are left */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            /** @description a set-up was started and waits for its first code */
                            pending: boolean;
                            recovery_codes_left: number;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Start setting up two-factor login: a secret for an authenticator app
         * @description Answers the Base32 secret and its `otpauth://` URI (show it as a QR code, or the secret to type in). Nothing changes at login until a first code confirms it. Starting again replaces a secret not yet confirmed; 409 when two-factor login is already on.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Base32, 160 bits */
                            secret: string;
                            /** @description otpauth://totp/… for a QR code */
                            otpauth_uri: string;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Turn two-factor login off, with the password and a code (or a recovery code) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        /** @description the 6 digits the authenticator app shows, or an unused recovery code */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/two-factor/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn two-factor login on with a first code from the app
         * @description Answers ten single-use recovery codes, shown this once (only their hashes are kept): each signs in once in place of a code when the app is lost.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the 6 digits the authenticator app shows */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recovery_codes: string[];
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My notifications, newest first, grouped
         * @description Events of one kind about one thing join one unread item: several kudos on an activity are one item naming the latest three athletes and how many there are.
         */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description kudos: Kudos on your activities; comment: Comments on your activities; mention: Mentions in comments; follower: New followers; follow_request: Follow requests; follow_accepted: Follow requests accepted; segment_pr: Personal records on segments; kom_won: KOMs won; kom_lost: KOMs lost; live_started: Friends live now; best_effort_pr: Personal records on best efforts (5k, 10k…); goal_reached: Goals reached
                                 * @enum {unknown}
                                 */
                                kind: "kudos" | "comment" | "mention" | "follower" | "follow_request" | "follow_accepted" | "segment_pr" | "kom_won" | "kom_lost" | "live_started" | "best_effort_pr" | "goal_reached";
                                read: boolean;
                                /** Format: date-time */
                                created_at: string;
                                /**
                                 * Format: date-time
                                 * @description the latest event of the item (the list is newest first by it)
                                 */
                                updated_at: string;
                                /** @description who caused it, latest first (at most three; empty for your own PRs and KOMs) */
                                actors: {
                                    /** Format: uuid */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                }[];
                                /** @description how many athletes caused it in all */
                                actor_count: number;
                                activity: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @description null when you may no longer see the activity */
                                    name: string | null;
                                } | null;
                                segment: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                /** Format: uuid */
                                comment_id: string | null;
                                /** @description the effort’s elapsed time in seconds, for PRs and KOMs */
                                elapsed_time: number | null;
                                /** @description what happened, e.g. "Léa and 3 others gave kudos to Morning Run" */
                                text: string;
                                /** @description the web app’s page about it, e.g. /activities/… */
                                url: string;
                            }[];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark notifications read: { ids } or { all: true }
         * @description 404 when an id is not one of my notifications (none is marked then).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description either ids or all: true */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description these notifications */
                        ids?: string[];
                        /**
                         * @description every notification (mark all read)
                         * @enum {boolean}
                         */
                        all?: true;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unread_count: number;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My notifications as they happen (Server-Sent Events)
         * @description Opened with a ticket from POST /notifications/stream-ticket. Events: `unread` `{ unread_count }` at once and whenever it changes elsewhere, `notification` `{ item, unread_count }` for each new (or grown) item. A comment line every 20 s keeps proxies from closing it; it ends when the session is signed out.
         */
        get: {
            parameters: {
                query: {
                    /** @description from POST /notifications/stream-ticket (an EventSource cannot send a header) */
                    ticket: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/stream-ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A short-lived ticket that opens my notification stream
         * @description An EventSource cannot send an Authorization header: the page asks for a ticket (valid 60 s, for the stream only, ending with the session) and opens /notifications/stream?ticket=… with it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description send as ?ticket= to /notifications/stream */
                            ticket: string;
                            /** @description seconds left to open the stream with it */
                            expires_in: number;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of my notifications are unread */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unread_count: number;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/push/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive my notifications in this browser by Web Push
         * @description The body is the PushSubscription’s JSON. Its endpoint must be a push service this server sends to (STRIDE_PUSH_HOSTS). A browser subscribed by another account moves to mine.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description a PushSubscription as its toJSON() gives it */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the push service URL */
                        endpoint: string;
                        /** @description ms since 1970, when it expires */
                        expirationTime?: number | null;
                        keys: {
                            p256dh: string;
                            auth: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /**
         * Stop Web Push to this browser (idempotent)
         * @description Only my own subscription at this endpoint is removed.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        endpoint: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/push/vapid-public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The server’s VAPID public key (applicationServerKey for pushManager.subscribe) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description base64url */
                            public_key: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Explore: segments in a map area, most popular first */
        get: {
            parameters: {
                query: {
                    /** @description minLat,minLng,maxLat,maxLng (degrees) */
                    bbox: string;
                    /** @description runs match Run segments, rides match Ride segments */
                    sport_type?: "Run" | "Ride";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** @description runs match Run segments, rides match Ride segments */
                                activity_type: "Run" | "Ride";
                                /** @description runs match Run segments, rides match Ride segments */
                                sport_type: "Run" | "Ride";
                                /** @description metres */
                                distance: number;
                                /** @description percent; null when the line has no elevation */
                                average_grade: number | null;
                                /** @description percent */
                                maximum_grade: number | null;
                                /** @description metres */
                                elevation_high: number | null;
                                /** @description metres */
                                elevation_low: number | null;
                                /** @description metres */
                                total_elevation_gain: number | null;
                                /** @description [lat, lng] */
                                start_latlng: [
                                    number,
                                    number
                                ];
                                /** @description [lat, lng] */
                                end_latlng: [
                                    number,
                                    number
                                ];
                                map: {
                                    /** @description the whole line, encoded polyline */
                                    polyline: string;
                                };
                                /** @description efforts on the public leaderboards */
                                effort_count: number;
                                /** @description athletes on the public leaderboards */
                                athlete_count: number;
                                star_count: number;
                                /** @description whether the signed-in athlete starred it */
                                starred: boolean;
                                /** @description the signed-in athlete created it (may delete it) */
                                created_by_viewer: boolean;
                                /** @description the signed-in athlete's own record here (all their activities) */
                                athlete_segment_stats: {
                                    /** @description seconds */
                                    pr_elapsed_time: number | null;
                                    /** Format: date-time */
                                    pr_date: string | null;
                                    effort_count: number;
                                } | null;
                                /** @description past activities are still being matched against it, so its leaderboard may still grow (on GET /segments/:id and POST /segments) */
                                matching?: boolean;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a segment from part of one of your activities, or from a drawn line
         * @description Too short, mostly stationary or otherwise unusable lines answer 422 with the reason.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Either a part of one of your activities (activity_id, start_index, end_index; the sport is the activity’s) or a drawn line (points, sport_type), at least 100 m long. */
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** Format: uuid */
                        activity_id?: string;
                        /** @description first sample (streams index) */
                        start_index?: number;
                        /** @description last sample, included */
                        end_index?: number;
                        /** @description a drawn line: [[lat, lng], …] */
                        points?: [
                            number,
                            number
                        ][];
                        /** @description runs match Run segments, rides match Ride segments */
                        sport_type?: "Run" | "Ride";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description runs match Run segments, rides match Ride segments */
                            activity_type: "Run" | "Ride";
                            /** @description runs match Run segments, rides match Ride segments */
                            sport_type: "Run" | "Ride";
                            /** @description metres */
                            distance: number;
                            /** @description percent; null when the line has no elevation */
                            average_grade: number | null;
                            /** @description percent */
                            maximum_grade: number | null;
                            /** @description metres */
                            elevation_high: number | null;
                            /** @description metres */
                            elevation_low: number | null;
                            /** @description metres */
                            total_elevation_gain: number | null;
                            /** @description [lat, lng] */
                            start_latlng: [
                                number,
                                number
                            ];
                            /** @description [lat, lng] */
                            end_latlng: [
                                number,
                                number
                            ];
                            map: {
                                /** @description the whole line, encoded polyline */
                                polyline: string;
                            };
                            /** @description efforts on the public leaderboards */
                            effort_count: number;
                            /** @description athletes on the public leaderboards */
                            athlete_count: number;
                            star_count: number;
                            /** @description whether the signed-in athlete starred it */
                            starred: boolean;
                            /** @description the signed-in athlete created it (may delete it) */
                            created_by_viewer: boolean;
                            /** @description the signed-in athlete's own record here (all their activities) */
                            athlete_segment_stats: {
                                /** @description seconds */
                                pr_elapsed_time: number | null;
                                /** Format: date-time */
                                pr_date: string | null;
                                effort_count: number;
                            } | null;
                            /** @description past activities are still being matched against it, so its leaderboard may still grow (on GET /segments/:id and POST /segments) */
                            matching?: boolean;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One segment, with your own record on it when signed in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description runs match Run segments, rides match Ride segments */
                            activity_type: "Run" | "Ride";
                            /** @description runs match Run segments, rides match Ride segments */
                            sport_type: "Run" | "Ride";
                            /** @description metres */
                            distance: number;
                            /** @description percent; null when the line has no elevation */
                            average_grade: number | null;
                            /** @description percent */
                            maximum_grade: number | null;
                            /** @description metres */
                            elevation_high: number | null;
                            /** @description metres */
                            elevation_low: number | null;
                            /** @description metres */
                            total_elevation_gain: number | null;
                            /** @description [lat, lng] */
                            start_latlng: [
                                number,
                                number
                            ];
                            /** @description [lat, lng] */
                            end_latlng: [
                                number,
                                number
                            ];
                            map: {
                                /** @description the whole line, encoded polyline */
                                polyline: string;
                            };
                            /** @description efforts on the public leaderboards */
                            effort_count: number;
                            /** @description athletes on the public leaderboards */
                            athlete_count: number;
                            star_count: number;
                            /** @description whether the signed-in athlete starred it */
                            starred: boolean;
                            /** @description the signed-in athlete created it (may delete it) */
                            created_by_viewer: boolean;
                            /** @description the signed-in athlete's own record here (all their activities) */
                            athlete_segment_stats: {
                                /** @description seconds */
                                pr_elapsed_time: number | null;
                                /** Format: date-time */
                                pr_date: string | null;
                                effort_count: number;
                            } | null;
                            /** @description past activities are still being matched against it, so its leaderboard may still grow (on GET /segments/:id and POST /segments) */
                            matching?: boolean;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a segment you created (its efforts and leaderboards go with it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}/efforts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My efforts on a segment, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description whose efforts: only your own can be listed */
                    athlete?: "me";
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                segment: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    /** @description metres */
                                    distance: number;
                                    /** @description percent */
                                    average_grade: number | null;
                                };
                                /** Format: uuid */
                                activity_id: string;
                                /** @description seconds between the interpolated gate crossings */
                                elapsed_time: number;
                                /** @description seconds */
                                moving_time: number;
                                /** @description metres */
                                distance: number;
                                /** @description index into the activity’s streams as you see them */
                                start_index: number;
                                end_index: number;
                                /** Format: date-time */
                                start_date: string;
                                /** @description local wall-clock time, no zone */
                                start_date_local: string;
                                /** @description the athlete’s 1st/2nd/3rd best time on this segment when it was set */
                                pr_rank: number | null;
                                /** @description rank on the overall all-time board when matched, if in the top 10 */
                                kom_rank: number | null;
                            }[];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}/leaderboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A leaderboard of the segment: each athlete’s best in the period
         * @description Periods follow the segment’s local calendar. Only efforts of activities visible to everyone rank (see docs/privacy.md). `following=true` needs a token.
         */
        get: {
            parameters: {
                query?: {
                    period?: "all_time" | "year" | "month" | "week" | "today";
                    sex?: "M" | "F";
                    age_group?: "0_19" | "20_24" | "25_34" | "35_44" | "45_54" | "55_64" | "65_69" | "70_74" | "75_plus";
                    following?: boolean;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            segment_id: string;
                            period: string;
                            /** @description athletes on this board */
                            entry_count: number;
                            entries: {
                                rank: number;
                                athlete: {
                                    /** Format: uuid */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                };
                                elapsed_time: number;
                                moving_time: number;
                                /** Format: date-time */
                                start_date: string;
                                start_date_local: string;
                                /** Format: uuid */
                                activity_id: string;
                                /** Format: uuid */
                                effort_id: string;
                            }[];
                            /** @description your best on this board and the entries around it (yours included) */
                            viewer: {
                                best: {
                                    rank: number;
                                    athlete: {
                                        /** Format: uuid */
                                        id: string;
                                        handle: string;
                                        display_name: string;
                                    };
                                    elapsed_time: number;
                                    moving_time: number;
                                    /** Format: date-time */
                                    start_date: string;
                                    start_date_local: string;
                                    /** Format: uuid */
                                    activity_id: string;
                                    /** Format: uuid */
                                    effort_id: string;
                                };
                                neighbours: {
                                    rank: number;
                                    athlete: {
                                        /** Format: uuid */
                                        id: string;
                                        handle: string;
                                        display_name: string;
                                    };
                                    elapsed_time: number;
                                    moving_time: number;
                                    /** Format: date-time */
                                    start_date: string;
                                    start_date_local: string;
                                    /** Format: uuid */
                                    activity_id: string;
                                    /** Format: uuid */
                                    effort_id: string;
                                }[];
                            } | null;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}/star": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Star a segment */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description runs match Run segments, rides match Ride segments */
                            activity_type: "Run" | "Ride";
                            /** @description runs match Run segments, rides match Ride segments */
                            sport_type: "Run" | "Ride";
                            /** @description metres */
                            distance: number;
                            /** @description percent; null when the line has no elevation */
                            average_grade: number | null;
                            /** @description percent */
                            maximum_grade: number | null;
                            /** @description metres */
                            elevation_high: number | null;
                            /** @description metres */
                            elevation_low: number | null;
                            /** @description metres */
                            total_elevation_gain: number | null;
                            /** @description [lat, lng] */
                            start_latlng: [
                                number,
                                number
                            ];
                            /** @description [lat, lng] */
                            end_latlng: [
                                number,
                                number
                            ];
                            map: {
                                /** @description the whole line, encoded polyline */
                                polyline: string;
                            };
                            /** @description efforts on the public leaderboards */
                            effort_count: number;
                            /** @description athletes on the public leaderboards */
                            athlete_count: number;
                            star_count: number;
                            /** @description whether the signed-in athlete starred it */
                            starred: boolean;
                            /** @description the signed-in athlete created it (may delete it) */
                            created_by_viewer: boolean;
                            /** @description the signed-in athlete's own record here (all their activities) */
                            athlete_segment_stats: {
                                /** @description seconds */
                                pr_elapsed_time: number | null;
                                /** Format: date-time */
                                pr_date: string | null;
                                effort_count: number;
                            } | null;
                            /** @description past activities are still being matched against it, so its leaderboard may still grow (on GET /segments/:id and POST /segments) */
                            matching?: boolean;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        /** Unstar a segment */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description runs match Run segments, rides match Ride segments */
                            activity_type: "Run" | "Ride";
                            /** @description runs match Run segments, rides match Ride segments */
                            sport_type: "Run" | "Ride";
                            /** @description metres */
                            distance: number;
                            /** @description percent; null when the line has no elevation */
                            average_grade: number | null;
                            /** @description percent */
                            maximum_grade: number | null;
                            /** @description metres */
                            elevation_high: number | null;
                            /** @description metres */
                            elevation_low: number | null;
                            /** @description metres */
                            total_elevation_gain: number | null;
                            /** @description [lat, lng] */
                            start_latlng: [
                                number,
                                number
                            ];
                            /** @description [lat, lng] */
                            end_latlng: [
                                number,
                                number
                            ];
                            map: {
                                /** @description the whole line, encoded polyline */
                                polyline: string;
                            };
                            /** @description efforts on the public leaderboards */
                            effort_count: number;
                            /** @description athletes on the public leaderboards */
                            athlete_count: number;
                            star_count: number;
                            /** @description whether the signed-in athlete starred it */
                            starred: boolean;
                            /** @description the signed-in athlete created it (may delete it) */
                            created_by_viewer: boolean;
                            /** @description the signed-in athlete's own record here (all their activities) */
                            athlete_segment_stats: {
                                /** @description seconds */
                                pr_elapsed_time: number | null;
                                /** Format: date-time */
                                pr_date: string | null;
                                effort_count: number;
                            } | null;
                            /** @description past activities are still being matched against it, so its leaderboard may still grow (on GET /segments/:id and POST /segments) */
                            matching?: boolean;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}/streams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Positions, distance and altitude along a segment (its elevation profile)
         * @description Strava’s segment streams, aligned sample by sample. A segment cut from an activity has its smoothed altitude (the one its grades and elevations come from) at up to 500 samples; a drawn line has its vertices and distance, and no altitude key.
         */
        get: {
            parameters: {
                query?: {
                    /** @description comma-separated: latlng, distance, altitude */
                    keys?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: {
                                data: unknown[];
                                original_size: number;
                                resolution: string;
                            };
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a GPX, TCX or FIT file (or .gz), or a ZIP of them; poll the upload until it is ready
         * @description multipart/form-data with a `file` part and optional fields name, description, sport_type, visibility (everyone | followers | only_me) and external_id. Answers 202 at once; the file is processed in the background. A ZIP archive (such as a Strava account export, whose activities.csv gives each activity its name, description and sport) is answered with kind "archive": each activity file in it becomes an upload of its own, counted in `counts`; visibility applies to all of them, the other fields to none. A form that cannot be read, or a field that breaks its rule, is a 400; a file that is none of these, a 415.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description the GPX, TCX or FIT file, a gzip of one, or a ZIP of them
                         */
                        file: string;
                        /** @description the activity’s name (else the file’s, or one made from sport and time) */
                        name?: string;
                        /** @description up to 2000 bytes */
                        description?: string;
                        /** @description Strava's sport_type, e.g. Run, Ride, Hike */
                        sport_type?: string;
                        /** @description who may see an activity: everyone, followers, or only the athlete */
                        visibility?: "everyone" | "followers" | "only_me";
                        /** @description your own id for the file, echoed back on the upload */
                        external_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description file: one activity file; archive: a ZIP of them (such as a Strava account export), each of whose files becomes an upload of its own */
                            kind: "file" | "archive";
                            /** @description queued → processing → ready | duplicate | error. An archive is ready once its files are read out (see counts for their progress), or error when it is refused. */
                            status: "queued" | "processing" | "ready" | "duplicate" | "error";
                            /**
                             * Format: uuid
                             * @description the new activity when ready; the existing one when duplicate
                             */
                            activity_id: string | null;
                            /** @description every activity of the file, in the file's order, new or found to be a duplicate: a multisport file (swim, transition, bike, transition, run) makes one per session */
                            activity_ids: string[];
                            /** @description why the file was refused */
                            error: string | null;
                            /** @description what processing recovered from or repaired: a damaged file read anyway (e.g. a FIT file whose checksum is wrong), records skipped, impossible values dropped */
                            warnings: string[];
                            file_name: string | null;
                            external_id: string | null;
                            /**
                             * Format: uuid
                             * @description the archive this file was read from
                             */
                            archive_id: string | null;
                            /** @description archives only */
                            counts: {
                                /** @description activity files found in the archive so far */
                                files: number;
                                /** @description imported as new activities */
                                ready: number;
                                /** @description already there (same file, or same start and distance) */
                                duplicate: number;
                                /** @description could not be imported */
                                error: number;
                                /** @description waiting or being processed */
                                queued: number;
                            } | (never | null);
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Processing status of one of my uploads */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description file: one activity file; archive: a ZIP of them (such as a Strava account export), each of whose files becomes an upload of its own */
                            kind: "file" | "archive";
                            /** @description queued → processing → ready | duplicate | error. An archive is ready once its files are read out (see counts for their progress), or error when it is refused. */
                            status: "queued" | "processing" | "ready" | "duplicate" | "error";
                            /**
                             * Format: uuid
                             * @description the new activity when ready; the existing one when duplicate
                             */
                            activity_id: string | null;
                            /** @description every activity of the file, in the file's order, new or found to be a duplicate: a multisport file (swim, transition, bike, transition, run) makes one per session */
                            activity_ids: string[];
                            /** @description why the file was refused */
                            error: string | null;
                            /** @description what processing recovered from or repaired: a damaged file read anyway (e.g. a FIT file whose checksum is wrong), records skipped, impossible values dropped */
                            warnings: string[];
                            file_name: string | null;
                            external_id: string | null;
                            /**
                             * Format: uuid
                             * @description the archive this file was read from
                             */
                            archive_id: string | null;
                            /** @description archives only */
                            counts: {
                                /** @description activity files found in the archive so far */
                                files: number;
                                /** @description imported as new activities */
                                ready: number;
                                /** @description already there (same file, or same start and distance) */
                                duplicate: number;
                                /** @description could not be imported */
                                error: number;
                                /** @description waiting or being processed */
                                queued: number;
                            } | (never | null);
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every failure answers with this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is alive */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The database, Redis (when configured) and the blob store answer: ready for traffic
         * @description A 503 names what is down in its message, and gives each dependency as "ok" or "down" in `details.checks`. The blob store check writes, reads back and deletes a small object, and checks the store is the one every process of this database shares.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready";
                            database: "pglite" | "postgres";
                            redis: boolean;
                        };
                    };
                };
                /** @description Every failure answers with this shape */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Every failure answers with this shape */
        ErrorResponse: {
            error: {
                /** @description stable machine-readable code, e.g. VALIDATION_FAILED */
                code: string;
                /** @description what is wrong, for people */
                message: string;
                details?: {
                    [key: string]: unknown;
                };
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
