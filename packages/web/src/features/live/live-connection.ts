import { ApiError, api, getTokens, unwrap } from '../../api/client.js';
import { backoffMs } from '../../offline/backoff.js';
import type { LiveEvent, LivePoll, LiveSnapshot } from './live-track.js';

/** A follower (signed in) watches by activity id; anyone with a safety link by its token. */
export type LiveTarget = { kind: 'follower'; activityId: string } | { kind: 'link'; token: string };

export interface LiveHandlers {
  snapshot(s: LiveSnapshot): void;
  event(e: LiveEvent): void;
  /** Connection trouble to show (null once it works again). */
  trouble(message: string | null): void;
  /** The server has nothing for this viewer: not live, not allowed, or the link is gone. */
  gone(): void;
}

/** The stream failed this many times in a row without opening: poll instead. */
const STREAM_ATTEMPTS = 3;
const POLL_MS = 5000;
const MAX_WAIT_MS = 30_000;

/**
 * Follows a live activity: an EventSource on its stream (a follower's opened with a fresh
 * ticket each time, since tickets expire), resumed after a drop from the last event received
 * (`last_event_id`), and polling `GET …/live?since=` when streaming does not work. Every lost
 * stream is followed by one poll, which catches up and tells apart "gone" (404) from a network
 * problem. Returns the function that stops it.
 */
export function followLive(target: LiveTarget, on: LiveHandlers): () => void {
  let lastId: string | undefined;
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;
  let finished = false;

  const done = (state: string | undefined) => {
    if (state === 'saved' || state === 'ended') {
      finished = true;
      source?.close();
    }
  };

  function deliver(e: LiveEvent) {
    lastId = e.id;
    on.event(e);
    done(e.state);
  }

  function deliverSnapshot(s: LiveSnapshot) {
    lastId = s.last_event_id;
    on.snapshot(s);
    done(s.state);
  }

  /** One poll: catches up from lastId (or a whole snapshot). False when it failed. */
  async function poll(): Promise<boolean> {
    try {
      const query = lastId ? { since: lastId } : {};
      const r: LivePoll =
        target.kind === 'link'
          ? await unwrap(
              api.GET('/api/v1/live/{token}', {
                params: { path: { token: target.token }, query },
              }),
            )
          : await unwrap(
              api.GET('/api/v1/activities/{id}/live', {
                params: { path: { id: target.activityId }, query },
              }),
            );
      if (stopped) return true;
      if (r.snapshot) deliverSnapshot(r.snapshot);
      for (const e of r.events) deliver(e);
      lastId = r.last_event_id;
      on.trouble(null);
      return true;
    } catch (e) {
      if (stopped) return true;
      if (e instanceof ApiError && e.status === 404) {
        finished = true;
        on.gone();
        return true;
      }
      on.trouble('Connection lost: trying again…');
      return false;
    }
  }

  function later(fn: () => void, ms: number) {
    clearTimeout(timer);
    if (!stopped && !finished) timer = setTimeout(fn, ms);
  }

  function pollLoop() {
    void poll().then((ok) => later(pollLoop, ok ? POLL_MS : Math.min(MAX_WAIT_MS, backoffMs(1))));
  }

  async function streamUrl(): Promise<string> {
    const resume = lastId ? `last_event_id=${encodeURIComponent(lastId)}` : '';
    if (target.kind === 'link')
      return `/api/v1/live/${encodeURIComponent(target.token)}/stream${resume ? `?${resume}` : ''}`;
    const { ticket } = await unwrap(api.POST('/api/v1/notifications/stream-ticket'));
    return `/api/v1/activities/${target.activityId}/live/stream?ticket=${encodeURIComponent(ticket)}${resume ? `&${resume}` : ''}`;
  }

  async function open() {
    if (stopped || finished) return;
    if (typeof EventSource === 'undefined' || (target.kind === 'follower' && !getTokens()))
      return pollLoop();
    let url: string;
    try {
      url = await streamUrl();
    } catch {
      on.trouble('Connection lost: trying again…');
      return later(open, Math.min(MAX_WAIT_MS, backoffMs(++failures)));
    }
    if (stopped) return;
    const es = new EventSource(url);
    source = es;
    let opened = false;
    es.addEventListener('open', () => {
      opened = true;
      failures = 0;
      on.trouble(null);
    });
    const data = (e: Event) => JSON.parse((e as MessageEvent<string>).data);
    es.addEventListener('snapshot', (e) => deliverSnapshot(data(e)));
    for (const type of ['points', 'state'] as const)
      es.addEventListener(type, (e) => {
        const m = e as MessageEvent<string>;
        deliver({ ...data(e), id: m.lastEventId, type });
      });
    // The browser would reconnect by itself, with an expired ticket for a follower: reopen
    // ourselves instead, from the last event, after a poll that catches up meanwhile.
    es.addEventListener('error', () => {
      es.close();
      if (source === es) source = undefined;
      if (stopped || finished) return;
      if (!opened) failures++;
      void poll().then(() => {
        if (failures >= STREAM_ATTEMPTS) later(pollLoop, POLL_MS);
        else later(open, Math.min(MAX_WAIT_MS, backoffMs(Math.max(1, failures))));
      });
    });
  }

  void open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}
