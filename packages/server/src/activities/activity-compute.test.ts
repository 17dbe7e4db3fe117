import { computeActivity, trackFromColumns } from '@stride/core';
import { describe, expect, it } from 'vitest';
import { derivedStreams, elevationSourceOf, streamsFor } from './activity-compute.js';

/** A 20-minute run on a steady 3 % climb whose altitude jumps ±4 m as a phone's GPS does. */
function noisyClimb() {
  const n = 1200;
  const time = new Float64Array(n);
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const elevation = new Float32Array(n);
  let seed = 7;
  const rnd = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (let i = 0; i < n; i++) {
    time[i] = 1_700_000_000 + i;
    lat[i] = 45.5 + (i * 3) / 111_195;
    lon[i] = 7.3;
    elevation[i] = 300 + 0.03 * 3 * i + 8 * (rnd() - 0.5);
  }
  return trackFromColumns({ time, lat, lon, elevation });
}

describe('activity streams', () => {
  it('smooth a phone recording as GPS altitude and a device file as barometric', () => {
    expect(elevationSourceOf({ source: 'recorded' })).toBe('gps');
    expect(elevationSourceOf({ source: 'upload' })).toBe('barometric');
    // What an import found in the altitude's noise wins over the default for its source.
    expect(elevationSourceOf({ source: 'upload', details: { elevation_source: 'gps' } })).toBe(
      'gps',
    );
    const track = noisyClimb();
    for (const [source, elevationSource] of [
      ['recorded', 'gps'],
      ['upload', 'barometric'],
    ] as const) {
      const expected = computeActivity(track, { sport: 'Run', elevationSource }).streams;
      const got = derivedStreams(track, { sport_type: 'Run', source });
      expect(Array.from(got.grade_smooth)).toEqual(Array.from(expected.grade_smooth));
    }
  });

  it('give a phone recording a grade that follows the climb, not the GPS noise', () => {
    const track = noisyClimb();
    const spread = (source: 'recorded' | 'upload') => {
      const grade = streamsFor(track, ['grade_smooth'], {
        sport_type: 'Run',
        source,
      }).grade_smooth!.data.slice(100, -100) as number[];
      return Math.max(...grade.map((g) => Math.abs(g - 3)));
    };
    // The GPS smoothing keeps the grade near the true 3 %; the barometric one (trusting the
    // altitude as given) passes more of the noise through.
    expect(spread('recorded')).toBeLessThan(spread('upload'));
  });
});
