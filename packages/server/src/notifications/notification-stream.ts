import type { ServerResponse } from 'node:http';
import type { PubSub } from '../platform/pubsub/pubsub.js';
import { streamChannel } from './notification.service.js';

/** A comment line every so often keeps proxies (and their idle timeouts) from closing the stream. */
export const HEARTBEAT_MS = 20_000;
/** Streams one athlete may hold open in one process; the oldest closes when another opens. */
export const STREAMS_PER_ATHLETE = 8;

interface OpenStream {
  athleteId: string;
  out: ServerResponse;
  close(): void;
}

/**
 * The Server-Sent Event streams open in this process. Each listens on its athlete's pub/sub
 * channel (in-process, or Redis across processes), so a notification delivered by any process
 * reaches every tab the athlete has open on any API process. A stream writes a comment line as
 * heart-beat, asks whether its session is still signed in at each one (and ends when it is
 * not), and stops listening when the connection closes.
 */
export class NotificationStreams {
  private readonly open = new Set<OpenStream>();

  constructor(
    private readonly pubsub: PubSub,
    private readonly heartbeatMs = HEARTBEAT_MS,
  ) {}

  get size(): number {
    return this.open.size;
  }

  /**
   * Serves one stream on `out` (headers already decided by the caller): sends `first`, then
   * each message for the athlete until the client goes, the session ends or the server closes.
   */
  async serve(
    athleteId: string,
    out: ServerResponse,
    first: string,
    stillSignedIn: () => Promise<boolean>,
  ): Promise<void> {
    let heartbeat: NodeJS.Timeout | undefined;
    let stop: (() => Promise<void>) | undefined;
    let closed = false;
    const stream: OpenStream = {
      athleteId,
      out,
      close: () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        this.open.delete(stream);
        void stop?.().catch(() => {});
        if (!out.writableEnded) out.end();
      },
    };
    out.on('close', stream.close);
    out.on('error', stream.close);
    this.open.add(stream);
    this.limit(athleteId);
    try {
      stop = await this.pubsub.subscribe(streamChannel(athleteId), (message) => {
        const parsed = JSON.parse(message) as { type: string };
        write(out, parsed.type, message);
      });
    } catch {
      // Nothing could reach it (Redis unreachable): end it, and the page opens another later.
      stream.close();
      return;
    }
    // Closed while subscribing: nothing will call it again.
    if (closed) return void stop().catch(() => {});
    out.write(first);
    heartbeat = setInterval(() => {
      out.write(': keep-alive\n\n');
      stillSignedIn().then(
        (yes) => {
          if (!yes) stream.close();
        },
        () => {},
      );
    }, this.heartbeatMs);
    heartbeat.unref();
  }

  /** Ends every stream (the server is closing: open streams would hold it up). */
  closeAll(): void {
    for (const stream of [...this.open]) stream.close();
  }

  private limit(athleteId: string): void {
    const mine = [...this.open].filter((s) => s.athleteId === athleteId);
    for (const stream of mine.slice(0, Math.max(0, mine.length - STREAMS_PER_ATHLETE)))
      stream.close();
  }
}

/** One SSE event: its name and its data (JSON on one line, as JSON.stringify writes it). */
export function sseEvent(event: string, data: string): string {
  return `event: ${event}\ndata: ${data}\n\n`;
}

function write(out: ServerResponse, event: string, data: string): void {
  if (!out.writableEnded) out.write(sseEvent(event, data));
}
