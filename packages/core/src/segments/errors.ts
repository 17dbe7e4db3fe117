import { StrideCoreError } from '../errors.js';

export type SegmentErrorCode =
  | 'CORE_SEGMENT_INVALID'
  | 'CORE_SEGMENT_TOO_SHORT'
  | 'CORE_SEGMENT_STATIONARY';

/**
 * A line that cannot be a segment: unusable coordinates, too short, or mostly standing still.
 * The message is meant for the athlete who drew or cut it; the server maps the code to a 4xx.
 */
export class SegmentError extends StrideCoreError {
  declare readonly code: SegmentErrorCode;
  constructor(code: SegmentErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}
