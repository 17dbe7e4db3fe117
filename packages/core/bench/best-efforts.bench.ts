// Best efforts over a marathon: one linear pass. Timing the same marathon sampled at 4 Hz
// (4× the points) should take ~4× the time; a quadratic method would take ~16×. Four copies
// of the same marathon show the pure scaling; the 2 Hz / 4 Hz rows also change the data (more,
// smaller and more irregular distance steps), which costs a little more per point through
// branch mispredictions in the pointer loops — with uniform steps both cost the same per point.
import { compare, fmt, printTable } from '../../../bench/harness.js';
import { bestEfforts, computeActivity } from '../src/index.js';
import { engineSeries } from '../src/stats/compute.js';
import { ActivityEngine } from '../src/stats/engine.js';
import type { Series } from '../src/stats/series.js';
import { syntheticTrack } from '../src/testing/synthetic.js';
import type { Track } from '../src/track.js';

function seriesOf(track: Track) {
  const e = new ActivityEngine(
    { sport: 'Run', distanceSource: 'gps', elevationSource: 'barometric', explicitEvents: false },
    track.length + 1,
  );
  for (let i = 0; i < track.length; i++) {
    e.push(i, track.time[i]!, track.lat[i]!, track.lon[i]!, NaN, NaN, NaN, NaN, NaN, NaN, NaN);
  }
  return engineSeries(e);
}

const seconds = 14_400; // 4 h at ~3 m/s: a full marathon
const x1 = syntheticTrack({ seed: 4, sport: 'run', seconds, hz: 1 }).track;
const x2 = syntheticTrack({ seed: 4, sport: 'run', seconds, hz: 2 }).track;
const x4 = syntheticTrack({ seed: 4, sport: 'run', seconds, hz: 4 }).track;
const s1 = seriesOf(x1);
const s2 = seriesOf(x2);
const s4 = seriesOf(x4);
/** The same marathon k times back to back: k× the points with exactly the same data shape. */
function repeatSeries(s: Series, k: number): Series {
  const n = s.n * k;
  const cont = (col: Float64Array) => {
    const out = new Float64Array(n);
    const step = col[s.n - 1]! - col[0]! + (col === s.time || col === s.active ? 1 : 0);
    for (let r = 0; r < k; r++) for (let j = 0; j < s.n; j++) out[r * s.n + j] = col[j]! + r * step;
    return out;
  };
  return {
    ...s,
    n,
    dist: cont(s.dist),
    active: cont(s.active),
    moving: cont(s.moving),
    time: cont(s.time),
  };
}
const r4 = repeatSeries(s1, 4);
const n1 = bestEfforts(s1, 'run').length;
const n4 = bestEfforts(s4, 'run').length;
const pointsOf = (name: string) =>
  name.includes('4 Hz') || name.includes('back to back')
    ? x4.length
    : name.includes('2 Hz')
      ? x2.length
      : x1.length;
const results = compare(
  [
    { name: `best efforts, ${x1.length} points (1 Hz)`, fn: () => bestEfforts(s1, 'run') },
    { name: `4 marathons back to back, ${r4.n} points (1 Hz)`, fn: () => bestEfforts(r4, 'run') },
    { name: `best efforts, ${x2.length} points (2 Hz)`, fn: () => bestEfforts(s2, 'run') },
    { name: `best efforts, ${x4.length} points (4 Hz)`, fn: () => bestEfforts(s4, 'run') },
  ],
  { minTimeMs: 1500 },
);
printTable(
  `Best efforts over a marathon (${(s1.dist[s1.n - 1]! / 1000).toFixed(1)} km, ${n1} / ${n4} distances found)`,
  results,
  {
    'points ratio': (r) => (pointsOf(r.name) / x1.length).toFixed(1),
    'ns / point / distance': (r) => ((r.medianMs * 1e6) / (pointsOf(r.name) * n1)).toFixed(1),
  },
);
const full = compare(
  [{ name: 'computeActivity, marathon 1 Hz', fn: () => computeActivity(x1, { sport: 'Run' }) }],
  { minTimeMs: 800 },
);
console.log(
  `\nFull statistics for the same marathon at 1 Hz: ${fmt(full[0]!.medianMs)} ms median.`,
);
