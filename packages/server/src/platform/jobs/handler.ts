/**
 * What a job handler is given and answers: the contract every job name's one handler keeps,
 * whichever engine runs it.
 */
export type JobResult = 'success' | 'skipped';

export interface JobContext {
  /** The job's id in the queue (opaque text). */
  jobId: string;
  /** 1 on the first run, 2 on the first retry, and so on. */
  attempt: number;
  /** True when a failure now will not be retried (the job fails for good). */
  lastAttempt: boolean;
  /**
   * Aborted when the worker is stopping or the job ran past its time limit: a long handler
   * should wrap up (stop paging, return) if it can.
   */
  signal: AbortSignal;
}

export type JobHandler<P = unknown> = (payload: P, context: JobContext) => Promise<JobResult>;

/** One handler per job name of a payload map. */
export type HandlersOf<P> = { [N in keyof P]: JobHandler<P[N]> };

/** A job failure that retrying cannot fix (bad input): the job fails at once, without retries. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}
