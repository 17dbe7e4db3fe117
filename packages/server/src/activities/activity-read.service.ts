import type { Track } from '@stride/core';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import type { ActivityRow, ActivityUpdate, AthleteRow, Visibility } from '../platform/db/schema.js';
import { Errors } from '../platform/errors.js';
import type { ActivityRepository, StoredEvent } from './activity.repository.js';
import type { AthleteRepository } from '../athletes/athlete.repository.js';
import type { FollowRepository } from '../athletes/follow.repository.js';
import type { ActivityService } from './activity.service.js';
import { ActivityChanges } from './activity-changes.js';
import { decodeStreams, type ExportFormat, exportActivity } from './activity-compute.js';
import type { ActivityView, PrivacyService } from '../privacy/privacy.service.js';

export interface ActivityPage {
  items: Array<{ view: ActivityView; athlete: AthleteRow }>;
  next: { startedAt: Date; id: string } | null;
}

/** Reading, editing and deleting activities; every read goes through the privacy filter. */
export class ActivityReadService {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly athletes: AthleteRepository,
    private readonly follows: FollowRepository,
    private readonly lifecycle: ActivityService,
    private readonly privacy: PrivacyService,
    private readonly blobs: BlobStore,
    private readonly changes: ActivityChanges = new ActivityChanges(),
  ) {}

  /** Decodes an activity's stored streams (owner's full-resolution track). */
  async loadTrack(row: ActivityRow): Promise<Track | null> {
    if (!row.streams_key) return null;
    const bytes = await this.blobs.get(row.streams_key);
    return bytes ? decodeStreams(bytes) : null;
  }

  async get(
    viewerId: string | undefined,
    id: string,
  ): Promise<{ view: ActivityView; athlete: AthleteRow; events: StoredEvent[] }> {
    const row = await this.lifecycle.viewable(viewerId, id);
    const [athlete, events, view] = await Promise.all([
      this.athletes.findById(row.athlete_id),
      this.activities.events(id),
      this.privacy.view(row, viewerId),
    ]);
    return { view, athlete: athlete!, events };
  }

  /**
   * USER: one athlete's activities (default: the viewer's); FRIENDS: those of everyone the
   * viewer follows, plus their own. Newest first, keyset-paginated, visibility-filtered.
   */
  async list(
    viewerId: string,
    mode: 'USER' | 'FRIENDS',
    athleteId: string | undefined,
    limit: number,
    after?: { startedAt: Date; id: string },
  ): Promise<ActivityPage> {
    const followees = await this.follows.followeeIds(viewerId);
    const athleteIds = mode === 'FRIENDS' ? [viewerId, ...followees] : [athleteId ?? viewerId];
    const rows = await this.activities.list({
      athleteIds,
      viewerId,
      followeeIds: new Set(followees),
      limit,
      ...(after ? { after } : {}),
    });
    const owners = new Map<string, AthleteRow>();
    for (const id of new Set(rows.map((r) => r.athlete_id))) {
      const a = await this.athletes.findById(id);
      if (a) owners.set(id, a);
    }
    const items = await Promise.all(
      rows.map(async (row) => ({
        view: await this.privacy.view(row, viewerId),
        athlete: owners.get(row.athlete_id)!,
      })),
    );
    const last = rows.at(-1);
    return {
      items,
      next:
        rows.length === limit && last?.started_at
          ? { startedAt: last.started_at, id: last.id }
          : null,
    };
  }

  async streams(viewerId: string | undefined, id: string, keys: string[]) {
    const row = await this.lifecycle.viewable(viewerId, id);
    const view = await this.privacy.view(row, viewerId);
    const streams = await view.streams(keys);
    if (!streams) throw Errors.notFound('this activity has no streams');
    return streams;
  }

  async export(viewerId: string | undefined, id: string, format: ExportFormat) {
    const row = await this.lifecycle.viewable(viewerId, id);
    const view = await this.privacy.view(row, viewerId);
    const track = await view.track();
    if (!track?.length) throw Errors.notFound('this activity has no track you can see to export');
    return exportActivity(row, track, format);
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
      await this.changes.emit(tx, before, after);
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
      await this.changes.emit(tx, before, undefined);
      await this.activities.delete(id, tx);
    });
    await this.blobs.deletePrefix(`activities/${id}/`);
    if (row.upload_id) await this.blobs.deletePrefix(`uploads/${row.upload_id}/`);
  }
}
