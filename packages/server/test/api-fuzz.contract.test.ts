/**
 * Every operation of the API document, sent bad input of every kind: never a 5xx, every 4xx in
 * the one error shape with a message, and a validation 400 names the field the schema refuses.
 * Problems are collected per test and listed together, so one run shows them all.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticActivity, toGpx } from '../src/demo/synthetic-activity.js';
import { DATABASES, useTestApp } from './adapters.js';
import {
  BROKEN_ENCODINGS,
  cursor,
  encode,
  fieldPart,
  filePart,
  form,
  json,
  type Probe,
  pathValue,
  problemsOf,
  queryValue,
} from './fuzz-inputs.js';
import { multipart, type SignedIn, signUp } from './helpers.js';
import {
  BAD_BODIES,
  badQueryValues,
  badValues,
  example,
  fieldsOf,
  type Operation,
  operationsOf,
} from './openapi-cases.js';
import { heicCodedInHevc, image } from './photo-files.js';

const T0 = '2026-05-01T08:00:00.000Z';
const T0_S = Date.parse(T0) / 1000;

/** Valid bodies where the minimal example would be refused for reasons beyond the schema. */
const BASELINE_BODIES: Record<string, unknown> = {
  'PUT /api/v1/activities/{id}/recording': {
    sport_type: 'Run',
    events: [
      { kind: 'START', at: T0 },
      { kind: 'STOP', at: '2026-05-01T08:01:00.000Z' },
    ],
    points: [{ t: T0_S, lat: 45.76, lng: 4.83 }],
  },
  'POST /api/v1/activities/{id}/points': { seq: 0, points: [{ t: T0_S, lat: 45.76, lng: 4.83 }] },
  'POST /api/v1/segments/': {
    name: 'Fuzz climb',
    points: [
      [45.76, 4.83],
      [45.762, 4.83],
    ],
    sport_type: 'Run',
  },
};
// A browser's subscription as the push service of Chrome would give it (keys of the right sizes).
BASELINE_BODIES['POST /api/v1/push/subscriptions'] = {
  endpoint: 'https://fcm.googleapis.com/fcm/send/fuzz',
  keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'A'.repeat(22) },
};
BASELINE_BODIES['POST /api/v1/notifications/read'] = { all: true };
BASELINE_BODIES['POST /api/v1/activities/{id}/comments'] = { text: 'Nice run @fuzz_other' };
BASELINE_BODIES['POST /api/v1/activities/{id}/live'] = {
  seq: 0,
  points: [{ t: T0_S, lat: 45.76, lng: 4.83 }],
};
const BASELINE_QUERY: Record<string, string> = { bbox: '45.7,4.8,45.8,4.9', sport: 'Run' };

/** Values the schema lets through but the route must refuse, naming the parameter. */
const SEMANTIC_QUERY: Record<string, string[]> = {
  bbox: [
    '91,0,92,1',
    '0,0,-91,1',
    '0,181,1,182',
    '10,10,0,0',
    '0,0,20,20',
    'NaN,0,1,1',
    'Infinity,0,1,1',
    '1e309,0,1,1',
    ',,,',
    '0,0,1',
    '0,0,1,1,1',
  ],
  cursor: [
    'not base64!',
    cursor([1]),
    cursor({ a: 1 }),
    cursor(['x', 'y']),
    cursor([1e300, '00000000-0000-4000-8000-000000000000']),
    cursor([-8.64e15, '00000000-0000-4000-8000-000000000000']),
    cursor([-8.64e15 - 1, '00000000-0000-4000-8000-000000000000']),
    cursor([T0_S * 1000, 'not-a-uuid']),
    cursor([T0_S * 1000, 42]),
  ],
  keys: ['nope', 'time,nope'],
  // Searches: nothing left once trimmed (or only the "@" a handle is written with), or too long.
  q: ['   ', '\t\n', '@', ` ${'a'.repeat(65)} `],
};

/** Operations another athlete may do to my things (social actions on public objects). */
const ALLOWED_ON_OTHERS = new Set([
  'PUT /api/v1/segments/{id}/star',
  'DELETE /api/v1/segments/{id}/star',
  'PUT /api/v1/athletes/{athlete}/follow',
  'DELETE /api/v1/athletes/{athlete}/follow',
  // My own graph, naming another athlete: blocking them, or removing them as my follower.
  'PUT /api/v1/me/blocks/{athlete}',
  'DELETE /api/v1/me/blocks/{athlete}',
  'DELETE /api/v1/me/followers/{athlete}',
]);

/** Which resource a path parameter names, by the path it sits under. */
const RESOURCE_OF: Record<string, keyof Resources> = {
  '/api/v1/activities': 'activity',
  '/api/v1/segments': 'segment',
  '/api/v1/uploads': 'upload',
  '/api/v1/me/privacy-zones': 'zone',
  '/api/v1/athletes': 'athlete',
  '/api/v1/me/follow-requests': 'athlete',
  '/api/v1/me/followers': 'athlete',
  '/api/v1/me/blocks': 'athlete',
  '/api/v1/live': 'liveToken',
  '/api/v1/me/goals': 'goal',
};

interface Resources {
  activity: string;
  /** A photo of `activity`. */
  photo: string;
  /** A comment on `activity`. */
  comment: string;
  segment: string;
  upload: string;
  zone: string;
  athlete: string;
  /** A safety link of `activity` (revoked: no probe holds a live stream open). */
  liveLink: string;
  liveToken: string;
  goal: string;
}

describe.each(DATABASES)('bad input on every operation on $name', (database) => {
  const t = useTestApp(database, {
    STRIDE_AUTH_RATE_LIMIT: '1000000',
    STRIDE_COMMENT_RATE_LIMIT: '1000000',
    STRIDE_COMMENT_RATE_LIMIT_HOUR: '1000000',
    STRIDE_MAX_UPLOAD_BYTES: String(1024 * 1024),
  });
  let ops: Operation[];
  let me: SignedIn;
  let other: SignedIn;
  let mine: Resources;
  let theirs: Resources;

  async function resourcesOf(who: SignedIn): Promise<Resources> {
    const post = async (url: string, payload: object) => {
      const res = await t.app.inject({ method: 'POST', url, headers: who.headers, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json().id as string;
    };
    const gpx = toGpx(
      'Fuzz run',
      'Run',
      syntheticActivity({
        seed: who.handle.length,
        sport: 'Run',
        startLat: 45.76,
        startLng: 4.83,
        startTime: T0_S,
        distanceM: 1500,
      }),
    );
    const form = multipart({ name: 'run.gpx', bytes: new TextEncoder().encode(gpx) });
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      payload: form.payload,
      headers: { ...form.headers, ...who.headers },
    });
    expect(upload.statusCode, upload.body).toBe(202);
    const resources = {
      activity: await post('/api/v1/activities', { sport_type: 'Run', visibility: 'only_me' }),
      segment: await post('/api/v1/segments', BASELINE_BODIES['POST /api/v1/segments/']!),
      zone: await post('/api/v1/me/privacy-zones', { lat: 45, lng: 4, radius: 500 }),
      goal: await post('/api/v1/me/goals', {
        sport: 'run',
        period: 'week',
        metric: 'distance',
        target: 10_000,
      }),
      upload: upload.json().id,
      athlete: who.handle,
    };
    const photo = multipart({ name: 'photo.jpg', bytes: await image('jpeg') });
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/v1/activities/${resources.activity}/photos`,
      payload: photo.payload,
      headers: { ...photo.headers, ...who.headers },
    });
    expect(added.statusCode, added.body).toBe(201);
    const comment = await t.app.inject({
      method: 'POST',
      url: `/api/v1/activities/${resources.activity}/comments`,
      headers: who.headers,
      payload: { text: 'A comment to probe' },
    });
    expect(comment.statusCode, comment.body).toBe(201);
    await t.stride.worker.drain();
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/activities/${resources.activity}/live`,
      headers: who.headers,
      payload: BASELINE_BODIES['POST /api/v1/activities/{id}/live'] as object,
    });
    const link = await t.app.inject({
      method: 'POST',
      url: `/api/v1/activities/${resources.activity}/live/links`,
      headers: who.headers,
      payload: {},
    });
    expect(link.statusCode, link.body).toBe(201);
    const { id: liveLink, token: liveToken } = link.json();
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/activities/${resources.activity}/live/links/${liveLink}`,
      headers: who.headers,
    });
    return {
      ...resources,
      photo: added.json().items[0].id,
      comment: comment.json().id,
      liveLink,
      liveToken,
    };
  }

  beforeAll(async () => {
    ops = operationsOf((await t.app.inject('/docs/json')).json());
    me = await signUp(t.app, 'fuzz_me');
    other = await signUp(t.app, 'fuzz_other');
    mine = await resourcesOf(me);
    theirs = await resourcesOf(other);
  });

  const pathOf = (op: Operation, ids: Resources) =>
    Object.fromEntries(
      op.params.map((p) => {
        if (p.name === 'format') return [p.name, 'gpx'];
        if (p.name === 'size') return [p.name, 'thumb'];
        if (p.name === 'photoId') return [p.name, ids.photo];
        if (p.name === 'commentId') return [p.name, ids.comment];
        if (p.name === 'linkId') return [p.name, ids.liveLink];
        const resource = RESOURCE_OF[op.path.split('/{')[0]!];
        if (!resource) throw new Error(`no resource known for ${op.key}`);
        return [p.name, ids[resource]];
      }),
    );
  const baselineQuery = (op: Operation) =>
    op.query
      .filter((p) => p.required)
      .map((p) => [p.name, BASELINE_QUERY[p.name] ?? String(example(p.schema))] as const);
  const baselineBody = (op: Operation) => BASELINE_BODIES[op.key] ?? example(op.body!);
  const queryString = (entries: ReadonlyArray<readonly [string, string]>) =>
    entries.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');

  /**
   * The same probe anonymously, as me on my things, and as me on another athlete's things. What
   * the schema refuses is refused before anyone is signed in, so such a probe goes anonymously
   * only; so does one of a public operation that takes no ids (signing in changes nothing there).
   */
  function asEveryone(probe: Omit<Probe, 'path' | 'authorization'>): Probe[] {
    const anonymous = {
      ...probe,
      label: `${probe.label} (anonymous)`,
      path: pathOf(probe.op, theirs),
    };
    if ((probe.field && !probe.afterSignIn) || (!probe.op.secured && !probe.op.params.length))
      return [anonymous];
    const out: Probe[] = [
      anonymous,
      {
        ...probe,
        label: `${probe.label} (mine)`,
        path: pathOf(probe.op, mine),
        authorization: me.headers.authorization,
      },
    ];
    if (probe.op.params.length)
      out.push({
        ...probe,
        label: `${probe.label} (theirs)`,
        path: pathOf(probe.op, theirs),
        authorization: me.headers.authorization,
      });
    return out;
  }

  function send(probe: Probe) {
    const path =
      probe.rawPath ??
      probe.op.path.replace(/\{(\w+)\}/g, (_, name: string) => encode(probe.path?.[name] ?? ''));
    const hasBody = probe.body !== undefined;
    const jsonBody =
      probe.op.body && !probe.op.multipart && probe.body === undefined
        ? baselineBody(probe.op)
        : undefined;
    const query = probe.query ?? queryString(baselineQuery(probe.op));
    return t.app.inject({
      method: probe.op.method as 'GET',
      url: query ? `${path}?${query}` : path,
      headers: {
        ...(probe.authorization ? { authorization: probe.authorization } : {}),
        ...(hasBody || jsonBody !== undefined
          ? { 'content-type': probe.contentType ?? 'application/json' }
          : {}),
      },
      ...(hasBody ? { payload: probe.body } : {}),
      ...(jsonBody !== undefined ? { payload: JSON.stringify(jsonBody) } : {}),
    });
  }

  async function run(probes: Probe[]): Promise<string[]> {
    const problems: string[] = [];
    for (const probe of probes) problems.push(...problemsOf(probe, await send(probe)));
    return problems;
  }

  it('finds every operation of the API in its document', () => {
    expect(ops.length).toBeGreaterThanOrEqual(40);
    expect(ops.filter((op) => op.body).length).toBeGreaterThanOrEqual(10);
    expect(
      ops
        .filter((op) => op.multipart)
        .map((op) => op.key)
        .sort(),
    ).toEqual(['POST /api/v1/activities/{id}/photos', 'POST /api/v1/uploads/']);
    // The notification stream is probed like every route: it opens only with a ticket from
    // POST /notifications/stream-ticket, which no probe sends, so no probe holds a stream open.
    expect(ops.map((op) => op.key)).toContain('GET /api/v1/notifications/stream');
    // So are the live streams: an activity's opens only with a ticket too, and a link's only
    // with an open link (the probes' link is revoked).
    expect(ops.map((op) => op.key)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/activities/{id}/live/stream',
        'GET /api/v1/live/{token}/stream',
        'POST /api/v1/activities/{id}/live/links',
      ]),
    );
    // Fixed paths beside /athletes/{athlete}: probed as operations of their own.
    expect(ops.map((op) => op.key)).toEqual(
      expect.arrayContaining(['GET /api/v1/athletes/search', 'GET /api/v1/athletes/suggestions']),
    );
    for (const op of ops) if (op.params.length) expect(() => pathOf(op, mine)).not.toThrow();
  });

  it('refuses bad path parameters with a 400 naming them, or a 404', async () => {
    const probes: Probe[] = [];
    for (const op of ops.filter((o) => o.params.length)) {
      for (const param of op.params) {
        const values = [
          ...badQueryValues(param.schema),
          {
            label: 'in capitals',
            value: pathOf(op, theirs)[param.name]!.toUpperCase(),
            refused: false,
          },
          { label: 'in braces', value: `{${pathOf(op, theirs)[param.name]}}`, refused: false },
          { label: '5,000 characters', value: 'a'.repeat(5000), refused: false },
          { label: 'a slash', value: '../me', refused: false },
        ];
        for (const v of values) {
          const field = v.refused ? { field: `params.${param.name}` } : {};
          for (const probe of asEveryone({
            op,
            label: `params.${param.name} ${v.label}`,
            ...field,
          }))
            probes.push({ ...probe, path: { ...probe.path, [param.name]: v.value } });
        }
        for (const raw of ['..', '.', ...BROKEN_ENCODINGS]) {
          const path = op.path.replace(`{${param.name}}`, raw).replace(/\{\w+\}/g, 'x');
          probes.push({ op, label: `params.${param.name} raw ${raw}`, rawPath: path });
        }
      }
    }
    expect(await run(probes)).toEqual([]);
  });

  it('refuses bad query strings with a 400 naming the parameter', async () => {
    const probes: Probe[] = [];
    for (const op of ops.filter((o) => o.query.length)) {
      const base = baselineQuery(op);
      const withValue = (name: string, value: string) => [
        ...base.filter(([k]) => k !== name),
        [name, value] as const,
      ];
      for (const param of op.query) {
        const field = `querystring.${param.name}`;
        if (param.required)
          probes.push(
            ...asEveryone({
              op,
              label: `${field} missing`,
              query: queryString(base.filter(([k]) => k !== param.name)),
              field,
            }),
          );
        for (const v of badQueryValues(param.schema))
          probes.push(
            ...asEveryone({
              op,
              label: `${field} ${v.label}`,
              query: queryString(withValue(param.name, v.value)),
              ...(v.refused ? { field } : {}),
            }),
          );
        for (const value of SEMANTIC_QUERY[param.name] ?? [])
          probes.push(
            ...asEveryone({
              op,
              label: `${field}=${value}`,
              query: queryString(withValue(param.name, value)),
              field,
              afterSignIn: true,
            }),
          );
        for (const raw of BROKEN_ENCODINGS)
          probes.push(
            ...asEveryone({
              op,
              label: `${field} raw ${raw}`,
              query: [queryString(base.filter(([k]) => k !== param.name)), `${param.name}=${raw}`]
                .filter(Boolean)
                .join('&'),
            }),
          );
        const repeated = [...withValue(param.name, '1'), [param.name, '2'] as const];
        probes.push(
          ...asEveryone({ op, label: `${field} repeated`, query: queryString(repeated), field }),
        );
      }
    }
    expect(await run(probes)).toEqual([]);
  });

  it('refuses bad JSON bodies with a 400 naming the field', async () => {
    const probes: Probe[] = [];
    for (const op of ops.filter((o) => o.body)) {
      for (const v of BAD_BODIES)
        probes.push(
          ...asEveryone({
            op,
            label: `body ${v.label}`,
            body: v.json,
            ...(v.refused ? { field: 'body' } : {}),
          }),
        );
      for (const field of fieldsOf(op.body!, baselineBody(op))) {
        const parent = field.name.split('.').slice(0, -1).join('.');
        const key = field.name.split('.').at(-1)!;
        const required = /^\d+$/.test(key) ? false : isRequired(op, parent, key);
        if (required)
          probes.push(
            ...asEveryone({
              op,
              label: `${field.name} missing`,
              body: field.with(undefined),
              field: field.name,
            }),
          );
        for (const v of badValues(field.schema))
          probes.push(
            ...asEveryone({
              op,
              label: `${field.name} ${v.label}`,
              body: field.with(v.json),
              ...(v.refused ? { field: field.name } : {}),
            }),
          );
      }
      probes.push(
        ...asEveryone({
          op,
          label: 'body with an extra field',
          body: JSON.stringify({ ...(baselineBody(op) as object), extra_field: 'x' }),
        }),
      );
    }
    expect(await run(probes)).toEqual([]);
  });

  /** Whether `key` is a required property of the object at `parent` (e.g. `body.events.0`). */
  function isRequired(op: Operation, parent: string, key: string): boolean {
    let s = op.body!;
    for (const step of parent.split('.').slice(1)) {
      const next = /^\d+$/.test(step)
        ? Array.isArray(s.items)
          ? s.items[Number(step)]
          : s.items
        : s.properties?.[step];
      if (!next) return false;
      s = next.anyOf?.find((b) => b.type) ?? next;
    }
    return s.required?.includes(key) ?? false;
  }

  it('refuses wrong content types and missing bodies with a 4xx', async () => {
    const probes: Probe[] = [];
    for (const op of ops.filter((o) => o.body)) {
      const json = JSON.stringify(baselineBody(op));
      const cases: Array<[string, string | Buffer, string]> = [
        ['as text/plain', json, 'text/plain'],
        ['as a form', 'a=1&b=2', 'application/x-www-form-urlencoded'],
        ['as multipart', '--x\r\n\r\n--x--\r\n', 'multipart/form-data; boundary=x'],
        ['with no type', json, ''],
        ['as a made-up type', json, 'application/x-stride;;;'],
        ['empty', '', 'application/json'],
        ['whitespace only', '  \n', 'application/json'],
        ['truncated', json.slice(0, -1), 'application/json'],
        ['with trailing bytes', `${json}}`, 'application/json'],
        ['with a byte-order mark', `\ufeff${json}`, 'application/json'],
        ['as UTF-16', Buffer.from(json, 'utf16le'), 'application/json; charset=utf-16'],
        ['as invalid UTF-8', Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), 'application/json'],
      ];
      for (const [label, body, contentType] of cases)
        probes.push(...asEveryone({ op, label: `body ${label}`, body, contentType }));
      // No body at all where one is required: the schema names the body.
      for (const probe of asEveryone({ op, label: 'no body' }))
        probes.push({ ...probe, body: undefined, contentType: undefined, field: 'body' });
    }
    const problems = await run(probes.filter((p) => !p.label.startsWith('no body')));
    for (const probe of probes.filter((p) => p.label.startsWith('no body'))) {
      const res = await t.app.inject({
        method: probe.op.method as 'POST',
        url: probe.op.path.replace(/\{(\w+)\}/g, (_, n: string) => probe.path?.[n] ?? ''),
        headers: probe.authorization ? { authorization: probe.authorization } : {},
      });
      problems.push(...problemsOf(probe, res));
    }
    expect(problems).toEqual([]);
  });

  it('answers a missing or bad token with 401 on every signed-in operation', async () => {
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const forged = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: me.id, exp: 4e9 })}.`;
    const tokens = [
      'Bearer',
      'Bearer ',
      'Basic Zm9vOmJhcg==',
      'Bearer a.b.c',
      `Bearer ${forged}`,
      `Bearer ${me.token}x`,
      `Bearer ${'a'.repeat(10_000)}`,
      `bearer  ${me.token}`,
      `Bearer ${me.token} extra`,
    ];
    const probes = ops
      .filter((op) => op.secured && !op.multipart)
      .flatMap((op) =>
        tokens.map((authorization) => ({
          op,
          label: `with Authorization "${authorization.slice(0, 20)}"`,
          path: pathOf(op, mine),
          authorization,
        })),
      );
    const problems: string[] = [];
    for (const probe of probes) {
      const res = await send(probe);
      problems.push(...problemsOf(probe, res));
      if (res.statusCode !== 401)
        problems.push(`${probe.op.key} ${probe.label} → ${res.statusCode}`);
    }
    expect(problems).toEqual([]);
  });

  it('refuses bad uploads with a 4xx, or records why the file could not be read', async () => {
    const op = ops.find((o) => o.key === 'POST /api/v1/uploads/')!;
    const gpx = new TextEncoder().encode(
      toGpx(
        'Upload fuzz',
        'Run',
        syntheticActivity({
          seed: 3,
          sport: 'Run',
          startLat: 45.2,
          startLng: 5.7,
          startTime: T0_S + 86_400,
          distanceM: 1000,
        }),
      ),
    );
    const gz = gzipSync(gpx);
    const zip = zipSync({ 'activities/run.gpx': gpx });
    const rnd = fc.sample(fc.uint8Array({ minLength: 2048, maxLength: 2048 }), {
      seed: 7,
      numRuns: 1,
    })[0]!;
    const cases: Array<[string, { body: Buffer | string; contentType: string }, string?]> = [
      ['no parts', form([]), 'file'],
      ['fields only', form([fieldPart('name', 'x')]), 'file'],
      ['two files', form([filePart(gpx), filePart(gpx, 'file', 'again.gpx')])],
      ['a file in another part', form([filePart(gpx, 'upload')])],
      ['the file as a text field', form([fieldPart('file', 'not a file')]), 'file'],
      ['an empty file', form([filePart(new Uint8Array())]), 'file'],
      ['garbage bytes', form([filePart(rnd)])],
      ['a truncated gzip', form([filePart(gz.subarray(0, gz.length >> 1), 'file', 'run.gpx.gz')])],
      ['a gzip of garbage', form([filePart(gzipSync(rnd), 'file', 'x.gz')])],
      [
        'a gzip of 8 MB of zeros',
        form([filePart(gzipSync(new Uint8Array(8 << 20)), 'file', 'z.gz')]),
      ],
      ['a truncated GPX', form([filePart(gpx.subarray(0, gpx.length >> 1))])],
      ['a truncated ZIP', form([filePart(zip.subarray(0, zip.length >> 1), 'file', 'export.zip')])],
      [
        'a ZIP header and garbage',
        form([filePart(Buffer.concat([Buffer.from('PK\x03\x04'), rnd]), 'file', 'x.zip')]),
      ],
      [
        'a ZIP of nothing to import',
        form([filePart(zipSync({ 'notes.txt': rnd }), 'file', 'n.zip')]),
      ],
      [
        'a ZIP with escaping paths',
        form([
          filePart(zipSync({ '../../etc/run.gpx': gpx, '/abs/run.gpx': gpx }), 'file', 'p.zip'),
        ]),
      ],
      ['a ZIP of a ZIP', form([filePart(zipSync({ 'inner.zip': zip }), 'file', 'z.zip')])],
      [
        'a ZIP of 8 MB of zeros',
        form([filePart(zipSync({ 'z.gpx': new Uint8Array(8 << 20) }), 'file', 'b.zip')]),
      ],
      [
        'a ZIP with a bad activities.csv',
        form([
          filePart(
            zipSync({
              'activities.csv': new TextEncoder().encode('"unclosed,\u0000\n1,2,3'),
              'activities/1.gpx': gpx,
            }),
            'file',
            'c.zip',
          ),
        ]),
      ],
      ['a file over the limit', form([filePart(new Uint8Array((1 << 20) + 1000))])],
      ['an unfinished form', form([filePart(gpx)], false)],
      ['no boundary', { body: form([filePart(gpx)]).body, contentType: 'multipart/form-data' }],
      [
        'the wrong boundary',
        { ...form([filePart(gpx)]), contentType: 'multipart/form-data; boundary=nope' },
      ],
      ['JSON', { body: '{"file":"x"}', contentType: 'application/json' }],
      ['text', { body: 'hello', contentType: 'text/plain' }],
      ['a bad visibility', form([fieldPart('visibility', 'public'), filePart(gpx)]), 'visibility'],
      ['a NUL in the name', form([fieldPart('name', 'a\u0000b'), filePart(gpx)]), 'name'],
      ['a NUL in the file name', form([filePart(gpx, 'file', 'a\u0000b.gpx')]), 'file'],
      [
        'a sport with symbols',
        form([fieldPart('sport_type', '<Run>'), filePart(gpx)]),
        'sport_type',
      ],
      [
        'a 2,001-character description',
        form([fieldPart('description', 'd'.repeat(2001)), filePart(gpx)]),
        'description',
      ],
      ['a file name of 1,000 characters', form([filePart(gpx, 'file', `${'n'.repeat(1000)}.gpx`)])],
      ['a path as the file name', form([filePart(gpx, 'file', '../../etc/passwd')])],
      [
        'too many fields',
        form([...Array.from({ length: 8 }, (_, i) => fieldPart('name', `n${i}`)), filePart(gpx)]),
      ],
      ['too many parts', form(Array.from({ length: 12 }, () => fieldPart('other', 'x')))],
    ];
    const problems: string[] = [];
    const accepted: Array<[string, string]> = [];
    for (const [label, { body, contentType }, field] of cases) {
      for (const who of [undefined, me]) {
        const probe: Probe = {
          op,
          label: `${label} (${who ? 'mine' : 'anonymous'})`,
          body,
          contentType,
          afterSignIn: true,
          ...(field ? { field } : {}),
          ...(who ? { authorization: who.headers.authorization } : {}),
        };
        const res = await send(probe);
        problems.push(...problemsOf(probe, res));
        if (res.statusCode === 202) accepted.push([label, res.json().id]);
      }
    }
    await t.stride.worker.drain();
    // An accepted file that cannot be read ends as an error with a reason, never stuck.
    for (const [label, id] of accepted) {
      const res = await t.app.inject({ url: `/api/v1/uploads/${id}`, headers: me.headers });
      const upload = res.json();
      if (
        !['ready', 'duplicate', 'error'].includes(upload.status) ||
        (upload.status === 'error' && !upload.error?.trim())
      )
        problems.push(`upload ${label} → ${JSON.stringify(upload)}`);
    }
    expect(problems).toEqual([]);
  });

  it('refuses bad photo forms with a 4xx naming what is wrong', async () => {
    const op = ops.find((o) => o.key === 'POST /api/v1/activities/{id}/photos')!;
    const jpeg = await image('jpeg');
    const rnd = fc.sample(fc.uint8Array({ minLength: 2048, maxLength: 2048 }), {
      seed: 11,
      numRuns: 1,
    })[0]!;
    const photo = (bytes: Uint8Array | string, name = 'file', filename = 'photo.jpg') =>
      filePart(bytes, name, filename);
    const cases: Array<[string, { body: Buffer | string; contentType: string }, string?]> = [
      ['no parts', form([]), 'file'],
      ['a text field only', form([fieldPart('caption', 'x')]), 'file'],
      ['a text field and a photo', form([fieldPart('caption', 'x'), photo(jpeg)]), 'file'],
      ['six text fields', form(Array.from({ length: 6 }, () => fieldPart('x', 'y'))), 'file'],
      ['a photo in another part', form([photo(jpeg, 'photo')]), 'file'],
      ['the photo as a text field', form([fieldPart('file', 'not a file')]), 'file'],
      ['an empty file', form([photo(new Uint8Array())]), 'file'],
      ['garbage bytes', form([photo(rnd)])],
      ['a text file', form([photo('just some words', 'file', 'notes.txt')])],
      ['an SVG', form([photo('<svg xmlns="http://www.w3.org/2000/svg"/>', 'file', 'a.svg')])],
      ['a truncated JPEG', form([photo(jpeg.subarray(0, jpeg.length >> 1))])],
      ['a JPEG header and garbage', form([photo(Buffer.concat([jpeg.subarray(0, 20), rnd]))])],
      ['a HEIC coded in HEVC', form([photo(heicCodedInHevc(), 'file', 'IMG.HEIC')])],
      ['a photo over the limit', form([photo(Buffer.alloc(20 * 1024 * 1024 + 1))])],
      ['21 photos', form(Array.from({ length: 21 }, () => photo(jpeg)))],
      ['an unfinished form', form([photo(jpeg)], false)],
      ['no boundary', { body: form([photo(jpeg)]).body, contentType: 'multipart/form-data' }],
      [
        'the wrong boundary',
        { ...form([photo(jpeg)]), contentType: 'multipart/form-data; boundary=nope' },
      ],
      ['JSON', { body: '{"file":"x"}', contentType: 'application/json' }],
      ['text', { body: 'hello', contentType: 'text/plain' }],
    ];
    const problems: string[] = [];
    for (const [label, { body, contentType }, field] of cases) {
      for (const [whose, ids, who] of [
        ['anonymous', mine, undefined],
        ['mine', mine, me],
        ['theirs', theirs, me],
      ] as const) {
        const probe: Probe = {
          op,
          label: `${label} (${whose})`,
          path: pathOf(op, ids),
          body,
          contentType,
          afterSignIn: true,
          ...(field && whose === 'mine' ? { field } : {}),
          ...(who ? { authorization: who.headers.authorization } : {}),
        };
        const res = await send(probe);
        problems.push(...problemsOf(probe, res));
        if (res.statusCode < 400) problems.push(`${op.key} ${probe.label} → ${res.statusCode}`);
      }
    }
    expect(problems).toEqual([]);
    // None of it was added: the one photo the activity was given is all it has.
    const listed = await t.app.inject({
      url: `/api/v1/activities/${mine.activity}/photos`,
      headers: me.headers,
    });
    expect(listed.json().items.map((p: { id: string }) => p.id)).toEqual([mine.photo]);
  });

  /** Random requests for one operation: params, query and body each perhaps changed. */
  function randomProbes(op: Operation) {
    const fields = op.body ? fieldsOf(op.body, baselineBody(op)) : [];
    const base = op.body ? Object.entries(baselineBody(op) as object) : [];
    const keys = Object.keys(op.body?.properties ?? {});
    const body = op.body
      ? fc.oneof(
          fc
            .tuple(fc.integer({ min: 0, max: fields.length - 1 }), json)
            .map(([i, v]) => fields[i]!.with(v)),
          fc
            .array(fc.tuple(fc.constantFrom(...keys, 'extra'), json), { maxLength: keys.length })
            .map((over) => {
              const all = new Map(base.map(([k, v]) => [k, JSON.stringify(v)]));
              for (const [k, v] of over) all.set(k, v);
              return `{${[...all].map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
            }),
          json,
        )
      : fc.constant(undefined);
    const names = [...op.query.map((p) => p.name), 'other'];
    return fc
      .record({
        who: fc.constantFrom('anonymous', 'mine', 'theirs'),
        params: fc.array(fc.option(pathValue, { nil: undefined }), {
          minLength: op.params.length,
          maxLength: op.params.length,
        }),
        query: fc.array(fc.tuple(fc.constantFrom(...names), queryValue), { maxLength: 4 }),
        body,
      })
      .map(({ who, params, query, body }): Probe => {
        const path = pathOf(op, who === 'mine' ? mine : theirs);
        op.params.forEach((p, i) => {
          if (params[i] !== undefined) path[p.name] = params[i];
        });
        const probe: Probe = {
          op,
          label: `random (${who})`,
          path,
          query: queryString([...baselineQuery(op), ...query]),
          ...(body !== undefined ? { body } : {}),
          ...(who !== 'anonymous' ? { authorization: me.headers.authorization } : {}),
        };
        // A counterexample reads as the request, not as the whole operation object.
        const request = `${op.method} ${JSON.stringify(path)} ?${probe.query} ${body ?? ''} (${who})`;
        return Object.assign(probe, { [fc.toStringMethod]: () => request });
      });
  }

  it('never answers random input with a 5xx or out of shape (fast-check)', async () => {
    const problems: string[] = [];
    const fuzzed = ops.filter((o) => !o.multipart && (o.params.length || o.query.length || o.body));
    for (const [i, op] of fuzzed.entries()) {
      const result = await fc.check(
        fc.asyncProperty(randomProbes(op), async (probe) => {
          const found = problemsOf(probe, await send(probe));
          if (found.length) throw new Error(found.join('\n'));
        }),
        { seed: 20_260_501 + i, numRuns: 25, endOnFailure: true },
      );
      if (result.failed) problems.push(`${op.key}: ${fc.defaultReportMessage(result)}`);
    }
    expect(problems).toEqual([]);
  });

  it('never lets one athlete change another’s resources', async () => {
    const problems: string[] = [];
    const changes = ops.filter(
      (o) => o.params.length && o.method !== 'GET' && !ALLOWED_ON_OTHERS.has(o.key),
    );
    for (const op of changes) {
      const probe: Probe = {
        op,
        label: 'a valid request on their resource',
        path: pathOf(op, theirs),
        authorization: me.headers.authorization,
      };
      const res = await send(probe);
      problems.push(...problemsOf(probe, res));
      if (res.statusCode < 400) problems.push(`${op.key} on theirs → ${res.statusCode}`);
    }
    // Creating "my" activity with their activity's id must not hand me theirs.
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/v1/activities',
      headers: me.headers,
      payload: { id: theirs.activity, sport_type: 'Run', name: 'Mine now' },
    });
    if (create.statusCode < 400)
      problems.push(`POST /activities with their id → ${create.statusCode}`);
    expect(problems).toEqual([]);

    const get = (url: string) => t.app.inject({ url, headers: other.headers });
    const activity = await get(`/api/v1/activities/${theirs.activity}`);
    expect(activity.statusCode).toBe(200);
    expect(activity.json()).toMatchObject({ name: expect.not.stringMatching(/Mine now|^a$/) });
    expect((await get(`/api/v1/segments/${theirs.segment}`)).statusCode).toBe(200);
    expect((await get(`/api/v1/uploads/${theirs.upload}`)).statusCode).toBe(200);
    const zones = (await get('/api/v1/me/privacy-zones')).json() as Array<{ id: string }>;
    expect(zones.map((z) => z.id)).toContain(theirs.zone);
  });
});
