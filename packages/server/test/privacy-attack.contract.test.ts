import { destination, seededRandom } from '@stride/core';
import { importActivityFile } from '@stride/formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { uuidFromName } from '../src/platform/ids.js';
import { DATABASES, useTestApp } from './adapters.js';
import { type SignedIn, saveRun, signUp } from './helpers.js';
import {
  centroid,
  circleFitCentre,
  type HomeCircle,
  intersectCircles,
  type LatLng,
  metres,
  walkBack,
} from './home-estimators.js';

const HOME: LatLng = [45.764, 4.8357];
const T0 = 1_780_000_000;
const ALL_KEYS =
  'time,latlng,distance,altitude,velocity_smooth,heartrate,cadence,watts,temp,moving,grade_smooth';

type Shape = 'straight' | 'twisting' | 'out-and-back';
const SHAPES: Shape[] = ['straight', 'twisting', 'out-and-back', 'straight', 'out-and-back'];

/** Who hides what: four athletes living at HOME, five activities each (twenty in all). */
const ATHLETES = [
  { name: 'zone200', zoneM: 200 },
  { name: 'zone700', zoneM: 700 },
  { name: 'zone1600', zoneM: 1600 },
  { name: 'hide500', hideM: 500 },
] as const;

/**
 * A run from HOME at ~3.2 m/s, one point a second, `lengthM` out: straight (streets that bend
 * gently), twisting (turning all the time, drifting outwards), or out and back the same way.
 */
function route(shape: Shape, bearing: number, lengthM: number, rnd: () => number, t0: number) {
  const steps = Math.round(lengthM / 3.2);
  const out: LatLng[] = [];
  let cur: LatLng = HOME;
  let b = bearing;
  for (let i = 0; i <= steps; i++) {
    out.push(cur);
    if (shape === 'twisting') {
      b += (rnd() - 0.5) * 0.8;
      cur = destination(cur[0], cur[1], 2.4, (b * 180) / Math.PI);
      cur = destination(cur[0], cur[1], 0.8, (bearing * 180) / Math.PI);
    } else {
      b += (rnd() - 0.5) * 0.04;
      cur = destination(cur[0], cur[1], 3.2, (b * 180) / Math.PI);
    }
  }
  if (shape === 'out-and-back') for (let i = steps - 1; i >= 0; i--) out.push(out[i]!);
  return out.map(([lat, lng], i) => ({
    t: t0 + i,
    lat,
    lng,
    alt: 170 + 25 * Math.sin(i / 300),
    hr: 140 + 10 * Math.sin(i / 200),
  }));
}

/** Everything a follower can read of one activity that bears on where it starts and ends. */
async function readAsFollower(t: ReturnType<typeof useTestApp>, viewer: SignedIn, id: string) {
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: viewer.headers });
  const detail = (await get(`/api/v1/activities/${id}`)).json();
  const feed = (await get('/api/v1/activities?mode=FRIENDS&limit=200')).json();
  const summary = feed.items.find((a: { id: string }) => a.id === id);
  const res = await get(`/api/v1/activities/${id}/streams?keys=${ALL_KEYS}`);
  const streams = res.statusCode === 200 ? res.json() : {};
  const files: Array<{ firstTime: number; firstDistance: number; lastTime: number }> = [];
  for (const format of ['gpx', 'tcx']) {
    const file = await get(`/api/v1/activities/${id}/export.${format}`);
    if (file.statusCode !== 200) continue;
    const tr = importActivityFile(new Uint8Array(file.rawPayload)).activities[0]?.track;
    if (tr?.length)
      files.push({
        firstTime: tr.time[0]!,
        lastTime: tr.time[tr.length - 1]!,
        firstDistance: tr.distance?.[0] ?? 0,
      });
  }
  return { detail, summary, streams, files };
}

type Seen = Awaited<ReturnType<typeof readAsFollower>>;

/**
 * Every guess at how far the hidden start (or end) runs along the path, from any number that
 * differs between what the owner has and what the follower sees: the first visible distance
 * and time, totals beyond the visible part, export and event clocks, indices past the stream.
 */
function hiddenDistances(seen: Seen, side: 'start' | 'end'): number[] {
  const { detail, summary, streams, files } = seen;
  const dist: number[] = streams.distance?.data ?? [];
  const time: number[] = streams.time?.data ?? [];
  const n = dist.length;
  if (n < 2) return [];
  const visibleM = dist[n - 1]! - dist[0]!;
  const visibleS = time[n - 1]! - time[0]!;
  const speed = visibleS > 0 ? visibleM / visibleS : 3;
  const start = Date.parse(detail.start_date) / 1000;
  const hiddenM = detail.distance - visibleM;
  const hiddenS = detail.elapsed_time - visibleS;
  const guesses = [hiddenM, hiddenM / 2, hiddenS * speed, (hiddenS / 2) * speed];
  // The feed's summary is rendered separately from the detail: its numbers are read too.
  if (summary) guesses.push(summary.distance - visibleM, (summary.elapsed_time - visibleS) * speed);
  if (side === 'start') {
    guesses.push(dist[0]!, time[0]! * speed);
    for (const f of files) guesses.push((f.firstTime - start) * speed, f.firstDistance);
    const startEvent = detail.events.find((e: { kind: string }) => e.kind === 'START');
    if (startEvent) guesses.push((start - Date.parse(startEvent.at) / 1000) * speed);
    const indexed = [...detail.laps, ...detail.best_efforts, ...detail.splits_metric];
    const past = Math.max(0, ...indexed.map((x: { end_index?: number }) => x.end_index ?? 0));
    if (past > n - 1) guesses.push(((past - (n - 1)) * visibleM) / (n - 1));
  } else {
    guesses.push(hiddenM - dist[0]!, (hiddenS - time[0]!) * speed);
    for (const f of files) guesses.push((start + detail.elapsed_time - f.lastTime) * speed);
    const stop = detail.events.find((e: { kind: string }) => e.kind === 'STOP');
    if (stop) guesses.push((Date.parse(stop.at) / 1000 - start - time[n - 1]!) * speed);
  }
  return [0, ...guesses.filter((g) => Number.isFinite(g) && g > 1)];
}

describe.each(DATABASES)('the home-finding attack on $name', (database) => {
  const t = useTestApp(database);
  let follower: SignedIn;
  beforeAll(async () => {
    follower = await signUp(t.app, 'curious');
  });

  it('never places the home closer than half the hidden radius, whatever a follower reads', async () => {
    const outcomes: Array<{ name: string; errorM: number; radiusM: number }> = [];
    for (const who of ATHLETES) {
      const owner = await signUp(t.app, who.name);
      await t.app.inject({
        method: 'PUT',
        url: `/api/v1/athletes/${owner.handle}/follow`,
        headers: follower.headers,
      });
      if ('zoneM' in who) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/me/privacy-zones',
          headers: owner.headers,
          payload: { lat: HOME[0], lng: HOME[1], radius: who.zoneM },
        });
        expect(res.statusCode).toBe(201);
      } else {
        const res = await t.app.inject({
          method: 'PATCH',
          url: '/api/v1/me',
          headers: owner.headers,
          payload: { hide_start: who.hideM, hide_end: who.hideM },
        });
        expect(res.statusCode).toBe(200);
      }
      // The secrets behind the shifted circles and varying distances are random per athlete:
      // fixed here so the outcome is repeatable.
      const db = t.stride.platform.db;
      await db
        .updateTable('privacy_zones')
        .set({ secret: `attack-${who.name}` })
        .where('athlete_id', '=', owner.id)
        .execute();
      await db
        .updateTable('athletes')
        .set({ privacy_secret: `attack-${who.name}` })
        .where('id', '=', owner.id)
        .execute();

      const radiusM = 'zoneM' in who ? who.zoneM : who.hideM;
      const rnd = seededRandom(`attack:${who.name}`);
      const starts: LatLng[] = [];
      const estimates: Array<{ how: string; at: LatLng }> = [];
      const circles: HomeCircle[] = [];
      for (const [k, shape] of SHAPES.entries()) {
        const id = uuidFromName(`attack-${who.name}-${k}`);
        const pts = route(
          shape,
          rnd() * 2 * Math.PI,
          Math.max(6000, 10 * radiusM),
          rnd,
          T0 + k * 86_400,
        );
        await saveRun(t.app, owner, id, pts);
        const seen = await readAsFollower(t, follower, id);
        const path: LatLng[] = (seen.streams.latlng?.data ?? []).filter(Boolean);
        if (path.length < 2) continue; // hidden entirely: nothing to go on
        const sides = shape === 'out-and-back' ? (['start', 'end'] as const) : (['start'] as const);
        for (const side of sides) {
          const from = side === 'start' ? path : [...path].reverse();
          starts.push(from[0]!);
          const guesses = hiddenDistances(seen, side);
          for (const d of guesses) {
            const at = walkBack(from, d);
            if (at) estimates.push({ how: `walk back ${side} ${Math.round(d)} m (${shape})`, at });
          }
          // Under a metre is the streams' rounding, not a distance anyone gave away.
          const longest = Math.max(...guesses);
          if (longest > 1)
            circles.push({ centre: from[0]!, radiusM: longest, exact: shape !== 'twisting' });
        }
      }
      const add = (how: string, at: LatLng | null) => at && estimates.push({ how, at });
      add('intersection of the hidden-distance circles', intersectCircles(circles));
      // Where many visible starts lie: what the shifted circles of zones and hidden ends defend.
      add('average of the first visible points', centroid(starts));
      add('circle fit through the first visible points', circleFitCentre(starts));
      // The filter hides what it must, not everything: the attacker had tracks to work on.
      expect(starts.length).toBeGreaterThanOrEqual(3);
      const ranked = estimates
        .map((e) => ({ ...e, errorM: metres(e.at, HOME) }))
        .sort((a, b) => a.errorM - b.errorM);
      console.log(
        `${who.name}: best estimates of home`,
        ranked.slice(0, 3).map((e) => `${Math.round(e.errorM)} m by ${e.how}`),
      );
      outcomes.push({ name: who.name, errorM: Math.round(ranked[0]!.errorM), radiusM });
    }
    // Every athlete is attacked before the verdict, so the printout shows the whole picture.
    expect(outcomes.filter((o) => o.errorM <= o.radiusM / 2)).toEqual([]);
  }, 300_000);
});
