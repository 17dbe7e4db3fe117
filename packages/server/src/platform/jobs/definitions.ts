import { createHash } from 'node:crypto';

/**
 * How a job name treats a second request with the same key (the key is computed from the
 * payload by the definition, never by the producer):
 * - `unique`: a job whose key was ever added (waiting, running, done or failed) is not added again;
 * - `coalesce`: at most one waits per key; one added while another with that key runs is queued
 *   behind it, so a change made after the running one read its input is not missed;
 * - `none`: every request is a job.
 */
export type DedupPolicy = 'unique' | 'coalesce' | 'none';

export interface RetryPolicy {
  /** Runs in all, the first included (1: never retried). */
  attempts: number;
  /** Retry n waits about delayS·2^(n-1) seconds (jittered up to twice that), at most maxS. */
  backoff: { delayS: number; maxS: number };
}

interface DefinitionBase {
  retry?: Partial<RetryPolicy>;
  /** Jobs of this name one worker process runs at once; default the worker's concurrency. */
  concurrency?: number;
  /** Longest one run may take, seconds (at most 24 h), before it fails; default the engine's. */
  timeoutS?: number;
}

export type JobDefinition<P> =
  | (DefinitionBase & { dedup: 'unique' | 'coalesce'; key: (payload: P) => string })
  | (DefinitionBase & { dedup: 'none'; key?: undefined });

/** One definition per job name of a payload map (the compiler insists on every name). */
export type JobDefinitions<P> = { readonly [N in keyof P]: JobDefinition<P[N]> };

/** Names of a payload map, as the text pg-boss queues are named by. */
export type JobNameOf<P> = keyof P & string;

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, backoff: { delayS: 5, maxS: 15 * 60 } };

/** Identity function that checks a registry against its payload map. */
export function defineJobs<P>(definitions: JobDefinitions<P>): JobDefinitions<P> {
  return definitions;
}

export function retryOf(definition: JobDefinition<never>): RetryPolicy {
  return {
    attempts: definition.retry?.attempts ?? DEFAULT_RETRY.attempts,
    backoff: definition.retry?.backoff ?? DEFAULT_RETRY.backoff,
  };
}

/** The job's key under its definition, or undefined for `none`. */
export function keyOf<P>(definition: JobDefinition<P>, payload: P): string | undefined {
  return definition.dedup === 'none' ? undefined : definition.key(payload);
}

// Fixed forever: `unique` jobs are told apart by ids derived under it, so changing it would let
// every job that already ran be added (and run) once more.
const KEYED_ID_NAMESPACE = Buffer.from('e72c71847e474f84aebc7c2f0f73980c', 'hex');

/**
 * The id of the one job `name` may ever have under `key`: a name-based UUID (RFC 9562 version 5,
 * SHA-1 of a fixed namespace, the name and the key), so every producer in every process computes
 * the same id and the queue's primary key refuses a second insert.
 */
export function keyedJobId(name: string, key: string): string {
  const hash = createHash('sha1').update(KEYED_ID_NAMESPACE).update(`${name}\n${key}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
