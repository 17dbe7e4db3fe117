import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { exportFit, importActivityFile } from '@stride/formats';
import { strToU8, type Zippable, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticActivity, toGpx } from '../src/demo/synthetic-activity.js';
import { DATABASES, useTestApp } from './adapters.js';
import { multipart, type SignedIn, signUp } from './helpers.js';

/** Real recordings from the shared corpus when it is there; synthetic ones otherwise. */
const CORPUS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data');
const corpus = (file: string) => {
  const path = join(CORPUS, file);
  return existsSync(path) ? new Uint8Array(readFileSync(path)) : undefined;
};
const synthetic = (seed: number, sport: 'Run' | 'Ride') =>
  strToU8(
    toGpx(
      `Synthetic ${seed}`,
      sport,
      syntheticActivity({
        seed,
        sport,
        startLat: 45.7 + seed / 100,
        startLng: 4.8,
        startTime: 1_790_000_000 + seed * 86_400,
        distanceM: sport === 'Ride' ? 12_000 : 4000,
      }),
    ),
  );
const gpx = corpus('togeojson/run_gpxtpx.gpx') ?? synthetic(1, 'Run');
const tcx = corpus('python-tcxparser/test.tcx') ?? synthetic(2, 'Run');
// A FIT file as devices write them; from a synthetic ride when the corpus is absent.
const fit =
  corpus('python-fitparse/garmin-edge-500-activity.fit') ??
  exportFit(importActivityFile(synthetic(3, 'Ride')).activities[0]!);

const CSV_HEADER =
  'Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Filename,Elapsed Time';
const csv = [
  CSV_HEADER,
  '101,"Jan 3, 2024, 7:02:11 AM","Morning Run, by the river",Run,"Easy, then ""fast""\nsecond line",1800,5.1,activities/101.gpx,1800',
  '102,"Jan 4, 2024, 9:00:00 AM",Col du Galibier,E-Bike Ride,,7200,40,activities/102.fit.gz,7200',
  '103,"Jan 5, 2024, 6:00:00 PM","Track, intervals",Course à pied,,2400,6,activities/103.tcx.gz,2400',
  '104,"Jan 6, 2024, 8:00:00 AM",Gym session,Weight Training,,3600,0,,3600',
  '105,"Jan 7, 2024, 8:00:00 AM",Broken one,Run,,60,0,activities/105.gpx,60',
].join('\n');

function stravaArchive(extra: Zippable = {}): Uint8Array {
  return zipSync({
    'activities.csv': strToU8(csv),
    'profile.csv': strToU8('Athlete ID,Email\n1,ann@example.com\n'),
    activities: {
      '101.gpx': gpx,
      '102.fit.gz': [new Uint8Array(gzipSync(fit)), { level: 0 }],
      '103.tcx.gz': [new Uint8Array(gzipSync(tcx)), { level: 0 }],
      '105.gpx': strToU8('<?xml version="1.0"?><gpx><trk><trkseg><trkpt lat="x'),
      ...extra,
    },
    media: { 'photo.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0]) },
    routes: { '1.gpx': gpx },
  });
}

describe.each(DATABASES)('archive uploads on $name', (database) => {
  const t = useTestApp(database, { STRIDE_MAX_UPLOAD_BYTES: String(8 * 1024 * 1024) });
  let ann: SignedIn;
  beforeAll(async () => {
    ann = await signUp(t.app, 'ann');
  });

  const upload = async (name: string, bytes: Uint8Array) => {
    const { payload, headers } = multipart({ name, bytes }, { visibility: 'followers' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      payload,
      headers: { ...headers, ...ann.headers },
    });
    expect(res.statusCode).toBe(202);
    return res.json();
  };
  const status = (id: string) =>
    t.app
      .inject({ method: 'GET', url: `/api/v1/uploads/${id}`, headers: ann.headers })
      .then((r) => r.json());
  const drain = () => t.stride.worker.drain();
  const db = () => t.stride.platform.db;
  const children = (id: string) =>
    db()
      .selectFrom('uploads')
      .selectAll()
      .where('parent_id', '=', id)
      .orderBy('file_name')
      .execute();
  const activityOf = (uploadId: string) =>
    db().selectFrom('activities').selectAll().where('upload_id', '=', uploadId).executeTakeFirst();

  let first: { id: string };

  it('expands a Strava export into one upload per activity file, named as on Strava', async () => {
    const accepted = await upload('export_123.zip', stravaArchive());
    expect(accepted).toMatchObject({
      kind: 'archive',
      status: 'queued',
      activity_id: null,
      archive_id: null,
      counts: { files: 0, ready: 0, duplicate: 0, error: 0, queued: 0 },
    });
    first = accepted;
    await drain();
    const done = await status(accepted.id);
    expect(done).toMatchObject({
      kind: 'archive',
      status: 'ready',
      error: null,
      counts: { files: 4, ready: 3, duplicate: 0, error: 1, queued: 0 },
    });

    const files = await children(accepted.id);
    // activities/ only: not media/, not the planned routes in routes/, not the CSVs.
    expect(files.map((f) => f.file_name)).toEqual([
      'activities/101.gpx',
      'activities/102.fit.gz',
      'activities/103.tcx.gz',
      'activities/105.gpx',
    ]);
    const [run, ride, track, broken] = files;
    const child = await status(run!.id);
    expect(child).toMatchObject({ kind: 'file', archive_id: accepted.id, counts: null });

    expect(await activityOf(run!.id)).toMatchObject({
      name: 'Morning Run, by the river',
      description: 'Easy, then "fast"\nsecond line',
      sport_type: 'Run',
      visibility: 'followers',
    });
    // Strava's "E-Bike Ride" wins over the file's own sport.
    expect(await activityOf(ride!.id)).toMatchObject({
      name: 'Col du Galibier',
      sport_type: 'EBikeRide',
    });
    // A type Stride does not know (here in French): the file decides.
    const fromTcx = await activityOf(track!.id);
    expect(fromTcx).toMatchObject({ name: 'Track, intervals', sport_type: 'Run' });
    expect(broken!.status).toBe('error');
    expect(broken!.error!.length).toBeGreaterThan(10);
  });

  it('creates nothing new when the expand job runs again', async () => {
    const before = await children(first.id);
    // As after a crash between reading the archive and marking it done.
    await t.stride.platform.db
      .updateTable('uploads')
      .set({ status: 'processing' })
      .where('id', '=', first.id)
      .execute();
    // Its job ran once; run its handler again, as a retry after that crash would.
    expect(await t.stride.uploads.archives.expand(first.id, false)).toBe('success');
    await drain();
    const after = await children(first.id);
    expect(after.map((c) => [c.id, c.status, c.updated_at.getTime()])).toEqual(
      before.map((c) => [c.id, c.status, c.updated_at.getTime()]),
    );
    expect((await status(first.id)).counts).toEqual({
      files: 4,
      ready: 3,
      duplicate: 0,
      error: 1,
      queued: 0,
    });
  });

  it('imports only the missing activities when a newer export is uploaded again', async () => {
    const activities = async () =>
      (await db().selectFrom('activities').select('id').where('athlete_id', '=', ann.id).execute())
        .length;
    const had = await activities();
    const again = await upload('export_124.zip', stravaArchive({ '106.gpx': synthetic(6, 'Run') }));
    expect(again.id).not.toBe(first.id);
    await drain();
    expect((await status(again.id)).counts).toEqual({
      files: 5,
      ready: 1,
      duplicate: 3,
      error: 1,
      queued: 0,
    });
    expect(await activities()).toBe(had + 1);
  });

  it('takes every activity file of an archive that is not a Strava export', async () => {
    const zip = zipSync({
      'rides/a.gpx': synthetic(11, 'Ride'),
      'b.GPX': synthetic(12, 'Run'),
      'notes.txt': strToU8('hello'),
    });
    const accepted = await upload('mine.zip', zip);
    await drain();
    expect(await status(accepted.id)).toMatchObject({
      status: 'ready',
      counts: { files: 2, ready: 2, duplicate: 0, error: 0, queued: 0 },
    });
    expect((await activityOf((await children(accepted.id))[1]!.id))!.sport_type).toBe('Ride');
  });

  it('refuses zip bombs, archives of too many files and archives without activities', async () => {
    const refused = async (bytes: Uint8Array) => {
      const accepted = await upload('x.zip', bytes);
      await drain();
      const s = await status(accepted.id);
      expect(s.status).toBe('error');
      expect(s.counts.files).toBe(0);
      return s.error as string;
    };
    const bomb = zipSync({ activities: { '1.gpx': new Uint8Array(20 * 1024 * 1024) } });
    expect(await refused(bomb)).toMatch(/expands more than 100 times .*zip bomb/);

    const many: Zippable = {};
    for (let i = 0; i <= 20_000; i++) many[`${i}.gpx`] = [new Uint8Array(0), { level: 0 }];
    expect(await refused(zipSync(many))).toBe(
      'The archive holds 20001 entries; the most one upload accepts is 20000',
    );
    expect(await refused(zipSync({ 'media/a.jpg': new Uint8Array(10) }))).toBe(
      'The archive holds no GPX, TCX or FIT files.',
    );
  });

  it('describes archives in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/docs/json')).json();
    const schema =
      doc.paths['/api/v1/uploads/{id}'].get.responses['200'].content['application/json'].schema;
    expect(schema.properties.kind.anyOf.flatMap((k: { enum: string[] }) => k.enum)).toEqual([
      'file',
      'archive',
    ]);
    expect(Object.keys(schema.properties.counts.anyOf[0].properties)).toEqual([
      'files',
      'ready',
      'duplicate',
      'error',
      'queued',
    ]);
  });
});
