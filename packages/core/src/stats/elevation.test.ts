import { describe, expect, it } from 'vitest';
import { prng } from '../testing/synthetic.js';
import { lineTrack } from '../testing/tracks.js';
import { computeActivity } from './compute.js';
import { ElevationCounter } from './elevation.js';
import { guessElevationSource } from './elevation-source.js';

/** A 30-minute run up a steady 3 % grade at 3 m/s: 162 m of climbing, barometric 0.2 m steps. */
const climb = (i: number) => Math.round((100 + 0.09 * i) * 5) / 5;

describe('altitude spikes', () => {
  it('add no gain for a barometer spike, however long it lasts', () => {
    for (const spikeS of [1, 3, 30]) {
      const track = lineTrack({
        n: 1800,
        stepM: 3,
        elevation: (i) => (i >= 600 && i < 600 + spikeS ? climb(i) + 87 : climb(i)),
      });
      const { stats } = computeActivity(track, { sport: 'Run' });
      expect(stats.total_elevation_gain).toBeGreaterThan(155);
      expect(stats.total_elevation_gain).toBeLessThan(165);
      expect(stats.cleaning.elevationSpikes).toBe(2);
    }
  });

  it('add no gain for a lasting altitude offset (a GPS altitude reset)', () => {
    const track = lineTrack({
      n: 1800,
      stepM: 3,
      elevation: (i) => (i >= 900 ? climb(i) + 50 : climb(i)),
    });
    const gain = computeActivity(track, { sport: 'Run' }).stats.total_elevation_gain;
    expect(gain).toBeGreaterThan(155);
    expect(gain).toBeLessThan(165);
  });

  it('count a fast but possible descent and climb by bike', () => {
    // 8 m/s vertical on a ride is steep but real (a 25 % ramp at 115 km/h is not needed:
    // the limit is 10 m/s); 16 m/s is not.
    const c = new ElevationCounter(0, 1, 10);
    for (const e of [0, 8, 16, 24, 32]) c.step(e, 1, true);
    expect(c.gain).toBe(32);
    c.step(48, 1, true);
    expect(c.gain).toBe(32);
    expect(c.spikes).toBe(1);
  });

  it('count no gain on a swim: the altitude of a watch under water is pressure, not terrain', () => {
    const track = lineTrack({ n: 600, stepM: 1, elevation: (i) => 10 * Math.sin(i / 20) });
    expect(computeActivity(track, { sport: 'Swim' }).stats.total_elevation_gain).toBe(0);
  });
});

describe('guessElevationSource', () => {
  it('tells smooth barometric altitude from GPS altitude wandering at every fix', () => {
    // A barometer on rolling terrain, stored in 0.2 m steps as FIT stores altitude.
    const baro = lineTrack({
      n: 1200,
      stepM: 3,
      elevation: (i) => Math.round((100 + 20 * Math.sin(i / 120)) * 5) / 5,
    });
    expect(guessElevationSource(baro)).toBe('barometric');
    const rnd = prng(5);
    const gps = lineTrack({
      n: 1200,
      stepM: 3,
      elevation: (i) => Math.round((100 + 0.09 * i + 6 * (rnd() - 0.5)) * 5) / 5,
    });
    expect(guessElevationSource(gps)).toBe('gps');
    // Too few one-second neighbours to judge (smart recording): the device model.
    const sparse = lineTrack({ n: 100, stepM: 30, dtS: 10, elevation: () => 100 * rnd() });
    expect(guessElevationSource(sparse)).toBe('barometric');
  });

  it("is what elevationSource 'auto' uses", () => {
    const rnd = prng(9);
    const gps = lineTrack({
      n: 1200,
      stepM: 3,
      elevation: (i) => 100 + 0.09 * i + 6 * (rnd() - 0.5),
    });
    const auto = computeActivity(gps, { sport: 'Run', elevationSource: 'auto' }).stats;
    const asGps = computeActivity(gps, { sport: 'Run', elevationSource: 'gps' }).stats;
    expect(auto.elevation_source).toBe('gps');
    expect(auto.total_elevation_gain).toBe(asGps.total_elevation_gain);
    // The GPS model reads the 108 m climb through the noise; the barometric one counts noise.
    expect(Math.abs(asGps.total_elevation_gain - 108)).toBeLessThan(15);
  });

  it("reads a virtual ride's altitude as the app's own world and counts every rise of it", () => {
    // A virtual world's rolling road: 1.2 m rises and falls, noise-free, in FIT's 0.2 m steps.
    // The app counts each rise; a sensor's 3 m hysteresis sees none of them.
    const rolling = (i: number) => Math.round((100 + 0.6 * Math.sin((i * Math.PI) / 60)) * 5) / 5;
    const track = lineTrack({ n: 960, stepM: 10, elevation: rolling });
    expect(guessElevationSource(track, true)).toBe('synthetic');
    expect(guessElevationSource(track)).toBe('barometric');
    const virtual = computeActivity(track, { sport: 'VirtualRide', elevationSource: 'auto' }).stats;
    expect(virtual.elevation_source).toBe('synthetic');
    expect(virtual.total_elevation_gain).toBeCloseTo(9.6, 1); // 0.6 + 7 × 1.2 + 0.6: half-rises at the ends
    const ride = computeActivity(track, { sport: 'Ride', elevationSource: 'auto' }).stats;
    expect(ride.total_elevation_gain).toBe(0);
  });
});
