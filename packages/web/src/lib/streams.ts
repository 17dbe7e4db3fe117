import type { StreamSet } from '@stride/client';

type NumberKey =
  | 'time'
  | 'distance'
  | 'altitude'
  | 'velocity_smooth'
  | 'heartrate'
  | 'cadence'
  | 'watts'
  | 'temp'
  | 'grade_smooth';

/**
 * Streams as the app reads them: Strava's keys, each with the type of its samples (null where
 * a sample has none). The API documents a stream's samples only as values, whatever its key.
 */
export type Streams = Partial<
  Record<NumberKey, { data: (number | null)[] }> & {
    latlng: { data: ([number, number] | null)[] };
    moving: { data: boolean[] };
  }
>;

/** The streams of an activity or a segment, read by key (see Streams). */
export const keyedStreams = (set: StreamSet): Streams => set as Streams;
