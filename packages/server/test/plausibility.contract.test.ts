/**
 * Impossible numbers are refused or repaired, never stored as they are: through uploads (the
 * job, then the upload's warnings and the activity page) and through recording (the request).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticActivity, toGpx } from '../src/demo/synthetic-activity.js';
import { DATABASES, useTestApp } from './adapters.js';
import { multipart, type SignedIn, signUp } from './helpers.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'e2e', 'fixtures');
const tcx = readFileSync(join(FIXTURES, 'forerunner-run-hr.tcx'), 'utf8');
const fit = new Uint8Array(readFileSync(join(FIXTURES, 'edge-ride-power.fit')));

/** The run with every device distance from the middle on 40 000 km further. */
function withDistanceJump(): string {
  const total = tcx.match(/<DistanceMeters>/g)!.length;
  let k = 0;
  return tcx.replace(/<DistanceMeters>([\d.]+)<\/DistanceMeters>/g, (_, v: string) => {
    const jump = ++k > total / 2 ? 40_000_000 : 0;
    return `<DistanceMeters>${Number(v) + jump}</DistanceMeters>`;
  });
}

/** One trackpoint's time moved to the year 2150. */
function withFarTime(): string {
  const times = [...tcx.matchAll(/<Time>[^<]+<\/Time>/g)];
  const mid = times[Math.floor(times.length / 2)]!;
  return `${tcx.slice(0, mid.index)}<Time>2150-01-01T00:00:00Z</Time>${tcx.slice(mid.index! + mid[0].length)}`;
}

/** A TCX of `n` laps of one trackpoint each. */
function manyLaps(n: number): string {
  const t0 = Date.parse('2026-05-01T08:00:00Z');
  const laps = Array.from({ length: n }, (_, i) => {
    const at = new Date(t0 + i * 2000).toISOString();
    return `<Lap StartTime="${at}"><TotalTimeSeconds>2</TotalTimeSeconds><Track><Trackpoint><Time>${at}</Time><Position><LatitudeDegrees>${45 + i * 1e-5}</LatitudeDegrees><LongitudeDegrees>4.8</LongitudeDegrees></Position></Trackpoint></Track></Lap>`;
  });
  return `<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities><Activity Sport="Running"><Id>2026-05-01T08:00:00Z</Id>${laps.join('')}</Activity></Activities></TrainingCenterDatabase>`;
}

describe.each(DATABASES)('plausibility on $name', (database) => {
  const t = useTestApp(database);
  let ann: SignedIn;
  let ben: SignedIn;
  beforeAll(async () => {
    ann = await signUp(t.app, 'ann');
    ben = await signUp(t.app, 'ben');
  });

  /**
   * Uploads a file as ann (or `who`), runs the job, and answers the upload as GET /uploads/:id
   * does.
   */
  async function uploaded(name: string, bytes: Uint8Array | string, who: SignedIn = ann) {
    const body = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    const { payload, headers } = multipart({ name, bytes: body }, { visibility: 'everyone' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      payload,
      headers: { ...headers, ...who.headers },
    });
    expect(res.statusCode).toBe(202);
    await t.stride.worker.drain();
    const got = await t.app.inject({
      url: `/api/v1/uploads/${res.json().id}`,
      headers: who.headers,
    });
    return got.json();
  }
  const read = (who: SignedIn, id: string) =>
    t.app.inject({ url: `/api/v1/activities/${id}`, headers: who.headers });

  it('does not count a 40 000 km device distance jump, says so, and keeps the page small', async () => {
    const up = await uploaded('jump.tcx', withDistanceJump());
    expect(up.status).toBe('ready');
    expect(up.warnings).toEqual([
      expect.stringMatching(/device distance jumped 1 time faster than 15 m\/s/),
    ]);
    const page = await read(ann, up.activity_id);
    expect(page.body.length).toBeLessThan(200_000);
    const a = page.json();
    expect(a.distance).toBeLessThan(20_000);
    expect(a.splits_metric.length).toBeLessThan(20);
    expect(a.laps.length).toBeLessThan(20);
    // The owner sees what was repaired; others see the activity, not the file's troubles.
    expect(a.analysis.warnings).toEqual(up.warnings);
    const seen = (await read(ben, up.activity_id)).json();
    expect(seen.distance).toBe(a.distance);
    expect(seen.analysis.warnings).toBeUndefined();
  });

  it('drops a trackpoint timed in 2150 instead of stretching the run over 125 years', async () => {
    // Another athlete: for ann it would be a duplicate of the run above (same start, distance).
    const cai = await signUp(t.app, 'cai');
    const up = await uploaded('far.tcx', withFarTime(), cai);
    expect(up.status).toBe('ready');
    expect(up.warnings.join(' ')).toMatch(/^Dropped 1 sample timed before 1990 or after 2099$/);
    const a = (await read(cai, up.activity_id)).json();
    expect(a.elapsed_time).toBeLessThan(86_400);
    expect(a.start_date.startsWith('2025-04-12')).toBe(true);
  });

  it('refuses a file whose every sample is timed before 1990, saying why', async () => {
    const samples = syntheticActivity({
      seed: 3,
      sport: 'Run',
      startLat: 46.43,
      startLng: 13.74,
      startTime: -2_000_000_000, // 1906: a signed 32-bit clock that wrapped
      distanceM: 1000,
    });
    const up = await uploaded('1906.gpx', toGpx('Wrapped clock', 'Run', samples));
    expect(up.status).toBe('error');
    expect(up.error).toBe('No sample of this activity has a plausible time');
    expect(up.activity_id).toBeNull();
  });

  it('lists at most 1000 of the laps a file states', async () => {
    const up = await uploaded('laps.tcx', manyLaps(1500));
    expect(up.status).toBe('ready');
    const a = (await read(ann, up.activity_id)).json();
    expect(a.laps).toHaveLength(1000);
  });

  it('accepts a FIT file whose checksum is wrong only as recovered, with a warning', async () => {
    const broken = fit.slice();
    broken[broken.length - 1]! ^= 0xff;
    const up = await uploaded('bad-crc.fit', broken);
    expect(up.status).toBe('ready');
    expect(up.warnings).toEqual([expect.stringMatching(/checksum does not match .*recovered/)]);
    const a = (await read(ann, up.activity_id)).json();
    expect(a.analysis.warnings).toEqual(up.warnings);
    // The intact file is the same activity, without a warning (a new athlete: not a duplicate).
    const ok = await uploaded('ok.fit', fit, await signUp(t.app, 'dee'));
    expect(ok.status).toBe('ready');
    expect(ok.warnings).toEqual([]);
  });

  describe('recording', () => {
    const T0 = '2026-05-01T08:00:00.000Z';
    const THREE_YEARS_ON = '2029-05-01T08:00:00.000Z';
    /** ann's request to /api/v1/activities/<path>. */
    const send = (method: 'POST' | 'PATCH' | 'PUT', path: string, payload: object) =>
      t.app.inject({ method, url: `/api/v1/activities/${path}`, headers: ann.headers, payload });
    const create = async () => {
      const id = randomUUID();
      expect((await send('POST', '', { id, sport_type: 'Run' })).statusCode).toBe(201);
      return id;
    };
    const patch = (id: string, state: string, at: string) => send('PATCH', id, { state, at });

    it('refuses a point timed 1e308, naming the field', async () => {
      const id = await create();
      const res = await send('POST', `${id}/points`, {
        seq: 0,
        points: [{ t: 1e308, lat: 45.7, lng: 4.8 }],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toBe('body.points.0.t must be < 4102444800');
    });

    it('refuses COMPLETE three years after STARTED, and keeps the activity open', async () => {
      const id = await create();
      expect((await patch(id, 'STARTED', T0)).statusCode).toBe(200);
      const res = await patch(id, 'COMPLETE', THREE_YEARS_ON);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.message).toBe(
        'The STOP event comes 1096 days after START; an activity may last at most 30 days',
      );
      expect((await read(ann, id)).json().state).toBe('started');
      expect((await patch(id, 'COMPLETE', '2026-05-01T09:00:00.000Z')).statusCode).toBe(200);
    });

    it('refuses a saved recording that lasts three years', async () => {
      const id = await create();
      const res = await send('PUT', `${id}/recording`, {
        sport_type: 'Run',
        events: [
          { kind: 'START', at: T0 },
          { kind: 'STOP', at: THREE_YEARS_ON },
        ],
        points: [{ t: Date.parse(T0) / 1000 + 1, lat: 45.7, lng: 4.8 }],
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.message).toMatch(/at most 30 days/);
    });
  });
});
