import { type MessageHandler, type PubSub, Subscribers } from './pubsub.js';

/** Pub/sub within this process: the embedded default, where one process is all there is. */
export class LocalPubSub implements PubSub {
  private readonly subscribers = new Subscribers();

  async publish(channel: string, message: string): Promise<boolean> {
    // Delivered after the publisher's turn, as a message from another process would be.
    queueMicrotask(() => this.subscribers.deliver(channel, message));
    return true;
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<() => Promise<void>> {
    this.subscribers.add(channel, handler);
    return async () => {
      this.subscribers.remove(channel, handler);
    };
  }

  async close(): Promise<void> {}
}
