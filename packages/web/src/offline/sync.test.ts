import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { closeDb, pointsOf, type StoredPoint } from './db.js';
import { listOutbox } from './outbox.js';
import { appendEvent, appendPoint, createRecording, queueRecording } from './recording-store.js';
import { type SyncDeps, SyncWorker } from './sync.js';
import type { RecordingPart } from './upload.js';

const ME = 'athlete-1';
const T0 = 1_714_550_400;

/** A finished recording of `n` fixes, saved to the outbox by `athleteId`. */
async function saved(id: string, n: number, athleteId: string | null = ME) {
  await createRecording({
    id,
    athleteId,
    sport_type: 'Run',
    liveSharing: false,
    events: [{ kind: 'START', at: T0 }],
    createdAt: 0,
  });
  for (let i = 1; i <= n; i++) await appendPoint(id, { t: T0 + i, lat: 45 + i * 1e-5, lng: 4.8 });
  await appendEvent(id, { kind: 'STOP', at: T0 + n });
  return queueRecording(id, { name: 'Lunch run', distance: n, movingTime: n });
}

interface Harness {
  worker: SyncWorker;
  sent: Array<{ id: string; part: RecordingPart }>;
  clock: { now: number };
  deps: SyncDeps;
}

/** A worker whose network answers with `reply` for each part sent. */
function harness(
  reply: (part: RecordingPart, call: number) => boolean | Error,
  over: Partial<SyncDeps> = {},
): Harness {
  const sent: Harness['sent'] = [];
  // Saving stamps the entry with the real clock; the worker's clock starts a moment later.
  const clock = { now: Date.now() + 1 };
  const deps: SyncDeps = {
    async send(id, part) {
      sent.push({ id, part });
      const r = reply(part, sent.length);
      if (r instanceof Error) throw r;
      return r;
    },
    athleteId: () => ME,
    online: () => true,
    now: () => clock.now,
    random: () => 1,
    setTimer: () => 0,
    clearTimer: () => {},
    exclusive: (fn) => fn(),
    ...over,
  };
  return { worker: new SyncWorker(deps), sent, clock, deps };
}

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
});

describe('SyncWorker', () => {
  it('uploads a saved recording and deletes it from the device only once the server has it', async () => {
    await saved('a', 5);
    const h = harness(() => true);
    await h.worker.kick();
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]!.part).toMatchObject({ sport_type: 'Run', name: 'Lunch run', part: 1 });
    expect(h.sent[0]!.part.points.map((p: StoredPoint) => p.t)).toEqual(
      [1, 2, 3, 4, 5].map((i) => T0 + i),
    );
    expect(await listOutbox()).toEqual([]);
    expect(await pointsOf('a')).toEqual([]);
  });

  it('keeps the activity and backs off when the network fails, then succeeds later', async () => {
    await saved('a', 3);
    let down = true;
    const h = harness(() => (down ? new TypeError('Failed to fetch') : true));
    await h.worker.kick();
    const t0 = h.clock.now;
    let [row] = await listOutbox();
    expect(row).toMatchObject({ status: 'waiting', attempts: 1, nextAttemptAt: t0 + 5_000 });
    expect(await pointsOf('a')).toHaveLength(3);

    await h.worker.kick(); // not due yet: nothing is sent
    expect(h.sent).toHaveLength(1);
    h.clock.now = t0 + 5_000;
    await h.worker.kick();
    [row] = await listOutbox();
    expect(row).toMatchObject({ attempts: 2, nextAttemptAt: t0 + 15_000 });

    down = false;
    await h.worker.kick(true); // the connection came back: no waiting for the schedule
    expect(await listOutbox()).toEqual([]);
    expect(h.sent).toHaveLength(3);
  });

  it('keeps a recording the server refuses, with its message, until the athlete retries', async () => {
    await saved('a', 2);
    let refuse = true;
    const h = harness(() =>
      refuse
        ? new ApiError(422, 'UNPROCESSABLE', 'a saved recording must end with a STOP event')
        : true,
    );
    await h.worker.kick();
    const [row] = await listOutbox();
    expect(row).toMatchObject({
      status: 'failed',
      error: 'a saved recording must end with a STOP event',
    });
    h.clock.now += 3_600_000;
    await h.worker.kick(true);
    expect(h.sent).toHaveLength(1); // a refused upload is not retried by itself
    refuse = false;
    await h.worker.retry('a');
    expect(await listOutbox()).toEqual([]);
  });

  it('waits for sign-in after a 401, and uploads once the athlete is back', async () => {
    await saved('a', 2);
    let signedIn = true;
    const h = harness(() => (signedIn ? new ApiError(401, 'INVALID_TOKEN', 'expired') : true), {
      athleteId: () => (signedIn ? ME : null),
    });
    await h.worker.kick();
    expect((await listOutbox())[0]!.status).toBe('signed-out');
    signedIn = false;
    await h.worker.kick();
    expect(h.sent).toHaveLength(1);
    signedIn = true;
    h.deps.send = async (id, part) => {
      h.sent.push({ id, part });
      return true;
    };
    await h.worker.kick(true);
    expect(await listOutbox()).toEqual([]);
  });

  it('never uploads another athlete’s recording with this session', async () => {
    await saved('theirs', 2, 'athlete-2');
    const h = harness(() => true);
    await h.worker.kick(true);
    expect(h.sent).toEqual([]);
    expect((await listOutbox())[0]!.status).toBe('signed-out');
  });

  it('sends nothing while the device is offline', async () => {
    await saved('a', 2);
    const h = harness(() => true, { online: () => false });
    await h.worker.kick(true);
    expect(h.sent).toEqual([]);
    expect((await listOutbox())[0]!.status).toBe('waiting');
  });

  it('resumes a long upload at the first part the server has not acknowledged', async () => {
    await saved('long', 25_001);
    // Part 1 is acknowledged (202: not complete yet), part 2 fails, then everything works.
    const h = harness((part, call) =>
      call === 2 ? new TypeError('Failed to fetch') : part.part === part.parts,
    );
    await h.worker.kick();
    expect((await listOutbox())[0]).toMatchObject({ partsSent: 1, attempts: 1 });
    await h.worker.kick(true);
    expect(h.sent.map((s) => s.part.part)).toEqual([1, 2, 2, 3]);
    expect(h.sent.map((s) => s.part.parts)).toEqual([3, 3, 3, 3]);
    expect(await listOutbox()).toEqual([]);
  });

  it('sends every part again when the server acknowledged them all but is not complete', async () => {
    await saved('a', 2);
    let calls = 0;
    const h = harness(() => ++calls > 1);
    await h.worker.kick();
    expect((await listOutbox())[0]).toMatchObject({ status: 'waiting', partsSent: 0 });
    await h.worker.kick(true);
    expect(await listOutbox()).toEqual([]);
  });
});
