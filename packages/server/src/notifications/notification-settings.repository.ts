import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { KindSetting, NotificationKind } from './notification-kinds.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Athletes' notification settings (the only SQL over `notification_settings`). */
export class NotificationSettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The kinds this athlete changed; the others are on. */
  async changed(
    athleteId: string,
    executor: Executor = this.db,
  ): Promise<Map<string, KindSetting>> {
    const rows = await executor
      .selectFrom('notification_settings')
      .select(['kind', 'in_app', 'push'])
      .where('athlete_id', '=', athleteId)
      .execute();
    return new Map(rows.map((r) => [r.kind, { in_app: r.in_app, push: r.push }]));
  }

  /** One kind's setting (on when never changed). */
  async of(executor: Executor, athleteId: string, kind: NotificationKind): Promise<KindSetting> {
    const row = await executor
      .selectFrom('notification_settings')
      .select(['in_app', 'push'])
      .where('athlete_id', '=', athleteId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return row ?? { in_app: true, push: true };
  }

  async save(athleteId: string, settings: ReadonlyMap<NotificationKind, KindSetting>) {
    if (!settings.size) return;
    await this.db
      .insertInto('notification_settings')
      .values([...settings].map(([kind, s]) => ({ athlete_id: athleteId, kind, ...s })))
      .onConflict((oc) =>
        oc.columns(['athlete_id', 'kind']).doUpdateSet((eb) => ({
          in_app: eb.ref('excluded.in_app'),
          push: eb.ref('excluded.push'),
        })),
      )
      .execute();
  }
}
