import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  fromSnapshot,
  type LiveSnapshot,
  type LiveTotals,
  lastSeenText,
  mergePoints,
  STALE_RECORDING_MS,
  statusOf,
} from './live-track.js';

const totals: LiveTotals = {
  distance: 0,
  moving_time: 0,
  elapsed_time: 0,
  current_speed: 0,
  average_speed: 0,
  total_elevation_gain: 0,
  current_heartrate: null,
  average_heartrate: null,
  point_count: 0,
};
const p = (t: number) => ({ t, lat: 45, lng: 4 + t / 1e4 });
const snapshot: LiveSnapshot = {
  activity_id: '00000000-0000-4000-8000-000000000001',
  athlete_id: '00000000-0000-4000-8000-000000000002',
  sport_type: 'Run',
  state: 'recording',
  saved_activity_id: null,
  last_seen_at: new Date(1000).toISOString(),
  totals,
  points: [p(1), p(2)],
  last_event_id: '1-0',
};

describe('live track', () => {
  it('merges points by time: appended, a late batch in between, none twice', () => {
    expect(mergePoints([p(1), p(2)], [p(3), p(4)]).map((x) => x.t)).toEqual([1, 2, 3, 4]);
    expect(mergePoints([p(1), p(4)], [p(3), p(2), p(4)]).map((x) => x.t)).toEqual([1, 2, 3, 4]);
  });

  it('follows events to the saved activity', () => {
    let track = fromSnapshot(snapshot);
    track = applyEvent(track, { id: '2-0', type: 'points', points: [p(3)], totals }, 5000);
    expect(track.points).toHaveLength(3);
    expect(track.seenAt).toBe(5000);
    track = applyEvent(track, { id: '3-0', type: 'state', state: 'saved', totals }, 6000);
    expect([track.state, track.savedId, track.lastEventId]).toEqual([
      'saved',
      snapshot.activity_id,
      '3-0',
    ]);
  });

  it('says "last seen" when a recording athlete has gone quiet', () => {
    const track = fromSnapshot(snapshot);
    expect(statusOf(track, 1000 + STALE_RECORDING_MS)).toBe('live');
    expect(statusOf(track, 2000 + STALE_RECORDING_MS)).toBe('stale');
    expect(statusOf({ ...track, state: 'paused' }, 2000 + STALE_RECORDING_MS)).toBe('paused');
    expect(lastSeenText(1000, 1000 + 125_000)).toBe('Last seen 2 min ago');
  });
});
