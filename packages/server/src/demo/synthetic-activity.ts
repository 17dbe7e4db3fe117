import { seededRandom } from '@stride/core';

/**
 * Plausible synthetic activities for the demo: a smooth closed loop around a start point,
 * sampled at 1 Hz with speed that slows on climbs, rolling elevation, heart rate that follows
 * effort with a lag, cadence, power for rides, GPS noise and the odd stop. Deterministic for a
 * given seed, written out as GPX 1.1 so the demo goes through the real upload path.
 */
export interface SyntheticOptions {
  seed: number;
  sport: 'Run' | 'Ride';
  startLat: number;
  startLng: number;
  /** Start time, seconds since the epoch. */
  startTime: number;
  distanceM: number;
}

export interface SyntheticSample {
  t: number;
  lat: number;
  lng: number;
  ele: number;
  hr: number;
  cad: number;
  power?: number;
}

const DEG = Math.PI / 180;
const M_PER_DEG = 111_195;

export function syntheticActivity(o: SyntheticOptions): SyntheticSample[] {
  const rnd = seededRandom(`synthetic:${o.seed}`);
  // A closed curve: a circle perturbed by a few harmonics, starting and ending at the origin.
  const harmonics = Array.from({ length: 4 }, (_, k) => ({
    k: k + 2,
    a: ((rnd() - 0.5) * 0.5) / (k + 1),
    phase: rnd() * 2 * Math.PI,
  }));
  const rotation = rnd() * 2 * Math.PI;
  const shape = (u: number): [number, number] => {
    const θ = 2 * Math.PI * u;
    let r = 1;
    for (const h of harmonics) r += h.a * (Math.sin(h.k * θ + h.phase) - Math.sin(h.phase));
    // Circle through the origin: centre at (1, 0) in the rotated frame.
    const x = r * Math.cos(θ + Math.PI) + 1;
    const y = r * Math.sin(θ + Math.PI);
    return [
      x * Math.cos(rotation) - y * Math.sin(rotation),
      x * Math.sin(rotation) + y * Math.cos(rotation),
    ];
  };
  // Arc length of the unit shape, to scale it to the requested distance.
  const N = 4000;
  const cum = new Float64Array(N + 1);
  let [px, py] = shape(0);
  for (let i = 1; i <= N; i++) {
    const [x, y] = shape(i / N);
    cum[i] = cum[i - 1]! + Math.hypot(x - px, y - py);
    px = x;
    py = y;
  }
  const scale = o.distanceM / cum[N]!;
  const kx = Math.cos(o.startLat * DEG) * M_PER_DEG;
  const elevation = (x: number, y: number) =>
    170 + 35 * Math.sin(x / 900 + o.seed) + 20 * Math.cos(y / 700) + 8 * Math.sin((x + y) / 250);

  const ride = o.sport === 'Ride';
  const baseSpeed = ride ? 7.5 + rnd() * 1.5 : 2.8 + rnd() * 0.5;
  const samples: SyntheticSample[] = [];
  let s = 0;
  let j = 0;
  let t = o.startTime;
  let hr = ride ? 95 : 100;
  let prevEle = elevation(0, 0);
  let stopLeft = 0;
  let nx = 0;
  let ny = 0;
  while (s < o.distanceM) {
    while (j < N && cum[j + 1]! * scale < s) j++;
    const f = (s / scale - cum[j]!) / Math.max(1e-9, cum[j + 1]! - cum[j]!);
    const [x0, y0] = shape(j / N);
    const [x1, y1] = shape((j + 1) / N);
    const x = (x0 + (x1 - x0) * f) * scale;
    const y = (y0 + (y1 - y0) * f) * scale;
    const ele = elevation(x, y);
    const grade = Math.max(-0.15, Math.min(0.15, ele - prevEle)) / Math.max(1, baseSpeed);
    prevEle = ele;
    let speed = baseSpeed * (1 - grade * (ride ? 6 : 3)) * (0.96 + rnd() * 0.08);
    if (stopLeft > 0) {
      stopLeft--;
      speed = 0;
    } else if (ride && rnd() < 1 / 900) stopLeft = 15 + Math.floor(rnd() * 40); // traffic lights
    const effort = speed === 0 ? 0.3 : Math.min(1.3, speed / baseSpeed + grade * 4);
    hr += ((ride ? 120 : 135) + effort * 35 - hr) * 0.05;
    // GPS error wanders slowly (it is strongly correlated from one second to the next).
    nx = 0.95 * nx + (rnd() - 0.5) * 1.2;
    ny = 0.95 * ny + (rnd() - 0.5) * 1.2;
    samples.push({
      t,
      lat: o.startLat + (y + ny) / M_PER_DEG,
      lng: o.startLng + (x + nx) / kx,
      ele: Math.round(ele * 10) / 10,
      hr: Math.round(hr),
      cad: speed === 0 ? 0 : Math.round((ride ? 85 : 84) + (rnd() - 0.5) * 6),
      ...(ride
        ? { power: speed === 0 ? 0 : Math.max(0, Math.round(180 * effort + (rnd() - 0.5) * 40)) }
        : {}),
    });
    s += speed;
    t += 1;
  }
  return samples;
}

/** GPX 1.1 with Garmin's TrackPointExtension (heart rate, cadence) and power. */
export function toGpx(name: string, sport: 'Run' | 'Ride', samples: SyntheticSample[]): string {
  const pts = samples
    .map((p) => {
      const ext =
        `<extensions>${p.power !== undefined ? `<power>${p.power}</power>` : ''}` +
        `<gpxtpx:TrackPointExtension><gpxtpx:hr>${p.hr}</gpxtpx:hr><gpxtpx:cad>${p.cad}</gpxtpx:cad>` +
        '</gpxtpx:TrackPointExtension></extensions>';
      return `<trkpt lat="${p.lat.toFixed(7)}" lon="${p.lng.toFixed(7)}"><ele>${p.ele}</ele><time>${new Date(p.t * 1000).toISOString()}</time>${ext}</trkpt>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Stride demo" xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
<metadata><name>${escapeXml(name)}</name></metadata>
<trk><name>${escapeXml(name)}</name><type>${sport === 'Ride' ? 'cycling' : 'running'}</type><trkseg>
${pts}
</trkseg></trk>
</gpx>
`;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
