import type { AthleteRow } from '../platform/db/schema.js';
import type { Me } from '../platform/http/schemas.js';

/** The signed-in athlete's own view of their account. */
export function presentMe(a: AthleteRow): Me {
  return {
    id: a.id,
    handle: a.handle,
    display_name: a.display_name,
    email: a.email,
    sex: a.sex,
    birth_year: a.birth_year,
    weight: a.weight_kg,
    max_heartrate: a.max_hr,
    ftp_w: a.ftp_w,
    resting_hr: a.resting_hr,
    run_threshold_speed: a.run_threshold_speed,
    share_training: a.share_training,
    country: a.country,
    region: a.region,
    city: a.city,
    units: a.units,
    default_visibility: a.default_visibility,
    hide_start: a.hide_start_m,
    hide_end: a.hide_end_m,
    approve_followers: a.approve_followers,
    created_at: a.created_at.toISOString(),
  };
}
