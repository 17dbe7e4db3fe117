import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import run from './compute.worker.js';
import type { TaskName, Tasks } from './tasks.js';

/**
 * The server's CPU-heavy work off the event loop: a pool of worker threads (piscina) runs the
 * tasks of tasks.ts — parsing an uploaded file, computing an activity, encoding its streams,
 * rendering what others see of it, writing an export — so the API keeps answering while a
 * 60 MB GPX is read or a 100,000-sample activity is rendered. With no threads
 * (`STRIDE_COMPUTE_THREADS=0`) the tasks run inline, on the calling thread.
 */
export class ComputePool {
  private readonly pool: Piscina | undefined;
  private inFlight = 0;

  constructor(threads: number) {
    if (threads <= 0) return;
    const worker = workerFile();
    this.pool = new Piscina({
      filename: worker.href,
      minThreads: 0,
      maxThreads: threads,
      // Threads end when idle, so a quiet server holds no parser memory.
      idleTimeout: 30_000,
      // From TypeScript sources (tests, development) the thread compiles them as it loads them.
      ...(worker.pathname.endsWith('.ts')
        ? { execArgv: ['--import', 'tsx', '--conditions', '@stride/source'] }
        : {}),
    });
  }

  /** Runs one task; throws what the task throws (a file it cannot read is an answer, not a throw). */
  async run<K extends TaskName>(
    task: K,
    input: Parameters<Tasks[K]>[0],
  ): Promise<ReturnType<Tasks[K]>> {
    this.inFlight++;
    try {
      // One entry point that dispatches: piscina's named handlers do not load under tsx.
      return this.pool ? await this.pool.run({ task, input }) : run({ task, input });
    } finally {
      this.inFlight--;
    }
  }

  /** Tasks running or waiting for a thread. */
  get running(): number {
    return this.inFlight;
  }

  /** Lets running tasks finish, then ends the threads. */
  async close(): Promise<void> {
    await this.pool?.close();
  }
}

/** The worker module beside this one, compiled (.js) or not (.ts, under a TypeScript loader). */
function workerFile(): URL {
  const self = fileURLToPath(import.meta.url);
  return new URL(`./compute.worker.${self.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);
}
