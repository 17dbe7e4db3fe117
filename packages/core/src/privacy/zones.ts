import { destination } from '../geo/reference.js';
import { seededRandom } from './random.js';

/** A place the athlete wants hidden: a center (usually home) and a radius of 200–1,600 m. */
export interface PrivacyZone {
  lat: number;
  lng: number;
  radiusM: number;
  /** Random secret chosen once when the zone is created and never shown to anyone. */
  secret: string;
}

/** The region actually hidden for a zone: a circle that contains the zone but is not centred on it. */
export interface HiddenCircle {
  lat: number;
  lng: number;
  radiusM: number;
}

export const MIN_ZONE_RADIUS_M = 200;
export const MAX_ZONE_RADIUS_M = 1600;

/**
 * Why not just hide a circle of radius R around home: the points where the visible tracks of
 * many activities begin then lie on that circle, and a circle fit through them finds its centre,
 * the home (shown in public research on fitness-app privacy zones).
 *
 * Instead the hidden circle is moved: its centre is the home shifted by d in a secret direction,
 * with d drawn once per zone between 2 R and 2.5 R, and its radius grows to R + d so every
 * point within R of home is still hidden. A circle fit through the clipped ends finds the
 * shifted centre, d ≥ 2 R from the home. The centroid of the clipped ends is a weaker
 * estimate: for tracks leaving home in random directions it falls halfway between home and the
 * shifted centre (the mean of the exit points from an interior point P of a circle centred on C
 * is (P + C) / 2), and with 50 activities it scatters by about a tenth of the circle's radius;
 * d ≥ 2 R keeps it beyond R / 2 from home in 98–99 % of zones in simulation (docs/privacy.md).
 * Which way the centre moved is secret. The price is a larger hidden area: up to 3.75 R.
 */
export function hiddenCircle(zone: PrivacyZone): HiddenCircle {
  const random = seededRandom(`zone:${zone.secret}`);
  const bearing = random() * 2 * Math.PI;
  const d = zone.radiusM * (2.0 + 0.5 * random());
  const [lat, lng] = destination(zone.lat, zone.lng, d, (bearing * 180) / Math.PI);
  return { lat, lng, radiusM: zone.radiusM + d };
}

/**
 * The hidden circle for one activity: the zone's circle grown by a per-activity amount up to
 * 0.25 R, drawn from the zone secret and the activity id, so the clipped ends of many
 * activities do not even lie on one circle, and one activity always clips the same way.
 */
export function hiddenCircleForActivity(zone: PrivacyZone, activityId: string): HiddenCircle {
  const base = hiddenCircle(zone);
  const random = seededRandom(`activity:${zone.secret}:${activityId}`);
  return { ...base, radiusM: base.radiusM + 0.25 * zone.radiusM * random() };
}
