import type { Track } from '@stride/core';
import type { AthleteService, AthleteSummary } from '../athletes/athlete.service.js';
import type { FollowService } from '../athletes/follow.service.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import type { ActivityRow, ActivityUpdate, Visibility } from '../platform/db/schema.js';
import { Errors } from '../platform/errors.js';
import type { EventHub } from '../platform/events/event-hub.js';
import type { PrivacyService } from '../privacy/privacy.service.js';
import { authorizeOwner, canView } from './access.js';
import { NO_READ_TIME_FIELDS, type ReadTimeFields, withAthlete } from './activity.presenter.js';
import type { ActivityRepository, ListedActivity } from './activity.repository.js';
import type { ActivityService } from './activity.service.js';
import type { ExportFormat } from './activity-compute.js';
import { ActivityViews, type StoredView } from './activity-views.js';
import { trackLoader } from './tracks.js';

/**
 * The read-time fields of each of these activities as `viewerId` sees them (photos, kudos,
 * comments: other features answer, each in one query for the whole page). An activity
 * missing from the map has none.
 */
export type ReadTimeFieldsOf = (
  viewerId: string | undefined,
  activities: ReadonlyArray<{ id: string; athlete_id: string }>,
) => Promise<ReadonlyMap<string, ReadTimeFields>>;

/**
 * One newest-first page of a reader's friends feed: activity ids with their starts, each one
 * the reader may see (the feed feature answers).
 */
export type FeedPageOf = (
  viewerId: string,
  limit: number,
  after?: { startedAt: Date; id: string },
) => Promise<Array<{ id: string; startedAt: Date }>>;

export interface ActivityPage {
  /** Each activity's summary as this viewer sees it, JSON ready to send. */
  items: string[];
  next: { startedAt: Date; id: string } | null;
}

/**
 * Reading, editing and deleting activities. Every read for another person goes through the
 * privacy filter once, when the activity's views are rendered (ActivityViews), not per request.
 */
export class ActivityReadService {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly athletes: AthleteService,
    private readonly follows: FollowService,
    private readonly lifecycle: ActivityService,
    private readonly privacy: PrivacyService,
    private readonly blobs: BlobStore,
    private readonly events: EventHub,
    private readonly views: ActivityViews,
    private readonly readTimeFields: ReadTimeFieldsOf,
    private readonly feedPage: FeedPageOf,
  ) {
    this.loadTrack = trackLoader(blobs);
  }

  /** Decodes an activity's stored streams (owner's full-resolution track). */
  readonly loadTrack: (row: ActivityRow) => Promise<Track | null>;

  /**
   * One activity as this viewer may see it (404 otherwise): its rendered view, its athlete.
   * Never decodes the track: the view was rendered when the activity or its privacy changed.
   */
  async get(
    viewerId: string | undefined,
    id: string,
  ): Promise<{ view: StoredView; athlete: AthleteSummary; fields: ReadTimeFields }> {
    const meta = await this.lifecycle.viewableMeta(viewerId, id);
    const [athlete, view, fields] = await Promise.all([
      this.athletes.summaries([meta.athlete_id]),
      this.views.current(meta, ActivityViews.audienceOf(meta, viewerId)),
      this.readTimeFields(viewerId, [meta]),
    ]);
    return { view, athlete: athlete[0]!, fields: fields.get(id) ?? NO_READ_TIME_FIELDS };
  }

  /**
   * USER: one athlete's activities (default: the viewer's); FRIENDS: the viewer's feed (their
   * own activities and those fanned out to them by athletes they follow). Newest first,
   * keyset-paginated, visibility-filtered. Each item is its rendered summary (JSON) joined with
   * its athlete and its read-time fields (photos, kudos, comments: one query of each for the
   * page).
   */
  async list(
    viewerId: string,
    mode: 'USER' | 'FRIENDS',
    athleteId: string | undefined,
    limit: number,
    after?: { startedAt: Date; id: string },
  ): Promise<ActivityPage> {
    let rows: ListedActivity[];
    let last: { startedAt: Date; id: string } | undefined;
    if (mode === 'FRIENDS') {
      const entries = await this.feedPage(viewerId, limit, after);
      rows = await this.activities.listed(
        viewerId,
        entries.map((e) => e.id),
      );
      last = entries.length === limit ? entries.at(-1) : undefined;
    } else {
      if (athleteId) await authorizeOwner(this.follows, athleteId, viewerId);
      const followees = await this.follows.followeeIds(viewerId);
      rows = await this.activities.list({
        athleteIds: [athleteId ?? viewerId],
        viewerId,
        followeeIds: new Set(followees),
        limit,
        ...(after ? { after } : {}),
      });
      const end = rows.at(-1);
      last =
        rows.length === limit && end?.started_at
          ? { startedAt: end.started_at, id: end.id }
          : undefined;
    }
    return { items: await this.cards(viewerId, rows), next: last ?? null };
  }

  /**
   * Each listed activity's summary for this viewer (JSON), joined with its athlete and its
   * read-time fields (one query per kind for the page).
   */
  private async cards(viewerId: string, rows: readonly ListedActivity[]): Promise<string[]> {
    const [summaries, fields] = await Promise.all([
      this.athletes.summaries([...new Set(rows.map((r) => r.athlete_id))]),
      this.readTimeFields(viewerId, rows),
    ]);
    const owners = new Map(summaries.map((a) => [a.id, a]));
    const items: string[] = [];
    for (const row of rows) {
      const athlete = owners.get(row.athlete_id);
      if (!athlete) continue;
      const audience = ActivityViews.audienceOf(row, viewerId);
      const summary =
        row.view_summary ??
        this.views.summaryOf(row, audience) ??
        (await this.views.current(row, audience)).summary;
      items.push(withAthlete(summary, athlete, fields.get(row.id) ?? NO_READ_TIME_FIELDS));
    }
    return items;
  }

  /**
   * The legs of the multisport group this activity belongs to that the viewer may see (each
   * leg keeps its own visibility), in the order they happened, as summaries (JSON); just this
   * activity when it is not a leg.
   */
  async legs(viewerId: string | undefined, id: string): Promise<string[]> {
    const row = await this.lifecycle.viewable(viewerId, id);
    const legs = row.group_id ? await this.activities.groupLegs(row.group_id) : [row];
    // One file's legs are one athlete's: what the viewer may see of them is asked once.
    const access =
      viewerId && viewerId !== row.athlete_id
        ? await this.follows.access(viewerId, row.athlete_id)
        : { following: false, blocked: false };
    const [[athlete], fields] = await Promise.all([
      this.athletes.summaries([row.athlete_id]),
      this.readTimeFields(viewerId, legs),
    ]);
    const audience = ActivityViews.audienceOf(row, viewerId);
    const items: string[] = [];
    for (const leg of legs) {
      if (leg.state !== 'complete' || !canView(leg, viewerId, access)) continue;
      const { summary } = await this.views.current(leg, audience);
      items.push(withAthlete(summary, athlete!, fields.get(leg.id) ?? NO_READ_TIME_FIELDS));
    }
    return items;
  }

  async streams(viewerId: string | undefined, id: string, keys: string[]) {
    const meta = await this.lifecycle.viewableMeta(viewerId, id);
    const view = await this.views.current(meta, ActivityViews.audienceOf(meta, viewerId));
    const streams = await view.view.streams(keys);
    if (!streams) throw Errors.notFound('this activity has no streams');
    return streams;
  }

  async export(viewerId: string | undefined, id: string, format: ExportFormat) {
    const row = await this.lifecycle.viewable(viewerId, id);
    const view = await this.privacy.view(row, viewerId);
    // The visible part alone: its start is the first sample this viewer may see.
    const file = await view.export(format);
    if (!file) throw Errors.notFound('this activity has no track you can see to export');
    return file;
  }

  /** Renders the activity's views ahead of any read (the `activities.render-views` job). */
  async renderViews(activityId: string): Promise<'success' | 'skipped'> {
    const row = await this.activities.findById(activityId);
    if (!row) return 'skipped';
    await this.views.renderAll(row);
    return 'success';
  }

  async update(
    athleteId: string,
    id: string,
    changes: {
      name?: string | undefined;
      description?: string | null | undefined;
      sport_type?: string | undefined;
      visibility?: Visibility | undefined;
    },
  ): Promise<ActivityRow> {
    await this.lifecycle.owned(athleteId, id);
    const set: ActivityUpdate = {};
    if (changes.name !== undefined) set.name = changes.name.trim();
    if (changes.description !== undefined) set.description = changes.description;
    if (changes.sport_type !== undefined) set.sport_type = changes.sport_type;
    if (changes.visibility !== undefined) set.visibility = changes.visibility;
    return this.activities.transaction(async (tx) => {
      const before = await this.activities.findForUpdate(tx, id);
      const after = (await this.activities.update(id, set, tx))!;
      await this.events.emit('activity.changed', tx, before, after);
      return after;
    });
  }

  /** Deletes the activity, its events, points and blobs (streams and the original file). */
  async delete(athleteId: string, id: string): Promise<void> {
    const row = await this.lifecycle.owned(athleteId, id);
    await this.activities.transaction(async (tx) => {
      // Listeners hear of it before the delete: rows that cascade with it (segment efforts)
      // are still there to read.
      const before = await this.activities.findForUpdate(tx, id);
      await this.events.emit('activity.changed', tx, before, undefined);
      await this.activities.delete(id, tx);
    });
    await this.blobs.deletePrefix(`activities/${id}/`);
    if (row.upload_id) await this.blobs.deletePrefix(`uploads/${row.upload_id}/`);
  }
}
