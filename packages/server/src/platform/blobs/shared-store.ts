import { randomUUID } from 'node:crypto';
import { ConfigError } from '../../config.js';
import type { SettingsRepository } from '../db/settings.repository.js';
import type { BlobStore } from './blob-store.js';

/*
 * Every process of one database must read and write the same blob store: an upload accepted by
 * an API process is parsed by a worker, which reads the file the API wrote. A process with its
 * own folder (or bucket) accepts files no worker can find. So the first process of a database
 * writes a marker into its store and records the marker's id in the database; every process
 * then checks that its store holds the marker the database names.
 */

const SETTING = 'blob_store_id';
const markerKey = (id: string) => `system/store-id/${id}`;
const PROBE_BYTES = new TextEncoder().encode('stride readiness probe');

/** Which store a process uses, in the variables that choose it (for messages). */
export type BlobStoreLabel = string;

/**
 * Claims the store for this database if none is recorded yet, then checks that it is the one
 * recorded. Throws a ConfigError naming the store's variables when it is not, or cannot be read.
 */
export async function checkSharedBlobStore(
  settings: SettingsRepository,
  blobs: BlobStore,
  label: BlobStoreLabel,
): Promise<string> {
  try {
    let id = await settings.get(SETTING);
    if (id === undefined) {
      // The marker is written before the id is recorded, so any process that reads the id finds
      // the marker in a shared store. Processes starting together each write one; one id wins.
      const mine = randomUUID();
      await blobs.put(markerKey(mine), new TextEncoder().encode(mine));
      id = await settings.getOrInit(SETTING, mine);
      if (id !== mine) await blobs.delete(markerKey(mine));
    }
    if (!(await blobs.get(markerKey(id)))) throw new ConfigError(notShared(label));
    return id;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`cannot use the blob store (${label}): ${(error as Error).message}`);
  }
}

function notShared(label: string): string {
  return (
    `the blob store (${label}) is not the one the other processes of this database use: ` +
    'every API and worker process must share one blob store, the same folder (a shared mount ' +
    'of STRIDE_DATA_DIR/blobs) or the same S3_BUCKET and S3_PREFIX; if this store lost its ' +
    'files, restore them from a backup'
  );
}

/**
 * For /ready: writes, reads back and deletes a small object under this process's own key, and
 * checks the store still holds the database's marker. Returns a problem, or undefined when fine.
 */
export async function probeBlobStore(
  blobs: BlobStore,
  storeId: string,
  processId: string,
  label: BlobStoreLabel,
): Promise<string | undefined> {
  const key = `system/ready-probe/${processId}`;
  try {
    await blobs.put(key, PROBE_BYTES);
    const back = await blobs.get(key);
    await blobs.delete(key);
    if (!back || Buffer.compare(Buffer.from(back), Buffer.from(PROBE_BYTES)) !== 0)
      return `the blob store (${label}) did not give back what was written`;
    if (!(await blobs.get(markerKey(storeId)))) return notShared(label);
    return undefined;
  } catch (error) {
    return `the blob store (${label}) cannot be used: ${(error as Error).message}`;
  }
}
