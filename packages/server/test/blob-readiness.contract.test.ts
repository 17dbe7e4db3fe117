/**
 * Every process of one database must share one blob store, and /ready says when the store
 * cannot be used: an API and a worker with separate data folders used to accept every upload
 * and then fail it with "the uploaded file is missing from storage".
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobStore } from '../src/platform/blobs/blob-store.js';
import { FsBlobStore } from '../src/platform/blobs/fs-blob-store.js';
import { createStride, type Stride } from '../src/stride.js';
import {
  DATABASES,
  type DatabaseLease,
  startTestApp,
  type TestApp,
  testConfig,
} from './adapters.js';

/** A file store that can be made to fail or to hang, as a lost mount or a stuck S3 would. */
class FlakyStore implements BlobStore {
  readonly kind = 'fs';
  mode: 'ok' | 'fail' | 'hang' = 'ok';
  private readonly inner: FsBlobStore;
  constructor(root: string) {
    this.inner = new FsBlobStore(root);
  }
  private async gate(): Promise<void> {
    if (this.mode === 'fail') throw new Error('EIO: i/o error');
    if (this.mode === 'hang') await new Promise(() => {});
  }
  async put(key: string, bytes: Uint8Array) {
    await this.gate();
    return this.inner.put(key, bytes);
  }
  async get(key: string) {
    await this.gate();
    return this.inner.get(key);
  }
  async delete(key: string) {
    await this.gate();
    return this.inner.delete(key);
  }
  deletePrefix(prefix: string) {
    return this.inner.deletePrefix(prefix);
  }
  close() {
    return this.inner.close();
  }
}

describe.each(DATABASES)('blob store readiness on $name', (database) => {
  let lease: DatabaseLease;
  let t: TestApp;
  let store: FlakyStore;
  let root: string;
  const ready = () => t.app.inject({ method: 'GET', url: '/ready' });

  beforeAll(async () => {
    lease = await database.lease();
    root = mkdtempSync(join(tmpdir(), 'stride-blobs-'));
    store = new FlakyStore(root);
    t = await startTestApp(lease, {}, { blobs: store });
  });
  afterAll(async () => {
    store.mode = 'ok';
    await t?.close();
    await lease?.release();
    rmSync(root, { recursive: true, force: true });
  });

  it('is ready when the store takes a write, gives it back and deletes it', async () => {
    store.mode = 'ok';
    const res = await ready();
    expect(res.statusCode, res.body).toBe(200);
    // The probe object is gone again.
    expect(readdirSync(join(root, 'system', 'ready-probe'))).toEqual([]);
  });

  it('answers 503 naming the blob store when it fails', async () => {
    store.mode = 'fail';
    const res = await ready();
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('UNAVAILABLE');
    expect(res.json().error.message).toMatch(/blob store.*EIO/);
    expect(res.json().error.details.checks).toMatchObject({ database: 'ok', blobs: 'down' });
  });

  it('answers 503 when the store stops answering', async () => {
    store.mode = 'hang';
    const res = await ready();
    expect(res.statusCode).toBe(503);
    expect(res.json().error.message).toMatch(/blob store did not answer/);
  });

  it('answers 503 when the store lost the marker every process shares', async () => {
    store.mode = 'ok';
    rmSync(join(root, 'system', 'store-id'), { recursive: true, force: true });
    const res = await ready();
    expect(res.statusCode).toBe(503);
    expect(res.json().error.message).toMatch(/every API and worker process must share one/);
  });
});

describe.runIf(DATABASES.some((d) => d.name === 'postgres'))(
  'processes of one database with separate data folders',
  () => {
    const database = DATABASES.find((d) => d.name === 'postgres')!;
    let lease: DatabaseLease;
    const started: Stride[] = [];
    const dirs: string[] = [];
    beforeAll(async () => {
      lease = await database.lease();
    });
    afterAll(async () => {
      for (const s of started) await s.close();
      await lease?.release();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });

    const start = async (role: string) => {
      const config = testConfig({ STRIDE_ROLE: role, DATABASE_URL: lease.url });
      dirs.push(config.dataDir);
      const stride = await createStride(config, { database: lease.options });
      started.push(stride);
      return stride;
    };

    it('lets a second process sharing the folder start', async () => {
      const api = await start('api');
      const config = testConfig({
        STRIDE_ROLE: 'worker',
        DATABASE_URL: lease.url,
        STRIDE_DATA_DIR: api.platform.config.dataDir,
      });
      const worker = await createStride(config, { database: lease.options });
      started.push(worker);
      expect((await worker.readiness()).ready).toBe(true);
    });

    it('refuses to start a process whose blob store is not the one the others use', async () => {
      await expect(start('worker')).rejects.toThrow(
        /blob store \(.*STRIDE_DATA_DIR\) is not the one the other processes of this database use/,
      );
    });
  },
);
