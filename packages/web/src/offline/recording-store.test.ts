import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { closeDb, db, pointsOf } from './db.js';
import { listOutbox } from './outbox.js';
import {
  appendEvent,
  appendPoint,
  createRecording,
  discardRecording,
  loadActiveRecording,
  queueRecording,
} from './recording-store.js';

const T0 = 1_714_550_400;

async function started(id: string) {
  await createRecording({
    id,
    athleteId: 'me',
    sport_type: 'Ride',
    liveSharing: true,
    events: [{ kind: 'START', at: T0 }],
    createdAt: T0 * 1000,
  });
}

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
});

describe('the recording store', () => {
  it('gives back the unfinished recording with every point, in time order, after a reopen', async () => {
    await started('r');
    for (const t of [3, 1, 2]) await appendPoint('r', { t: T0 + t, lat: 45, lng: 4.8 + t * 1e-4 });
    await appendEvent('r', { kind: 'PAUSE', at: T0 + 3 });
    await closeDb(); // as a reload does
    const active = await loadActiveRecording();
    expect(active?.row).toMatchObject({
      id: 'r',
      sport_type: 'Ride',
      liveSharing: true,
      events: [
        { kind: 'START', at: T0 },
        { kind: 'PAUSE', at: T0 + 3 },
      ],
    });
    expect(active?.points.map((p) => p.t)).toEqual([T0 + 1, T0 + 2, T0 + 3]);
  });

  it('stores a fix delivered twice once', async () => {
    await started('r');
    const fix = { t: T0 + 1, lat: 45, lng: 4.8, acc: 4 };
    await appendPoint('r', fix);
    await appendPoint('r', fix);
    expect(await pointsOf('r')).toEqual([fix]);
  });

  it('moves a saved recording to the outbox in one step, keeping its points', async () => {
    await started('r');
    await appendPoint('r', { t: T0 + 1, lat: 45, lng: 4.8 });
    await appendEvent('r', { kind: 'STOP', at: T0 + 2 });
    await queueRecording('r', {
      name: 'Commute',
      visibility: 'followers',
      distance: 12,
      movingTime: 1,
    });
    expect(await loadActiveRecording()).toBeNull();
    expect(await listOutbox()).toMatchObject([
      {
        id: 'r',
        name: 'Commute',
        visibility: 'followers',
        pointCount: 1,
        status: 'waiting',
        events: [
          { kind: 'START', at: T0 },
          { kind: 'STOP', at: T0 + 2 },
        ],
      },
    ]);
    expect(await pointsOf('r')).toHaveLength(1);
  });

  it('discards a recording and only its points', async () => {
    await started('r');
    await started('other');
    await appendPoint('r', { t: T0 + 1, lat: 45, lng: 4.8 });
    await appendPoint('other', { t: T0 + 1, lat: 46, lng: 4.8 });
    await discardRecording('r');
    expect(await pointsOf('r')).toEqual([]);
    expect(await pointsOf('other')).toHaveLength(1);
    expect((await (await db()).getAll('recordings')).map((r) => r.id)).toEqual(['other']);
  });
});
