/** Called with each message published on a channel. */
export type MessageHandler = (message: string) => void;

/**
 * Messages to every process of one Stride installation: in-process on the embedded default
 * (one process is all there is), Redis pub/sub with REDIS_URL. Delivery is at most once and
 * only to processes listening at the time: for news that makes a cache stale or a live view
 * move, never for data (that is written to the database first).
 */
export interface PubSub {
  /** Sends `message` to every subscriber of `channel`, this process's too; false when it could not. */
  publish(channel: string, message: string): Promise<boolean>;
  /** Calls `handler` with each message on `channel` from now on; the returned function stops it. */
  subscribe(channel: string, handler: MessageHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Handlers by channel, shared by both adapters. */
export class Subscribers {
  private readonly byChannel = new Map<string, Set<MessageHandler>>();

  /** Adds a handler; true when it is the channel's first. */
  add(channel: string, handler: MessageHandler): boolean {
    const set = this.byChannel.get(channel);
    if (set) {
      set.add(handler);
      return false;
    }
    this.byChannel.set(channel, new Set([handler]));
    return true;
  }

  /** Removes a handler; true when the channel has none left. */
  remove(channel: string, handler: MessageHandler): boolean {
    const set = this.byChannel.get(channel);
    if (!set) return false;
    set.delete(handler);
    if (set.size) return false;
    this.byChannel.delete(channel);
    return true;
  }

  deliver(channel: string, message: string): void {
    for (const handler of this.byChannel.get(channel) ?? []) {
      try {
        handler(message);
      } catch {
        // One failing handler must not keep the message from the others.
      }
    }
  }
}
