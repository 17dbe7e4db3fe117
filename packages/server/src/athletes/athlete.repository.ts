import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { AthleteRow, AthleteUpdate, Database, NewAthlete } from '../platform/db/schema.js';

export class AthleteRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(athlete: NewAthlete): Promise<AthleteRow> {
    return this.db.insertInto('athletes').values(athlete).returningAll().executeTakeFirstOrThrow();
  }

  async findById(id: string): Promise<AthleteRow | undefined> {
    return this.db.selectFrom('athletes').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The athlete's row, locked until the transaction ends (edits that compare before/after). */
  async findForUpdate(tx: Transaction<Database>, id: string): Promise<AthleteRow | undefined> {
    return tx
      .selectFrom('athletes')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  /** Ids, handles and display names of these athletes (those that still exist). */
  async summaries(
    ids: readonly string[],
  ): Promise<Array<Pick<AthleteRow, 'id' | 'handle' | 'display_name'>>> {
    if (!ids.length) return [];
    return this.db
      .selectFrom('athletes')
      .select(['id', 'handle', 'display_name'])
      .where('id', 'in', ids)
      .execute();
  }

  /** Ids and handles of the athletes with these handles (compared regardless of case). */
  async byHandles(handles: readonly string[]): Promise<Array<Pick<AthleteRow, 'id' | 'handle'>>> {
    if (!handles.length) return [];
    return this.db
      .selectFrom('athletes')
      .select(['id', 'handle'])
      .where(sql<boolean>`lower(handle) = any(${handles.map((h) => h.toLowerCase())}::text[])`)
      .execute();
  }

  async findByHandle(handle: string): Promise<AthleteRow | undefined> {
    return this.db
      .selectFrom('athletes')
      .selectAll()
      .where(sql`lower(handle)`, '=', handle.toLowerCase())
      .executeTakeFirst();
  }

  /** Finds by email or handle, case-insensitively (both are unique on lower()). */
  async findByLogin(login: string): Promise<AthleteRow | undefined> {
    const key = login.toLowerCase();
    return this.db
      .selectFrom('athletes')
      .selectAll()
      .where((eb) => eb.or([eb(sql`lower(email)`, '=', key), eb(sql`lower(handle)`, '=', key)]))
      .executeTakeFirst();
  }

  async update(
    id: string,
    changes: AthleteUpdate,
    executor: Kysely<Database> | Transaction<Database> = this.db,
  ): Promise<AthleteRow | undefined> {
    return executor
      .updateTable('athletes')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  transaction<T>(fn: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  /** Deletes the athlete; every row that belongs to them goes with it (foreign-key cascades). */
  async delete(tx: Transaction<Database>, id: string): Promise<boolean> {
    const r = await tx.deleteFrom('athletes').where('id', '=', id).executeTakeFirst();
    return r.numDeletedRows > 0n;
  }
}
