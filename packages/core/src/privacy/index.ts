export { clipTrack, type PrivacyOptions, privacyMask } from './mask.js';
export { seededRandom } from './random.js';
export { type ClockRun, clockOf, type ViewerTrack, viewerTrack } from './viewer-track.js';
export {
  type HiddenCircle,
  hiddenCircle,
  hiddenCircleForActivity,
  MAX_ZONE_RADIUS_M,
  MIN_ZONE_RADIUS_M,
  type PrivacyZone,
} from './zones.js';
