import { randomBytes } from 'node:crypto';
import { type PrivacyZone, privacyMask, type Track } from '@stride/core';
import type { ExportFormat, exportActivity, Geometry } from '../activities/activity-compute.js';
import type { AthleteService } from '../athletes/athlete.service.js';
import type { ComputePool } from '../compute/compute-pool.js';
import type { ActivityRow, PrivacyZoneRow } from '../platform/db/schema.js';
import { Errors } from '../platform/errors.js';
import type { EventHub, EventListener } from '../platform/events/event-hub.js';
import { othersEvents } from './others-view.js';
import type { PrivacyZoneRepository } from './privacy-zone.repository.js';

/**
 * What one viewer may see of one activity. Everything that leaves the server for someone other
 * than the owner is built from this: the row's start, totals and details, the summary's
 * geometry, and the track behind streams and exports. When part of the activity is hidden from
 * this viewer, all of them describe the visible part alone, as if it were the whole activity.
 */
export interface ActivityView {
  /** The activity as this viewer may see it (start, totals and details of the visible part). */
  row: ActivityRow;
  isOwner: boolean;
  /** Polyline, start/end and bounds as this viewer may see them. */
  geometry: Geometry;
  /**
   * Every API stream (STREAM_KEYS) as this viewer may see it, as JSON; null when the activity
   * has no track or nothing of it may be shown.
   */
  streamsJson(): Promise<string | null>;
  /** The file this viewer may download (the visible part alone); null without a track. */
  export(format: ExportFormat): Promise<ReturnType<typeof exportActivity> | null>;
  /**
   * Which samples of the stored track this viewer may not see (1 = hidden), or null when they
   * see all of it. Stream indices this viewer gets skip the hidden samples.
   */
  hidden(): Promise<Uint8Array | null>;
  /**
   * [stored sample index, seconds]: from that sample on, this viewer's clock runs that many
   * seconds behind the owner's (hidden stretches taken out of it). Empty for the owner.
   */
  shifts: Array<[number, number]>;
  /** The state log as this viewer may see it (on the clock of the streams they get). */
  events<E extends { kind: string; at: Date }>(events: readonly E[]): E[];
}

/**
 * The one choke point for location privacy (DESIGN principle 5): privacy zones and hidden
 * start/end are applied here, and every read path for another person's activity goes through
 * `view()`. Zones apply to past activities too: nothing is stored pre-clipped.
 */
export class PrivacyService {
  constructor(
    private readonly athletes: AthleteService,
    private readonly zoneRows: PrivacyZoneRepository,
    private readonly loadTrack: (row: ActivityRow) => Promise<Track | null>,
    private readonly events: EventHub,
    private readonly compute: ComputePool,
  ) {}

  /** The athlete's privacy zones, oldest first. */
  zones(athleteId: string): Promise<PrivacyZoneRow[]> {
    return this.zoneRows.listByAthlete(athleteId);
  }

  /** Adds a zone (each with its own secret shift) and announces the change. */
  async addZone(
    athleteId: string,
    zone: { lat: number; lng: number; radiusM: number },
  ): Promise<PrivacyZoneRow> {
    return this.zoneRows.transaction(async (tx) => {
      if ((await this.zoneRows.countByAthlete(athleteId, tx)) >= MAX_ZONES) {
        throw Errors.unprocessable(`at most ${MAX_ZONES} privacy zones per athlete`);
      }
      const row = await this.zoneRows.create(
        {
          athlete_id: athleteId,
          lat: zone.lat,
          lng: zone.lng,
          radius_m: zone.radiusM,
          secret: randomBytes(24).toString('base64url'),
        },
        tx,
      );
      await this.events.emit('privacy.changed', tx, athleteId);
      return row;
    });
  }

  async removeZone(athleteId: string, id: string): Promise<void> {
    await this.zoneRows.transaction(async (tx) => {
      if (!(await this.zoneRows.delete(athleteId, id, tx)))
        throw Errors.notFound('no such privacy zone');
      await this.events.emit('privacy.changed', tx, athleteId);
    });
  }

  /** Hidden start or end distances are privacy rules too: announce them as such. */
  readonly onAthleteChange: EventListener<'athlete.changed'> = async (tx, athleteId, fields) => {
    if (fields.includes('hide_start_m') || fields.includes('hide_end_m'))
      await this.events.emit('privacy.changed', tx, athleteId);
  };

  /**
   * What this viewer may see of the activity. The heavy parts (the visible part's numbers and
   * streams, exports) are computed in the compute pool's threads.
   */
  async view(row: ActivityRow, viewerId: string | undefined): Promise<ActivityView> {
    const isOwner = viewerId === row.athlete_id;
    let cached: Promise<Track | null> | undefined;
    const raw = () => (cached ??= this.loadTrack(row));
    const unrestricted: ActivityView = {
      row,
      isOwner,
      geometry: storedGeometry(row),
      streamsJson: async () => {
        const track = await raw();
        return track ? this.compute.run('ownerStreams', { track, row }) : null;
      },
      export: async (format) => {
        const track = await raw();
        return track?.length ? this.compute.run('ownerExport', { row, track, format }) : null;
      },
      hidden: async () => null,
      shifts: [],
      events: (events) => [...events],
    };
    if (isOwner) return unrestricted;
    const { athlete, ...rules } = await this.rules(row.athlete_id);
    if (!hasRules(rules)) return unrestricted;
    const track = await raw();
    if (!track) return { ...unrestricted, geometry: HIDDEN };
    const hidden = privacyMask(track.lat, track.lon, { activityId: row.id, ...rules });
    if (!hidden.includes(1)) return unrestricted;
    const input = { row, track, hidden, athlete };
    const seen = await this.compute.run('othersView', input);
    return {
      row: seen.row,
      isOwner,
      geometry: seen.geometry,
      streamsJson: async () => seen.streamsJson,
      export: (format) => this.compute.run('othersExport', { ...input, format }),
      hidden: async () => hidden,
      shifts: seen.shifts,
      events: (events) => othersEvents(seen, events),
    };
  }

  /**
   * The samples of `track` (the activity's stored track) that people other than the owner never
   * see, or null when nothing is hidden: for data derived from the track ahead of any read, such
   * as which segment efforts may be shown to others.
   */
  async hiddenFromOthers(row: ActivityRow, track: Track): Promise<Uint8Array | null> {
    const { athlete: _athlete, ...rules } = await this.rules(row.athlete_id);
    if (!hasRules(rules)) return null;
    return privacyMask(track.lat, track.lon, { activityId: row.id, ...rules });
  }

  /**
   * The privacy mask of a live activity's track so far, for everyone but the owner; null when
   * the athlete has no rules. The same rules as a saved activity's (`privacyMask`), applied to
   * the track received until now: its first N metres stay hidden, and so do its current last
   * N metres of a hidden end, which show once the athlete has gone further on.
   */
  async liveMask(
    athleteId: string,
    activityId: string,
  ): Promise<((lat: Float64Array, lon: Float64Array) => Uint8Array) | null> {
    const { athlete: _athlete, ...rules } = await this.rules(athleteId);
    if (!hasRules(rules)) return null;
    return (lat, lon) => privacyMask(lat, lon, { activityId, ...rules });
  }

  private async rules(athleteId: string) {
    const [athlete, zones] = await Promise.all([
      this.athletes.findById(athleteId),
      this.zoneRows.listByAthlete(athleteId),
    ]);
    return {
      athlete,
      zones: zones.map(
        (z): PrivacyZone => ({ lat: z.lat, lng: z.lng, radiusM: z.radius_m, secret: z.secret }),
      ),
      hideStartM: athlete?.hide_start_m ?? 0,
      hideEndM: athlete?.hide_end_m ?? 0,
      secret: athlete?.privacy_secret ?? '',
    };
  }
}

/** Zones one athlete may keep. */
export const MAX_ZONES = 10;

const hasRules = (r: { zones: unknown[]; hideStartM: number; hideEndM: number }) =>
  r.zones.length > 0 || r.hideStartM > 0 || r.hideEndM > 0;

const HIDDEN: Geometry = { polyline: null, start: null, end: null, bbox: null };

function storedGeometry(row: ActivityRow): Geometry {
  return {
    polyline: row.summary_polyline,
    start: row.start_lat !== null && row.start_lng !== null ? [row.start_lat, row.start_lng] : null,
    end: row.end_lat !== null && row.end_lng !== null ? [row.end_lat, row.end_lng] : null,
    bbox:
      row.min_lat !== null && row.min_lng !== null && row.max_lat !== null && row.max_lng !== null
        ? [row.min_lat, row.min_lng, row.max_lat, row.max_lng]
        : null,
  };
}
