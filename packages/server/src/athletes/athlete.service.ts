import type { Transaction } from 'kysely';
import { Lru } from '../platform/cache/lru.js';
import type { AthleteRow, AthleteUpdate, Database, NewAthlete } from '../platform/db/schema.js';
import { Errors } from '../platform/errors.js';
import type { EventHub } from '../platform/events/event-hub.js';
import type { AthleteRepository } from './athlete.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AthleteSummary = Pick<AthleteRow, 'id' | 'handle' | 'display_name'>;

/**
 * Names of fixed paths under /api/v1/athletes/ (and of the web app's pages): as handles they
 * would name a route, not the athlete, so nobody may take them.
 */
export const RESERVED_HANDLES: ReadonlySet<string> = new Set(['search', 'suggestions']);

/**
 * Athlete rows, for every other feature: they look athletes up here, never in the table. A
 * profile change is announced as `athlete.changed` with the columns that changed, so the
 * features whose numbers depend on them (statistics, segment boards) react.
 */
export class AthleteService {
  /** Names by id, kept when this process sees every write (`exactCaches`). */
  private readonly names: Lru<string, Promise<AthleteSummary | undefined>> | undefined;

  constructor(
    private readonly athletes: AthleteRepository,
    private readonly events: EventHub,
    options: { exactCaches?: boolean } = {},
  ) {
    this.names = options.exactCaches ? new Lru(50_000) : undefined;
  }

  /** A new athlete; 409 for a reserved handle (a taken one is the database's to refuse). */
  async create(athlete: NewAthlete): Promise<AthleteRow> {
    if (RESERVED_HANDLES.has(athlete.handle.toLowerCase()))
      throw Errors.handleTaken(`"${athlete.handle}" is reserved: choose another handle`);
    return this.athletes.create(athlete);
  }

  findById(id: string): Promise<AthleteRow | undefined> {
    return this.athletes.findById(id);
  }

  findByHandle(handle: string): Promise<AthleteRow | undefined> {
    return this.athletes.findByHandle(handle);
  }

  /** By email or handle, case-insensitively. */
  findByLogin(login: string): Promise<AthleteRow | undefined> {
    return this.athletes.findByLogin(login);
  }

  /** Ids, handles and display names of these athletes (those that still exist). */
  async summaries(ids: readonly string[]): Promise<AthleteSummary[]> {
    if (!this.names) return this.athletes.summaries(ids);
    const missing = ids.filter((id) => !this.names!.get(id));
    if (missing.length) {
      const loading = this.athletes.summaries(missing);
      for (const id of missing) {
        const one = loading.then((rows) => rows.find((r) => r.id === id));
        this.names.set(id, one);
        one.catch(() => this.names?.delete(id));
      }
    }
    const found = await Promise.all(
      ids.map((id) => this.names!.get(id) ?? Promise.resolve(undefined)),
    );
    return found.filter((a): a is AthleteSummary => a !== undefined);
  }

  /** Ids and handles of those of these handles that name an athlete (any case): one query. */
  byHandles(handles: readonly string[]): Promise<Array<Pick<AthleteRow, 'id' | 'handle'>>> {
    return this.athletes.byHandles(handles);
  }

  /** Finds an athlete by id or handle, or answers 404. */
  async resolve(ref: string): Promise<AthleteRow> {
    const athlete = UUID.test(ref)
      ? await this.athletes.findById(ref)
      : await this.athletes.findByHandle(ref);
    if (!athlete) throw Errors.notFound(`no athlete "${ref}"`);
    return athlete;
  }

  /** The athlete, or 401 when the account behind a token no longer exists. */
  async current(id: string): Promise<AthleteRow> {
    const athlete = await this.athletes.findById(id);
    if (!athlete) throw Errors.invalidToken('this account no longer exists');
    return athlete;
  }

  /**
   * Applies profile changes and announces the columns whose values changed, in the same
   * transaction (the work listeners queue commits with the change or not at all).
   */
  async update(id: string, changes: AthleteUpdate): Promise<AthleteRow> {
    return this.athletes.transaction(async (tx) => {
      const before = await this.athletes.findForUpdate(tx, id);
      const after = before && (await this.athletes.update(id, changes, tx));
      if (!before || !after) throw Errors.invalidToken('this account no longer exists');
      const fields = (Object.keys(changes) as Array<keyof AthleteRow>).filter(
        (k) => before[k] !== after[k],
      );
      if (fields.length) await this.events.emit('athlete.changed', tx, id, fields);
      this.names?.delete(id);
      return after;
    });
  }

  /** Deletes the athlete in the caller's transaction; their rows go with it (cascades). */
  delete(tx: Transaction<Database>, id: string): Promise<boolean> {
    this.names?.delete(id);
    return this.athletes.delete(tx, id);
  }

  transaction<T>(fn: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.athletes.transaction(fn);
  }
}
