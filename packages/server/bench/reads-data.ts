/**
 * Data for the reads benchmark, seeded through the public API only: a viewer who follows ten
 * athletes, half of whom have a privacy zone around their home, each with five 1-hour runs
 * that start and end at home (uploaded as GPX files and processed by the server's worker).
 */
import { seededRandom } from '@stride/core';
import sharp from 'sharp';

const FOLLOWED = 10;
const RUNS_EACH = 5;
/** 1 hour at one point every 2 s. */
const POINTS_PER_RUN = 1800;
const PASSWORD = 'bench-password';
/** Lyon: homes are scattered a few kilometres around its centre. */
const CITY = { lat: 45.764, lng: 4.8357 };
const M_PER_DEG = 111_195;

export interface Session {
  /** Bearer header of the current access token. */
  auth(): { authorization: string };
  /** Seconds the current access token is still valid. */
  remainingS(): number;
  /** Exchanges the refresh token for a new pair. */
  refresh(): Promise<void>;
}

export interface Seeded {
  viewer: Session;
  /** A recent run of a followed athlete who has a privacy zone, and that athlete's home. */
  zonedActivityId: string;
  zonedHome: { lat: number; lng: number };
  athletes: number;
  zoned: number;
  activities: number;
  pointsPerRun: number;
  seedSeconds: number;
}

/**
 * A 1-hour run from `home` and back, one point every 2 s: out along streets that bend and turn
 * at corners for half an hour, then home the same way, with wandering GPS error, rolling
 * elevation and heart rate.
 */
export function runGpx(seed: number, home: { lat: number; lng: number }, startS: number): string {
  const rnd = seededRandom(`reads-bench:${seed}`);
  const stepS = 2;
  const half = POINTS_PER_RUN / 2;
  const kx = Math.cos((home.lat * Math.PI) / 180) * M_PER_DEG;
  const out: Array<[number, number]> = [[0, 0]];
  let heading = rnd() * 2 * Math.PI;
  let x = 0;
  let y = 0;
  for (let i = 1; i < half; i++) {
    heading += (rnd() - 0.5) * 0.15;
    if (rnd() < 0.01) heading += (rnd() < 0.5 ? -1 : 1) * (Math.PI / 2); // a street corner
    const speedMps = 2.7 + rnd() * 0.4;
    x += Math.sin(heading) * speedMps * stepS;
    y += Math.cos(heading) * speedMps * stepS;
    out.push([x, y]);
  }
  const path = [...out, ...out.slice().reverse()];
  let ex = 0;
  let ey = 0;
  let hr = 110;
  const points = path.map(([px, py], i) => {
    ex = 0.9 * ex + (rnd() - 0.5) * 1.5;
    ey = 0.9 * ey + (rnd() - 0.5) * 1.5;
    hr += (150 + 10 * Math.sin(i / 120) - hr) * 0.05;
    const lat = home.lat + (py + ey) / M_PER_DEG;
    const lng = home.lng + (px + ex) / kx;
    const ele = 180 + 25 * Math.sin(px / 700) + 15 * Math.cos(py / 500);
    const time = new Date((startS + i * stepS) * 1000).toISOString();
    return (
      `<trkpt lat="${lat.toFixed(7)}" lon="${lng.toFixed(7)}"><ele>${ele.toFixed(1)}</ele>` +
      `<time>${time}</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>${Math.round(hr)}` +
      '</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>'
    );
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Stride bench" xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
<trk><name>Morning run</name><type>running</type><trkseg>
${points.join('\n')}
</trkseg></trk>
</gpx>
`;
}

/** One JSON request; anything but the expected status is a setup error naming the call. */
async function call<T>(
  base: string,
  method: string,
  path: string,
  init: { body?: unknown; form?: FormData; headers?: Record<string, string>; expect?: number } = {},
): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    body: init.form ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  });
  const text = await res.text();
  if (res.status !== (init.expect ?? 200))
    throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  athlete: { id: string };
}

async function signup(base: string, handle: string): Promise<Session & { id: string }> {
  let tokens = await call<Tokens>(base, 'POST', '/api/v1/auth/signup', {
    body: { handle, email: `${handle}@example.com`, password: PASSWORD },
    expect: 201,
  });
  let expiresAt = Date.now() + tokens.expires_in * 1000;
  return {
    id: tokens.athlete.id,
    auth: () => ({ authorization: `Bearer ${tokens.access_token}` }),
    remainingS: () => (expiresAt - Date.now()) / 1000,
    async refresh() {
      tokens = await call<Tokens>(base, 'POST', '/api/v1/auth/refresh', {
        body: { refresh_token: tokens.refresh_token },
      });
      expiresAt = Date.now() + tokens.expires_in * 1000;
    },
  };
}

async function upload(base: string, owner: Session, gpx: string, name: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([gpx], { type: 'application/gpx+xml' }), name);
  form.append('sport_type', 'Run');
  const res = await call<{ id: string }>(base, 'POST', '/api/v1/uploads', {
    form,
    headers: owner.auth(),
    expect: 202,
  });
  return res.id;
}

/** Polls every upload until it is ready; returns their activity ids in the same order. */
async function waitReady(
  base: string,
  uploads: Array<{ owner: Session; id: string }>,
  timeoutMs: number,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  const activityIds: string[] = [];
  for (const u of uploads) {
    for (;;) {
      const s = await call<{ status: string; activity_id: string | null; error: string | null }>(
        base,
        'GET',
        `/api/v1/uploads/${u.id}`,
        { headers: u.owner.auth() },
      );
      if (s.status === 'ready' && s.activity_id) {
        activityIds.push(s.activity_id);
        break;
      }
      if (s.status === 'error' || s.status === 'duplicate')
        throw new Error(`upload ${u.id} ended ${s.status}: ${s.error ?? ''}`);
      if (Date.now() > deadline)
        throw new Error(`uploads not ready within ${timeoutMs / 1000} s (one is ${s.status})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return activityIds;
}

/**
 * Seeds the benchmark's athletes, follows, privacy zones and runs, waits until all are ready,
 * then gives the runs kudos, comments and photos.
 */
export async function seed(base: string, uploadTimeoutMs = 300_000): Promise<Seeded> {
  const t0 = performance.now();
  const viewer = await signup(base, 'viewer');
  const rnd = seededRandom('reads-bench:homes');
  const nowS = Math.floor(Date.now() / 1000);
  const uploads: Array<{ owner: Session; id: string; home?: { lat: number; lng: number } }> = [];
  const runners: Session[] = [];
  for (let k = 0; k < FOLLOWED; k++) {
    const handle = `runner${String(k + 1).padStart(2, '0')}`;
    const athlete = await signup(base, handle);
    runners.push(athlete);
    await call(base, 'PUT', `/api/v1/athletes/${handle}/follow`, { headers: viewer.auth() });
    const angle = rnd() * 2 * Math.PI;
    const distM = 1500 + rnd() * 3500;
    const home = {
      lat: CITY.lat + (distM * Math.cos(angle)) / M_PER_DEG,
      lng:
        CITY.lng + (distM * Math.sin(angle)) / (M_PER_DEG * Math.cos((CITY.lat * Math.PI) / 180)),
    };
    const zoned = k % 2 === 0;
    if (zoned) {
      await call(base, 'POST', '/api/v1/me/privacy-zones', {
        body: { lat: home.lat, lng: home.lng, radius: 400 },
        headers: athlete.auth(),
        expect: 201,
      });
    }
    for (let r = 0; r < RUNS_EACH; r++) {
      // Early mornings over the last two weeks, a different hour for each athlete.
      const startS = nowS - (r * 3 + 1) * 86_400 + k * 600;
      const id = await upload(
        base,
        athlete,
        runGpx(k * 100 + r, home, startS),
        `${handle}-${r}.gpx`,
      );
      uploads.push({ owner: athlete, id, ...(zoned ? { home } : {}) });
    }
  }
  const activityIds = await waitReady(base, uploads, uploadTimeoutMs);
  // Cards as athletes see them: the viewer's kudos and another runner's on every run, a
  // comment on every other one, a photo on every third (the feed joins all three on read).
  const photo = await sharp({
    create: { width: 1200, height: 800, channels: 3, background: '#d9822b' },
  })
    .jpeg()
    .toBuffer();
  for (const [i, id] of activityIds.entries()) {
    const owner = uploads[i]!.owner;
    const other = runners[(runners.indexOf(owner) + 1) % runners.length]!;
    for (const giver of [viewer, other])
      await call(base, 'PUT', `/api/v1/activities/${id}/kudos`, { headers: giver.auth() });
    if (i % 2 === 0)
      await call(base, 'POST', `/api/v1/activities/${id}/comments`, {
        body: { text: 'Great pace on the way back!' },
        headers: other.auth(),
        expect: 201,
      });
    if (i % 3 === 0) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'run.jpg');
      await call(base, 'POST', `/api/v1/activities/${id}/photos`, {
        form,
        headers: owner.auth(),
        expect: 201,
      });
    }
  }
  // The first upload of a zoned athlete is their most recent run: near the top of the feed.
  const zonedIndex = uploads.findIndex((u) => u.home);
  return {
    viewer,
    zonedActivityId: activityIds[zonedIndex]!,
    zonedHome: uploads[zonedIndex]!.home!,
    athletes: FOLLOWED,
    zoned: uploads.filter((u) => u.home).length / RUNS_EACH,
    activities: uploads.length,
    pointsPerRun: POINTS_PER_RUN,
    seedSeconds: (performance.now() - t0) / 1000,
  };
}

/** Checks, before measuring, that each endpoint answers as the benchmark expects. */
export async function checkEndpoints(base: string, data: Seeded): Promise<void> {
  // Feeds fill by fan-out jobs after the uploads are ready: wait for a full first page.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const feed = await call<{ items: Array<{ id: string }> }>(
      base,
      'GET',
      '/api/v1/activities?mode=FRIENDS&limit=20',
      { headers: data.viewer.auth() },
    );
    if (feed.items.length >= 20) break;
    if (Date.now() > deadline)
      throw new Error(`the feed has ${feed.items.length} items, not 20, after a minute`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const detail = await call<{ id: string; start_latlng: [number, number] | null }>(
    base,
    'GET',
    `/api/v1/activities/${data.zonedActivityId}`,
    { headers: data.viewer.auth() },
  );
  const cards = await call<{
    items: Array<{ kudos_count: number; comment_count: number; photo_count: number }>;
  }>(base, 'GET', '/api/v1/activities?mode=FRIENDS&limit=20', { headers: data.viewer.auth() });
  if (!cards.items.every((c) => c.kudos_count === 2))
    throw new Error('the feed cards do not carry the kudos given');
  if (!cards.items.some((c) => c.comment_count > 0) || !cards.items.some((c) => c.photo_count > 0))
    throw new Error('the feed cards do not carry comments and photos');
  if (detail.id !== data.zonedActivityId)
    throw new Error('the detail is not the expected activity');
  // The run starts at home, inside the zone: the viewer must see it start somewhere else.
  const start = detail.start_latlng;
  const home = data.zonedHome;
  const kx = Math.cos((home.lat * Math.PI) / 180);
  if (start && Math.hypot(start[0] - home.lat, (start[1] - home.lng) * kx) * M_PER_DEG < 150)
    throw new Error('the privacy zone is not applied: the detail shows the home as the start');
}
