import type { ServerResponse } from 'node:http';
import { eventOf, type LiveRole, type LiveService } from './live.service.js';
import { compareIds, type LiveRecord } from './live-store.js';

/** A comment line this often keeps proxies from closing an idle stream. */
export const HEARTBEAT_MS = 20_000;
/** An EventSource that lost its stream tries again after this long. */
const RETRY_MS = 3000;

/**
 * The Server-Sent Event streams of live sessions open in this process. Each listens on its
 * session's pub/sub channel (in-process, or Redis across processes). A stream that resumes
 * (`Last-Event-ID`) first gets every event after that id from the session's event log, then
 * the new ones; when some of those are no longer kept, or on a first open, it gets a
 * `snapshot` instead. Ids only go up, so nothing is sent twice. At each heart-beat it asks
 * whether the viewer may still look (the session alive, a follower still allowed, a link not
 * revoked), and ends with a `state` `ended` event when not.
 */
export class LiveStreams {
  private readonly open = new Set<() => void>();

  constructor(
    private readonly live: LiveService,
    private readonly heartbeatMs = HEARTBEAT_MS,
  ) {}

  get size(): number {
    return this.open.size;
  }

  async serve(
    out: ServerResponse,
    view: {
      activityId: string;
      role: LiveRole;
      lastEventId: string | undefined;
      stillAllowed: () => Promise<boolean>;
    },
  ): Promise<void> {
    let heartbeat: NodeJS.Timeout | undefined;
    let stop: (() => Promise<void>) | undefined;
    let closed = false;
    let sent = view.lastEventId;
    /** Events that arrive while the past is being sent: sent after it. */
    let held: LiveRecord[] | null = [];
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      this.open.delete(close);
      void stop?.().catch(() => {});
      if (!out.writableEnded) out.end();
    };
    const write = (text: string) => {
      if (!out.writableEnded) out.write(text);
    };
    const send = (record: LiveRecord) => {
      if (sent && compareIds(record.id, sent) <= 0) return;
      sent = record.id;
      const event = eventOf(record, view.role);
      if (event)
        write(`id: ${record.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    };
    out.on('close', close);
    out.on('error', close);
    this.open.add(close);
    try {
      stop = await this.live.subscribe(view.activityId, (record) => {
        if (held) held.push(record);
        else send(record);
      });
      if (closed) return void stop().catch(() => {});
      write(`retry: ${RETRY_MS}\n\n`);
      const past = sent ? await this.live.replay(view.activityId, sent) : null;
      if (past) for (const record of past) send(record);
      else {
        const snapshot = await this.live.snapshot(view.activityId, view.role);
        sent = snapshot.last_event_id;
        write(`id: ${sent}\nevent: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`);
      }
      for (const record of held) send(record);
      held = null;
    } catch {
      // The session ended meanwhile, or the store cannot be reached: the page opens another.
      close();
      return;
    }
    heartbeat = setInterval(() => {
      write(': keep-alive\n\n');
      view.stillAllowed().then(
        (yes) => {
          if (yes) return;
          write(`event: state\ndata: ${JSON.stringify({ type: 'state', state: 'ended' })}\n\n`);
          close();
        },
        () => {},
      );
    }, this.heartbeatMs);
    heartbeat.unref();
  }

  /** Ends every stream (the server is closing). */
  closeAll(): void {
    for (const close of [...this.open]) close();
  }
}
