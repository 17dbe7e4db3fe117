import type { Transaction } from 'kysely';
import type { ActivityRow, Database } from '../db/schema.js';

/**
 * The domain events one feature announces and others listen to, instead of calling into each
 * other. Listeners run one after another and are awaited: an event raised inside a transaction
 * (`activity.changed`) lets listeners enqueue jobs that commit with the change or not at all.
 */
export interface StrideEvents {
  /**
   * An activity's summary changed (computed, edited, deleted), inside the transaction that
   * makes the change. `before` is undefined for a new summary, `after` for a deletion.
   */
  'activity.changed': [
    tx: Transaction<Database>,
    before: ActivityRow | undefined,
    after: ActivityRow | undefined,
  ];
  /**
   * An athlete's profile fields changed, inside the transaction that changes them: the names
   * of the columns whose values changed.
   */
  'athlete.changed': [tx: Transaction<Database>, athleteId: string, fields: readonly string[]];
  /**
   * What others may see of an athlete's activities changed (privacy zones, hidden start or
   * end), inside the transaction that changes it.
   */
  'privacy.changed': [tx: Transaction<Database>, athleteId: string];
}

export type EventName = keyof StrideEvents;
export type EventListener<N extends EventName> = (...args: StrideEvents[N]) => Promise<void>;

/** In-process domain events: what a module raises, the modules wired with it hear. */
export class EventHub {
  private readonly listeners = new Map<EventName, EventListener<never>[]>();

  on<N extends EventName>(name: N, listener: EventListener<N>): void {
    const list = this.listeners.get(name) ?? [];
    list.push(listener as EventListener<never>);
    this.listeners.set(name, list);
  }

  async emit<N extends EventName>(name: N, ...args: StrideEvents[N]): Promise<void> {
    for (const listener of this.listeners.get(name) ?? []) {
      await (listener as EventListener<N>)(...args);
    }
  }
}
