import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES } from '../src/photos/photo.service.js';
import { DATABASES, useTestApp } from './adapters.js';
import { type SignedIn, signUp } from './helpers.js';
import { CAMERA, hasGpsPointer, heicCodedInHevc, image, jpegWithGps } from './photo-files.js';
import { apiAs, recordRun } from './social-helpers.js';

interface FilePart {
  name: string;
  bytes: Uint8Array;
  contentType?: string;
}

/** A multipart body of several `file` parts. */
function photoForm(files: FilePart[]) {
  const boundary = `----stridephotos${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\n` +
          `Content-Type: ${f.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.from(f.bytes),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

interface Photo {
  id: string;
  activity_id: string;
  width: number;
  height: number;
  caption: string | null;
  urls: { large: string; thumb: string };
}

describe.each(DATABASES)('photos on $name', (database) => {
  const t = useTestApp(database);
  const api = apiAs(t);
  let ann: SignedIn;
  let ben: SignedIn;
  let cat: SignedIn;
  let pub: string;
  let day = 0;

  beforeAll(async () => {
    ann = await signUp(t.app, 'ann');
    ben = await signUp(t.app, 'ben');
    cat = await signUp(t.app, 'cat');
    // Ben follows Ann; Cat does not.
    expect((await api(ben, 'PUT', 'athletes/ann/follow')).statusCode).toBeLessThan(300);
    pub = await recordRun(t.app, ann, 'everyone', day++);
  });

  const upload = (who: SignedIn | undefined, activityId: string, files: FilePart[]) => {
    const { payload, headers } = photoForm(files);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/activities/${activityId}/photos`,
      payload,
      headers: { ...headers, ...(who?.headers ?? {}) },
    });
  };
  const get = (who: SignedIn | undefined, url: string) =>
    t.app.inject({ method: 'GET', url, headers: who?.headers ?? {} });
  const list = async (who: SignedIn | undefined, activityId: string) => {
    const res = await get(who, `/api/v1/activities/${activityId}/photos`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Photo[];
  };
  const stored = (activityId: string, photoId: string, size: 'large' | 'thumb') =>
    t.stride.platform.blobs.get(`activities/${activityId}/photos/${photoId}/${size}`);
  const rowsOf = async (column: 'activity_id' | 'athlete_id', id: string) =>
    (
      await t.stride.platform.db
        .selectFrom('activity_photos')
        .select('id')
        .where(column, '=', id)
        .execute()
    ).length;
  const smallJpegs = async (n: number) => {
    const bytes = await image('jpeg');
    return Array.from({ length: n }, (_, i) => ({ name: `p${i}.jpg`, bytes }));
  };

  it('keeps no EXIF and no GPS position: the stored sizes are upright and hold no metadata', async () => {
    // A phone's photo: 2000 × 1000 as stored, shown turned a quarter (orientation 6), with GPS.
    const original = await jpegWithGps(2000, 1000);
    const input = await sharp(original).metadata();
    expect(input.orientation).toBe(6);
    expect(input.exif).toBeDefined();
    expect(hasGpsPointer(input.exif!)).toBe(true);
    expect(Buffer.from(original).includes(CAMERA)).toBe(true);

    const res = await upload(ann, pub, [
      { name: 'IMG_0001.jpg', bytes: original, contentType: 'image/jpeg' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const [photo] = res.json().items as Photo[];
    // Upright: 1000 × 2000, scaled to a long edge of 1600.
    expect(photo).toMatchObject({ activity_id: pub, width: 800, height: 1600, caption: null });

    for (const [size, width, height] of [
      ['large', 800, 1600],
      ['thumb', 200, 400],
    ] as const) {
      const bytes = (await stored(pub, photo!.id, size))!;
      expect(bytes, size).toBeDefined();
      const meta = await sharp(bytes).metadata();
      expect(meta).toMatchObject({ format: 'jpeg', width, height });
      expect(meta.exif, size).toBeUndefined();
      expect(meta.xmp, size).toBeUndefined();
      expect(meta.iptc, size).toBeUndefined();
      expect(meta.icc, size).toBeUndefined();
      expect(meta.orientation, size).toBeUndefined();
      const raw = Buffer.from(bytes);
      expect(hasGpsPointer(raw), size).toBe(false);
      expect(raw.includes('Exif\0\0'), size).toBe(false);
      expect(raw.includes(CAMERA), size).toBe(false);

      // Served as stored, as a JPEG kept privately for good.
      const served = await get(ann, photo!.urls[size]);
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/jpeg');
      expect(served.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      expect(Buffer.compare(served.rawPayload, raw)).toBe(0);
      const again = await t.app.inject({
        url: photo!.urls[size],
        headers: { ...ann.headers, 'if-none-match': String(served.headers.etag) },
      });
      expect(again.statusCode).toBe(304);
    }
    // Nothing but the two sizes is kept: the original, with its GPS, is not.
    if (t.stride.platform.blobs.kind === 'fs') {
      const folder = join(t.config.dataDir, 'blobs', 'activities', pub, 'photos', photo!.id);
      expect(readdirSync(folder).sort()).toEqual(['large', 'thumb']);
    }
  });

  it('accepts PNG, WebP and AVIF in one request, in the order sent', async () => {
    const id = await recordRun(t.app, ann, 'everyone', day++);
    const res = await upload(ann, id, [
      { name: 'a.png', bytes: await image('png', 300, 200) },
      { name: 'b.webp', bytes: await image('webp', 200, 300) },
      { name: 'c.avif', bytes: await image('avif', 100, 100) },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const added = res.json().items as Photo[];
    expect(added.map((p) => [p.width, p.height])).toEqual([
      [300, 200],
      [200, 300],
      [100, 100],
    ]);
    expect((await list(ann, id)).map((p) => p.id)).toEqual(added.map((p) => p.id));
    // Transparency is flattened: every stored size is a JPEG.
    for (const p of added)
      expect((await sharp((await stored(id, p.id, 'large'))!).metadata()).format).toBe('jpeg');
  });

  it('refuses a file that is not a photo with 415, saying what is accepted', async () => {
    const text = await upload(ann, pub, [
      { name: 'notes.txt', bytes: new TextEncoder().encode('not a photo at all') },
    ]);
    expect(text.statusCode).toBe(415);
    expect(text.json().error.message).toMatch(/JPEG, PNG, WebP, AVIF or HEIC/);
    const gif = await upload(ann, pub, [
      {
        name: 'a.gif',
        bytes: await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
          .gif()
          .toBuffer(),
      },
    ]);
    expect(gif.statusCode).toBe(415);
    expect(gif.json().error.message).toMatch(/^GIF images are not accepted/);
  });

  it('refuses a HEIC coded in HEVC with 415 asking for a JPEG (libvips here has no HEVC decoder)', async () => {
    const heic = heicCodedInHevc();
    // sharp reads the container (and knows it is HEVC) but cannot decode the image.
    expect(await sharp(heic).metadata()).toMatchObject({ format: 'heif', compression: 'hevc' });
    await expect(sharp(heic).jpeg().toBuffer()).rejects.toThrow(/HEVC/);
    const res = await upload(ann, pub, [{ name: 'IMG_0002.HEIC', bytes: heic }]);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toMatch(/HEVC.*export it as JPEG/);
  });

  it('refuses a damaged photo with 422 and an empty or missing file with 400', async () => {
    const whole = await image('jpeg', 800, 600);
    const cut = await upload(ann, pub, [
      { name: 'cut.jpg', bytes: whole.subarray(0, whole.length >> 1) },
    ]);
    expect(cut.statusCode, cut.body).toBe(422);
    expect(cut.json().error.message).toMatch(/JPEG photo could not be read/);
    const empty = await upload(ann, pub, [{ name: 'empty.jpg', bytes: new Uint8Array() }]);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.fields[0].field).toBe('file');
    const none = await upload(ann, pub, []);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toMatch(/"file" part/);
  });

  it('refuses a photo over 20 MB with 413', async () => {
    const id = await recordRun(t.app, ann, 'everyone', day++);
    const big = Buffer.concat([await image('jpeg'), Buffer.alloc(MAX_PHOTO_BYTES)]);
    const res = await upload(ann, id, [{ name: 'big.jpg', bytes: big }]);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe('photos up to 20 MB each are accepted');
    expect(await list(ann, id)).toEqual([]);
  });

  it('holds at most 20 photos: the 21st is a 422, and a refused request adds none', async () => {
    const id = await recordRun(t.app, ann, 'everyone', day++);
    expect((await upload(ann, id, await smallJpegs(19))).statusCode).toBe(201);
    // The second is beyond the room: refused before it is read (else it would be a 413).
    const oversized = Buffer.concat([await image('jpeg'), Buffer.alloc(MAX_PHOTO_BYTES)]);
    const two = await upload(ann, id, [
      ...(await smallJpegs(1)),
      { name: 'big.jpg', bytes: oversized },
    ]);
    expect(two.statusCode).toBe(422);
    expect(two.json().error.message).toMatch(/at most 20 photos; this one has 19, so 1 more/);
    expect(await list(ann, id)).toHaveLength(19);
    expect((await upload(ann, id, await smallJpegs(1))).statusCode).toBe(201);
    const twentyFirst = await upload(ann, id, await smallJpegs(1));
    expect(twentyFirst.statusCode).toBe(422);
    expect(twentyFirst.json().error.message).toMatch(/at most 20 photos; this one has 20$/);
    expect(await list(ann, id)).toHaveLength(20);
    // More files in one request than an activity can hold stop the form at the 21st.
    const other = await recordRun(t.app, ann, 'everyone', day++);
    const many = await upload(ann, other, await smallJpegs(21));
    expect(many.statusCode).toBe(422);
    expect(await list(ann, other)).toEqual([]);

    // Two uploads at once for the last place: one is added, the other refused, nothing left over.
    const race = await recordRun(t.app, ann, 'everyone', day++);
    expect((await upload(ann, race, await smallJpegs(19))).statusCode).toBe(201);
    const both = await Promise.all([
      upload(ann, race, await smallJpegs(1)),
      upload(ann, race, await smallJpegs(1)),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    expect(await list(ann, race)).toHaveLength(20);
    if (t.stride.platform.blobs.kind === 'fs')
      expect(
        readdirSync(join(t.config.dataDir, 'blobs', 'activities', race, 'photos')),
      ).toHaveLength(20);
  });

  it('lets only the owner add, caption or delete: 403 on an activity one sees, 404 otherwise', async () => {
    const hidden = await recordRun(t.app, ann, 'only_me', day++);
    const [photo] = (await (await upload(ann, pub, await smallJpegs(1))).json().items) as Photo[];
    const bytes = await image('jpeg');
    const onPublic = await upload(ben, pub, [{ name: 'x.jpg', bytes }]);
    expect(onPublic.statusCode).toBe(403);
    expect(onPublic.json().error.message).toMatch(/only the athlete whose activity/);
    expect((await upload(ben, hidden, [{ name: 'x.jpg', bytes }])).statusCode).toBe(404);
    expect((await upload(undefined, pub, [{ name: 'x.jpg', bytes }])).statusCode).toBe(401);
    const path = `activities/${pub}/photos/${photo!.id}`;
    expect((await api(ben, 'DELETE', path)).statusCode).toBe(403);
    expect((await api(ben, 'PATCH', path, { caption: 'mine' })).statusCode).toBe(403);
    // A photo id under another activity is not found there.
    const elsewhere = `activities/${hidden}/photos/${photo!.id}`;
    expect((await api(ann, 'DELETE', elsewhere)).statusCode).toBe(404);
    expect((await get(ann, `/api/v1/${elsewhere}/large`)).statusCode).toBe(404);

    const captioned = await api(ann, 'PATCH', path, { caption: '  Col de la Croix  ' });
    expect(captioned.json().caption).toBe('Col de la Croix');
    const long = await api(ann, 'PATCH', path, { caption: 'x'.repeat(501) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details.fields[0].field).toBe('body.caption');
    expect((await list(ben, pub)).find((p) => p.id === photo!.id)?.caption).toBe('Col de la Croix');
  });

  it('shows a followers-only activity’s photos to followers alone (404 for anyone else)', async () => {
    const id = await recordRun(t.app, ann, 'followers', day++);
    const [photo] = (await (await upload(ann, id, await smallJpegs(1))).json().items) as Photo[];
    expect(await list(ben, id)).toHaveLength(1);
    expect((await get(ben, photo!.urls.thumb)).statusCode).toBe(200);
    for (const who of [cat, undefined]) {
      const listed = await get(who, `/api/v1/activities/${id}/photos`);
      expect(listed.statusCode).toBe(404);
      expect(listed.json().error.message).toBe('no such activity');
      expect((await get(who, photo!.urls.large)).statusCode).toBe(404);
      expect((await get(who, photo!.urls.thumb)).statusCode).toBe(404);
    }
    // An activity for everyone shows its photos to anyone, signed in or not.
    expect((await get(undefined, `/api/v1/activities/${pub}/photos`)).statusCode).toBe(200);
    // Blocked: Ann's block hides her public activity's photos from Cat.
    expect((await api(ann, 'PUT', 'me/blocks/cat')).statusCode).toBeLessThan(300);
    expect((await get(cat, `/api/v1/activities/${pub}/photos`)).statusCode).toBe(404);
    expect((await api(ann, 'DELETE', 'me/blocks/cat')).statusCode).toBeLessThan(300);
  });

  it('gives lists, the feed and the detail the photo count and the first thumb', async () => {
    const id = await recordRun(t.app, ann, 'everyone', day++);
    const bare = (await api(ben, 'GET', `activities/${id}`)).json();
    expect(bare).toMatchObject({ photo_count: 0, first_photo: null });
    const added = (await (await upload(ann, id, await smallJpegs(3))).json().items) as Photo[];

    await t.stride.worker.drain(); // the feed fills by fan-out jobs
    const feed = (await api(ben, 'GET', 'activities?mode=FRIENDS&limit=50')).json().items;
    expect(feed.find((a: { id: string }) => a.id === id)).toMatchObject({
      photo_count: 3,
      first_photo: added[0]!.urls.thumb,
    });
    const mine = (await api(ann, 'GET', 'activities?mode=USER&limit=50')).json().items;
    expect(mine.find((a: { id: string }) => a.id === id)).toMatchObject({ photo_count: 3 });
    expect((await api(ben, 'GET', `activities/${id}`)).json()).toMatchObject({
      photo_count: 3,
      first_photo: added[0]!.urls.thumb,
    });
    // The first deleted: the next one leads, and its sizes are gone from the store.
    expect((await api(ann, 'DELETE', `activities/${id}/photos/${added[0]!.id}`)).statusCode).toBe(
      204,
    );
    expect(await stored(id, added[0]!.id, 'large')).toBeUndefined();
    expect(await stored(id, added[0]!.id, 'thumb')).toBeUndefined();
    expect((await get(ann, added[0]!.urls.thumb)).statusCode).toBe(404);
    expect((await api(ben, 'GET', `activities/${id}`)).json()).toMatchObject({
      photo_count: 2,
      first_photo: added[1]!.urls.thumb,
    });
    const legs = (await api(ben, 'GET', `activities/${id}/legs`)).json().items;
    expect(legs[0]).toMatchObject({ photo_count: 2, first_photo: added[1]!.urls.thumb });
  });

  it('deletes the photos’ rows and files with their activity', async () => {
    const id = await recordRun(t.app, ann, 'everyone', day++);
    const added = (await (await upload(ann, id, await smallJpegs(2))).json().items) as Photo[];
    expect(await stored(id, added[1]!.id, 'large')).toBeDefined();
    expect((await api(ann, 'DELETE', `activities/${id}`)).statusCode).toBe(204);
    for (const p of added) {
      expect(await stored(id, p.id, 'large')).toBeUndefined();
      expect(await stored(id, p.id, 'thumb')).toBeUndefined();
      expect((await get(ann, p.urls.large)).statusCode).toBe(404);
    }
    expect((await get(ann, `/api/v1/activities/${id}/photos`)).statusCode).toBe(404);
    expect(await rowsOf('activity_id', id)).toBe(0);
    if (t.stride.platform.blobs.kind === 'fs')
      expect(existsSync(join(t.config.dataDir, 'blobs', 'activities', id))).toBe(false);
  });

  it('exports the athlete’s photos (large) and deletes them with the account', async () => {
    const dan = await signUp(t.app, 'dan');
    const id = await recordRun(t.app, dan, 'everyone', 0);
    const added = (await (await upload(dan, id, await smallJpegs(2))).json().items) as Photo[];
    await api(dan, 'PATCH', `activities/${id}/photos/${added[1]!.id}`, { caption: 'Summit' });

    const res = await get(dan, '/api/v1/me/export');
    expect(res.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const large = await stored(id, added[0]!.id, 'large');
    expect(files[`photos/${id}/01-${added[0]!.id}.jpg`]).toEqual(large);
    expect(files[`photos/${id}/02-${added[1]!.id}.jpg`]).toBeDefined();
    const listed = JSON.parse(new TextDecoder().decode(files['photos.json']));
    expect(listed.map((p: { caption: string | null }) => p.caption)).toEqual([null, 'Summit']);

    const gone = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: dan.headers,
      payload: { password: 'password123' },
    });
    expect(gone.statusCode).toBe(204);
    for (const p of added) expect(await stored(id, p.id, 'large')).toBeUndefined();
    expect(await rowsOf('athlete_id', dan.id)).toBe(0);
  });
});
