/**
 * The blob store port: original uploads and encoded activity streams. Keys are relative,
 * slash-separated paths of safe characters (e.g. `uploads/<id>/original`).
 */
export interface BlobStore {
  readonly kind: 'fs' | 's3';
  /** Stores `bytes` durably under `key`, replacing any previous value. */
  put(key: string, bytes: Uint8Array, contentType?: string): Promise<void>;
  /** The bytes under `key`, or undefined when there are none. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Removes every key that starts with `prefix` (which must end with "/"). */
  deletePrefix(prefix: string): Promise<void>;
  close(): Promise<void>;
}

const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** Throws for keys that could escape the store's root or are not portable across backends. */
export function assertKey(key: string, { prefix = false } = {}): void {
  const body = prefix ? key.replace(/\/$/, '') : key;
  if (key.length > 512 || !KEY.test(body) || body.split('/').includes('..')) {
    throw new Error(`invalid blob key "${key}"`);
  }
  if (prefix && !key.endsWith('/')) throw new Error(`blob prefix "${key}" must end with "/"`);
}
