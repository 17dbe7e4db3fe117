import { describe, expect, it } from 'vitest';
import { raceName } from './multisport-legs.js';

describe('multisport legs', () => {
  it('names the race from its sports in order, transitions left out', () => {
    expect(raceName(['Swim', 'Workout', 'Ride', 'Workout', 'Run'])).toBe('Triathlon');
    expect(raceName(['Swim', 'Ride', 'Run'])).toBe('Triathlon');
    expect(raceName(['TrailRun', 'MountainBikeRide', 'Run'])).toBe('Duathlon');
    expect(raceName(['Swim', 'Run'])).toBe('Aquathlon');
    expect(raceName(['Ride', 'Run'])).toBe('Multisport');
    expect(raceName(['Run', 'Swim', 'Ride'])).toBe('Multisport');
  });
});
