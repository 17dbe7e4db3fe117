import type { Redis } from 'ioredis';
import type { Log } from '../platform.js';
import { isRedisUnreachable } from '../redis.js';
import { type MessageHandler, type PubSub, Subscribers } from './pubsub.js';

/**
 * Pub/sub across processes on Redis: commands go through the shared client, and one extra
 * connection per process listens (a Redis connection that subscribes can do nothing else).
 * It subscribes again by itself after a reconnect; messages sent while it was away are lost,
 * which is why only news travels this way. Channels carry the installation's key prefix.
 */
export class RedisPubSub implements PubSub {
  private readonly subscribers = new Subscribers();
  private listener: Redis | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly log?: Log,
  ) {}

  async publish(channel: string, message: string): Promise<boolean> {
    try {
      await this.redis.publish(this.prefix + channel, message);
      return true;
    } catch (error) {
      if (!isRedisUnreachable(error)) throw error;
      (this.log?.warn ?? this.log?.error)?.call(
        this.log,
        { channel, reason: (error as Error).message },
        'could not publish: Redis is unreachable',
      );
      return false;
    }
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<() => Promise<void>> {
    const listener = await this.connection();
    if (this.subscribers.add(channel, handler)) await listener.subscribe(this.prefix + channel);
    return async () => {
      if (this.subscribers.remove(channel, handler))
        await listener.unsubscribe(this.prefix + channel).catch(() => {});
    };
  }

  async close(): Promise<void> {
    this.listener?.disconnect();
    this.listener = undefined;
  }

  private async connection(): Promise<Redis> {
    if (this.listener) return this.listener;
    // Subscribing waits for the connection; it has no command timeout (it waits for messages).
    const listener = this.redis.duplicate({
      lazyConnect: true,
      commandTimeout: undefined,
      enableOfflineQueue: true,
    });
    listener.on('error', () => {});
    listener.on('message', (channel: string, message: string) => {
      if (channel.startsWith(this.prefix))
        this.subscribers.deliver(channel.slice(this.prefix.length), message);
    });
    this.listener = listener;
    await listener.connect();
    return listener;
  }
}
