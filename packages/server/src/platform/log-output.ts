import { write } from 'node:fs';

/** Lines waiting for a slow reader, at most (beyond this, new lines are dropped and counted). */
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;
/** A full pipe is tried again this often. */
const RETRY_MS = 50;

/**
 * Where the process's JSON log lines go (standard output), written so that logging can never
 * keep the process from running or from exiting: writes are asynchronous and nothing is flushed
 * at exit. A reader that stops reading (a full pipe) makes lines wait, up to a bound, then
 * drop; a reader that went away (EPIPE) drops every line from then on.
 */
export class LogOutput {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private writing = false;
  private closed = false;
  private readonly idle = new Set<() => void>();
  /** Lines dropped because the reader was too slow or gone. */
  dropped = 0;

  constructor(private readonly fd = 1) {}

  /** Called by pino with each line. */
  write(line: string): void {
    if (this.closed) {
      this.dropped++;
      return;
    }
    const bytes = Buffer.from(line);
    if (this.pendingBytes + bytes.length > MAX_QUEUED_BYTES) {
      this.dropped++;
      return;
    }
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (!this.writing) this.next();
  }

  private next(): void {
    if (this.closed || this.pending.length === 0) {
      this.writing = false;
      for (const resolve of this.idle) resolve();
      this.idle.clear();
      return;
    }
    this.writing = true;
    const chunk = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    this.pending = [chunk];
    write(this.fd, chunk, (error, written) => {
      if (error) {
        if (error.code === 'EAGAIN') {
          setTimeout(() => this.next(), RETRY_MS).unref();
          return;
        }
        // EPIPE (the reader is gone) or worse: nothing more can be written.
        this.closed = true;
        this.dropped += this.pending.length;
        this.pending = [];
        this.pendingBytes = 0;
        this.next();
        return;
      }
      // Lines written meanwhile were queued after the chunk.
      const after = this.pending.slice(1);
      this.pending = written < chunk.length ? [chunk.subarray(written), ...after] : after;
      this.pendingBytes -= written;
      this.next();
    });
  }

  /** Resolves once every queued line is written, or after `ms`, whichever comes first. */
  drained(ms: number): Promise<void> {
    if (!this.writing) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.idle.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.idle.add(done);
    });
  }
}
