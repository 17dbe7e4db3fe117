import { describe, expect, it } from 'vitest';
import { sportFamily, sportThresholds } from './sport.js';

// Vite's glob import (available under vitest) reads the sources without a Node import here.
const sources = (
  import.meta as unknown as {
    glob: (
      p: string[],
      o: { query: string; import: string; eager: true },
    ) => Record<string, string>;
  }
).glob(['./**/*.ts', '!./**/*.test.ts'], { query: '?raw', import: 'default', eager: true });

describe('packages/core portability', () => {
  it('imports nothing from Node or the browser, so it runs in both', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    for (const [file, text] of Object.entries(sources)) {
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect([file, /from ['"]node:/.test(code)]).toEqual([file, false]);
      expect([file, /\b(Buffer|process|window|document|navigator|require)\b/.test(code)]).toEqual([
        file,
        false,
      ]);
    }
  });
});

describe('sportFamily', () => {
  it('groups Strava sport types by the thresholds and efforts that apply', () => {
    expect(sportFamily('TrailRun')).toBe('run');
    expect(sportFamily('GravelRide')).toBe('ride');
    expect(sportFamily('VirtualRide')).toBe('ride');
    expect(sportFamily('Hike')).toBe('walk');
    expect(sportFamily('Swim')).toBe('swim');
    expect(sportFamily('Yoga')).toBe('other');
    expect(sportFamily('SomethingNew')).toBe('other');
    expect(sportThresholds('Ride').maxSpeedMps).toBeGreaterThan(sportThresholds('Run').maxSpeedMps);
  });
});
