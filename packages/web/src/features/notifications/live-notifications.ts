import type { Notification } from '@stride/client';
import type { QueryClient } from '@tanstack/react-query';
import { api, getTokens, unwrap } from '../../api/client.js';
import { backoffMs } from '../../offline/backoff.js';
import { LIST_KEY, UNREAD_KEY } from './use-notifications.js';

/** Longest wait before opening a lost stream again: a badge a minute late at most. */
const MAX_WAIT_MS = 60_000;

type Listener = (item: Notification) => void;
const listeners = new Set<Listener>();

/** Called with each notification the stream brings (the push prompt waits for the first). */
export function onNotification(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Listens to the athlete's notifications while signed in: an EventSource on
 * /api/v1/notifications/stream, opened with a short-lived ticket (EventSource cannot send the
 * bearer token). The badge's count comes from it; a new notification refreshes the list. A
 * lost stream (network, server restart, expired ticket) is opened again with a new ticket,
 * waiting longer after each failure. Returns the function that stops it.
 */
export function startLiveNotifications(client: QueryClient): () => void {
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;

  const retry = () => {
    source?.close();
    source = undefined;
    if (stopped) return;
    timer = setTimeout(open, Math.min(MAX_WAIT_MS, backoffMs(++failures)));
  };

  async function open() {
    if (stopped || !getTokens()) return;
    let ticket: string;
    try {
      ticket = (await unwrap(api.POST('/api/v1/notifications/stream-ticket'))).ticket;
    } catch {
      retry();
      return;
    }
    if (stopped) return;
    const es = new EventSource(`/api/v1/notifications/stream?ticket=${encodeURIComponent(ticket)}`);
    source = es;
    es.addEventListener('open', () => {
      failures = 0;
    });
    es.addEventListener('unread', (e) => {
      const { unread_count } = JSON.parse((e as MessageEvent<string>).data);
      client.setQueryData(UNREAD_KEY, unread_count);
    });
    es.addEventListener('notification', (e) => {
      const { item, unread_count } = JSON.parse((e as MessageEvent<string>).data) as {
        item: Notification;
        unread_count: number;
      };
      client.setQueryData(UNREAD_KEY, unread_count);
      void client.invalidateQueries({ queryKey: LIST_KEY });
      for (const listener of listeners) listener(item);
    });
    // The browser would reconnect with the same ticket, which expires: open a fresh one instead.
    es.addEventListener('error', retry);
  }

  void open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}
