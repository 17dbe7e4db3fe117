export { describeSegment, MIN_SEGMENT_M, type SegmentProfile } from './describe.js';
export { SegmentError, type SegmentErrorCode } from './errors.js';
export { matchSegment, type SegmentMatch } from './match.js';
export { type EffortStreams, MATCH_DEFAULTS, type MatchOptions } from './options.js';
export {
  GATE_DIRECTION_M,
  type PreparedSegment,
  prepareSegment,
  type SegmentLine,
  SIMPLIFY_TOLERANCE_M,
} from './prepare.js';
export { SegmentIndex, type SegmentIndexOptions } from './segment-index.js';
