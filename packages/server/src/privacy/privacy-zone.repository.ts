import type { Kysely, Transaction } from 'kysely';

type Executor = Kysely<Database> | Transaction<Database>;

import type { Database, PrivacyZoneRow } from '../platform/db/schema.js';

export class PrivacyZoneRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(fn: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  async listByAthlete(athleteId: string): Promise<PrivacyZoneRow[]> {
    return this.db
      .selectFrom('privacy_zones')
      .selectAll()
      .where('athlete_id', '=', athleteId)
      .orderBy('created_at')
      .execute();
  }

  async create(
    zone: {
      athlete_id: string;
      lat: number;
      lng: number;
      radius_m: number;
      secret: string;
    },
    executor: Executor = this.db,
  ): Promise<PrivacyZoneRow> {
    return executor
      .insertInto('privacy_zones')
      .values(zone)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Deletes the athlete's zone; false when they have no zone with that id. */
  async delete(athleteId: string, id: string, executor: Executor = this.db): Promise<boolean> {
    const r = await executor
      .deleteFrom('privacy_zones')
      .where('athlete_id', '=', athleteId)
      .where('id', '=', id)
      .executeTakeFirst();
    return r.numDeletedRows === 1n;
  }

  async countByAthlete(athleteId: string, executor: Executor = this.db): Promise<number> {
    const r = await executor
      .selectFrom('privacy_zones')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('athlete_id', '=', athleteId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
