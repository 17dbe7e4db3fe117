import type { Stride } from '../stride.js';
import { routeActivity, routeLine } from './route-activity.js';
import { DEMO_SEGMENTS, RIDE_ROUTE, RUN_ROUTE } from './routes.js';
import { syntheticActivity, toGpx } from './synthetic-activity.js';

/** Lyon: a real city with a river, a hill (Fourvière) and plenty of runners and riders. */
const CITY = { lat: 45.764, lng: 4.8357 };

const ATHLETES = [
  {
    handle: 'camille',
    display_name: 'Camille Martin',
    sex: 'F' as const,
    birth_year: 1991,
    weight_kg: 58,
    sport: 'Run' as const,
  },
  {
    handle: 'hugo',
    display_name: 'Hugo Bernard',
    sex: 'M' as const,
    birth_year: 1985,
    weight_kg: 72,
    sport: 'Ride' as const,
  },
  {
    handle: 'lea',
    display_name: 'Léa Dubois',
    sex: 'F' as const,
    birth_year: 1998,
    weight_kg: 61,
    sport: 'Run' as const,
  },
  {
    handle: 'malik',
    display_name: 'Malik Petit',
    sex: 'M' as const,
    birth_year: 1979,
    weight_kg: 80,
    sport: 'Ride' as const,
  },
];

export const DEMO_PASSWORD = 'stride-demo';

export interface DemoResult {
  athletes: number;
  uploads: number;
  segments: number;
}

/**
 * Creates demo athletes who follow each other and three weeks of their runs and rides around
 * Lyon, sent through the real upload path (files in the blob store, background jobs). Safe to
 * run twice: existing demo athletes are kept and identical files are recognised as duplicates.
 */
export async function seedDemo(stride: Stride, now = Date.now()): Promise<DemoResult> {
  const ids: string[] = [];
  for (const a of ATHLETES) {
    const existing = await stride.athletes.athletes.findByHandle(a.handle);
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    const session = await stride.accounts.auth.signup({
      handle: a.handle,
      email: `${a.handle}@demo.stride.invalid`,
      password: DEMO_PASSWORD,
      display_name: a.display_name,
    });
    await stride.athletes.athletes.update(session.athlete.id, {
      sex: a.sex,
      birth_year: a.birth_year,
      weight_kg: a.weight_kg,
      city: 'Lyon',
      region: 'Auvergne-Rhône-Alpes',
      country: 'France',
    });
    ids.push(session.athlete.id);
  }
  for (const follower of ids) {
    for (const followee of ids)
      if (follower !== followee) await stride.athletes.follows.follow(follower, followee);
  }

  let uploads = 0;
  const day = 86_400;
  const today = Math.floor(now / 1000 / day) * day;
  for (const [k, a] of ATHLETES.entries()) {
    for (let d = 21; d >= 1; d--) {
      if ((d + k) % 3 === 0) continue; // rest days
      const seed = k * 1000 + d;
      const sport = a.sport === 'Ride' && d % 4 === 0 ? 'Run' : a.sport;
      const distanceM = sport === 'Ride' ? 25_000 + (seed % 7) * 5_000 : 5_000 + (seed % 5) * 2_000;
      // Start somewhere in the city, within ~3 km of the centre.
      const angle = (seed * 2.399) % (2 * Math.PI);
      const r = 0.01 + ((seed * 7) % 20) / 1000;
      const startTime = today - d * day + 6.5 * 3600 + ((seed * 37) % 12) * 1800;
      // Every other day is the athlete's regular route (where the segments are), at their pace.
      const onRoute = d % 2 === 0;
      const samples = onRoute
        ? routeActivity(sport === 'Ride' ? RIDE_ROUTE : RUN_ROUTE, {
            seed,
            sport,
            startTime,
            speedMps: (sport === 'Ride' ? 7.5 : 2.9) * (1 + ((seed * 13) % 9) / 40),
          })
        : syntheticActivity({
            seed,
            sport,
            startLat: CITY.lat + r * Math.sin(angle),
            startLng: CITY.lng + r * 1.4 * Math.cos(angle),
            startTime,
            distanceM,
          });
      const name =
        sport === 'Ride'
          ? onRoute
            ? 'Monts d’Or loop'
            : 'Morning ride'
          : onRoute
            ? 'Quais du Rhône'
            : 'Morning run';
      const bytes = new TextEncoder().encode(toGpx(name, sport, samples));
      await stride.uploads.uploads.accept(ids[k]!, bytes, `${a.handle}-${d}.gpx`, {
        name,
        sport_type: sport,
      });
      uploads++;
    }
  }
  return { athletes: ids.length, uploads, segments: await seedSegments(stride) };
}

/** The demo segments, drawn by their creators; their backfill jobs match the routes' activities. */
async function seedSegments(stride: Stride): Promise<number> {
  let created = 0;
  for (const s of DEMO_SEGMENTS) {
    const creator = await stride.athletes.athletes.findByHandle(s.creator);
    if (!creator) continue;
    const points = routeLine(s.route, s.fromM, s.toM, 100);
    const [lat, lng] = points[0]!;
    const near = await stride.segments.segments.explore(
      undefined,
      [lat - 0.001, lng - 0.001, lat + 0.001, lng + 0.001],
      s.sport,
      50,
    );
    if (near.some((n) => n.segment.name === s.name)) continue; // seeded before
    await stride.segments.segments.createFromLine(creator.id, {
      points,
      name: s.name,
      sport: s.sport,
    });
    created++;
  }
  return created;
}
