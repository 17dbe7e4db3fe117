import { type Kysely, sql } from 'kysely';
import type { ActivityViewRow, Database, ViewAudience } from '../platform/db/schema.js';
import { type ActivityMeta, currentOthersView, META_COLUMNS } from './activity.repository.js';

export type NewActivityView = Omit<ActivityViewRow, 'rendered_at'>;

/** The only SQL of the activities' read model (rendered views). */
export class ActivityViewRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The view of this audience if it was rendered from `revision`, else undefined. */
  async findCurrent(
    activityId: string,
    audience: ViewAudience,
    revision: number,
  ): Promise<ActivityViewRow | undefined> {
    return this.db
      .selectFrom('activity_views')
      .selectAll()
      .where('activity_id', '=', activityId)
      .where('audience', '=', audience)
      .where('revision', '=', revision)
      .executeTakeFirst();
  }

  /**
   * Stores a rendered view unless a newer revision is already there (a slow render finishing
   * after a later one must not replace it). Does nothing if the activity was deleted meanwhile.
   */
  async save(view: NewActivityView): Promise<void> {
    await sql`
      insert into activity_views (activity_id, audience, revision, summary, detail, streams_key, hidden)
      select ${view.activity_id}, ${view.audience}, ${view.revision}, ${view.summary},
             ${view.detail}, ${view.streams_key}, ${view.hidden}
      where exists (select 1 from activities where id = ${view.activity_id})
      on conflict (activity_id, audience) do update set
        revision = excluded.revision, summary = excluded.summary, detail = excluded.detail,
        streams_key = excluded.streams_key, hidden = excluded.hidden, rendered_at = now()
      where activity_views.revision <= excluded.revision`.execute(this.db);
  }

  /**
   * An athlete's complete activities that others may see (visibility everyone or followers)
   * with no others' view rendered from their current revision, optionally only those started
   * within [from, to).
   */
  async othersMissing(athleteId: string, from?: Date, to?: Date): Promise<ActivityMeta[]> {
    let q = this.db
      .selectFrom('activities')
      .leftJoin('activity_views as v', currentOthersView)
      .select(META_COLUMNS.map((c) => `activities.${c}` as const))
      .where('athlete_id', '=', athleteId)
      .where('state', '=', 'complete')
      .where('visibility', 'in', ['everyone', 'followers'])
      .where('started_at', 'is not', null)
      .where('v.activity_id', 'is', null);
    if (from) q = q.where('started_at', '>=', from);
    if (to) q = q.where('started_at', '<', to);
    return q.execute();
  }
}
