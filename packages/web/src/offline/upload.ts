import { ApiError } from '../api/client.js';
import type { OutboxRow, StoredPoint } from './db.js';

/**
 * The upload of a saved recording: `PUT /api/v1/activities/:id/recording`, idempotent on the
 * client's UUID, in numbered parts for long recordings (the server computes the activity once
 * every part has arrived), and what each kind of failure means for the outbox.
 */

/** About 1 MB of JSON per part: far under the server's limits, small enough to retry cheaply. */
export const POINTS_PER_PART = 10_000;

export interface RecordingPart {
  sport_type: string;
  name?: string;
  visibility?: OutboxRow['visibility'];
  events: Array<{ kind: OutboxRow['events'][number]['kind']; at: string }>;
  points: StoredPoint[];
  part: number;
  parts: number;
}

/** The request bodies for an entry: every part carries the events; points are split in order. */
export function recordingParts(
  entry: Pick<OutboxRow, 'sport_type' | 'name' | 'visibility' | 'events'>,
  points: readonly StoredPoint[],
  perPart = POINTS_PER_PART,
): RecordingPart[] {
  const parts = Math.max(1, Math.ceil(points.length / perPart));
  // Events are kept as epoch seconds of whole milliseconds; the API takes ISO timestamps.
  const events = entry.events.map((e) => ({
    kind: e.kind,
    at: new Date(Math.round(e.at * 1000)).toISOString(),
  }));
  const out: RecordingPart[] = [];
  for (let i = 0; i < parts; i++) {
    out.push({
      sport_type: entry.sport_type,
      ...(entry.name ? { name: entry.name } : {}),
      ...(entry.visibility ? { visibility: entry.visibility } : {}),
      events,
      points: points.slice(i * perPart, (i + 1) * perPart),
      part: i + 1,
      parts,
    });
  }
  return out;
}

export type Outcome =
  | { kind: 'retry'; message: string }
  | { kind: 'failed'; message: string }
  | { kind: 'signed-out' };

/**
 * What a failed attempt means. No connection, a timeout, rate limiting or a server error:
 * try again later. 401: the session ended, wait for sign-in. Any other 4xx is the server
 * refusing this recording (422, 409…): keep it and show why; trying again will not help.
 */
export function classifyFailure(error: unknown): Outcome {
  if (error instanceof ApiError) {
    if (error.status === 401) return { kind: 'signed-out' };
    if (error.status === 408 || error.status === 429 || error.status >= 500)
      return { kind: 'retry', message: `The server could not take it yet (${error.status}).` };
    return { kind: 'failed', message: error.message };
  }
  return { kind: 'retry', message: 'No connection to the server.' };
}
