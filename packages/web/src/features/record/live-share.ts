import type { StoredPoint } from '../../offline/db.js';

/**
 * Live sharing — followers watching a run as it happens — needs a live endpoint the server
 * does not have yet. The athlete's choice is stored with the recording now, and this module
 * is the one place where the recorder hands over live batches; it sends nothing until the
 * endpoint exists, and the screen says so.
 */
export const LIVE_SHARING_AVAILABLE = false;

/** Seconds of points gathered into one live batch. */
export const LIVE_BATCH_S = 5;

/**
 * Where live batches will be sent (`seq` numbers them per activity, so a resend is harmless).
 * Today: nothing is sent.
 */
export async function sendLiveBatch(
  _activityId: string,
  _seq: number,
  _points: readonly StoredPoint[],
): Promise<void> {}
