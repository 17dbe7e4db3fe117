import type { Track } from '@stride/core';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import type { ActivityRow } from '../platform/db/schema.js';
import { decodeStreams } from './activity-compute.js';

/** Reads an activity's stored track (the owner's, full resolution) from the blob store. */
export function trackLoader(blobs: BlobStore): (row: ActivityRow) => Promise<Track | null> {
  return async (row) => {
    if (!row.streams_key) return null;
    const bytes = await blobs.get(row.streams_key);
    return bytes ? decodeStreams(bytes) : null;
  };
}
