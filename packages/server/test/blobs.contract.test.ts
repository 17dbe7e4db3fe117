import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobStore } from '../src/platform/blobs/blob-store.js';
import { FsBlobStore } from '../src/platform/blobs/fs-blob-store.js';
import { S3BlobStore } from '../src/platform/blobs/s3-blob-store.js';

interface Target {
  name: string;
  open(): Promise<{ store: BlobStore; close(): Promise<void> }>;
}

const fsTarget: Target = {
  name: 'fs',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'stride-blobs-'));
    return {
      store: new FsBlobStore(dir),
      close: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

// No S3 server can be installed here: an in-process S3-compatible server stands in for one.
const s3Target: Target = {
  name: 's3 (in-process S3-compatible server)',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'stride-s3-'));
    const server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: dir,
      configureBuckets: [{ name: 'stride-test', configs: [] }],
    });
    const { port } = (await server.run()) as { port: number };
    const store = new S3BlobStore({
      bucket: 'stride-test',
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
      prefix: 'instance-a/',
    });
    return {
      store,
      async close() {
        await store.close();
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

describe.each([fsTarget, s3Target])('blob store on $name', (target) => {
  let store: BlobStore;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, close } = await target.open());
  });
  afterAll(async () => close?.());

  it('stores bytes exactly and replaces them on a second put', async () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    await store.put('uploads/u1/original', bytes);
    expect(await store.get('uploads/u1/original')).toEqual(bytes);
    await store.put('uploads/u1/original', Uint8Array.of(1, 2, 3));
    expect(await store.get('uploads/u1/original')).toEqual(Uint8Array.of(1, 2, 3));
  });

  it('answers undefined for a missing key and ignores deleting one', async () => {
    expect(await store.get('nothing/here')).toBeUndefined();
    await store.delete('nothing/here');
  });

  it('deletes a key and every key under a prefix, leaving others', async () => {
    await store.put('activities/a1/streams', Uint8Array.of(1));
    await store.put('activities/a1/original', Uint8Array.of(2));
    await store.put('activities/a2/streams', Uint8Array.of(3));
    await store.delete('activities/a2/streams');
    expect(await store.get('activities/a2/streams')).toBeUndefined();
    await store.put('activities/a2/streams', Uint8Array.of(3));
    await store.deletePrefix('activities/a1/');
    expect(await store.get('activities/a1/streams')).toBeUndefined();
    expect(await store.get('activities/a1/original')).toBeUndefined();
    expect(await store.get('activities/a2/streams')).toEqual(Uint8Array.of(3));
  });

  it('refuses keys that could escape the store', async () => {
    for (const key of ['../etc/passwd', 'a/../../b', '/abs', 'a//b', '', 'a b']) {
      await expect(store.put(key, Uint8Array.of(1))).rejects.toThrow('invalid blob key');
    }
  });
});

describe('filesystem blob store durability', () => {
  it('leaves no temporary files behind after writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stride-blobs-'));
    try {
      const store = new FsBlobStore(dir);
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.put('x/same', Uint8Array.of(i))),
      );
      expect(readdirSync(join(dir, 'x'))).toEqual(['same']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
