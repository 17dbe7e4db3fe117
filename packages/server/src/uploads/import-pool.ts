import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { type FileImport, type FileImportInput, importFile } from './file-import.js';

/**
 * Parsing and computing an uploaded file off the event loop: a pool of worker threads
 * (piscina) runs `importFile`, so the API keeps answering while a 60 MB GPX is read. With no
 * threads (`STRIDE_IMPORT_THREADS=0`) the work runs inline, on the calling thread.
 */
export class ImportPool {
  private readonly pool: Piscina<FileImportInput, FileImport> | undefined;
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

  /** Parses and computes one file; throws only for faults, not for files it cannot read. */
  async run(input: FileImportInput): Promise<FileImport> {
    this.inFlight++;
    try {
      return await (this.pool ? this.pool.run(input) : importFile(input));
    } finally {
      this.inFlight--;
    }
  }

  /** Files being parsed or waiting for a thread. */
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
  return new URL(`./import.worker.${self.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);
}
