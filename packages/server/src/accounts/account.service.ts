import { verify } from '@node-rs/argon2';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import type { ActivityRow } from '../platform/db/schema.js';
import { Errors } from '../platform/errors.js';
import type { ActivityRepository } from '../activities/activity.repository.js';
import type { AthleteRepository } from '../athletes/athlete.repository.js';
import type { FollowRepository } from '../athletes/follow.repository.js';
import type { PrivacyZoneRepository } from '../privacy/privacy-zone.repository.js';
import type { UploadRepository } from '../uploads/upload.repository.js';
import { ActivityChanges } from '../activities/activity-changes.js';
import { exportActivity } from '../activities/activity-compute.js';
import type { ActivityReadService } from '../activities/activity-read.service.js';
import { type ZipEntry, zipStream } from '../platform/zip-stream.js';

export interface AccountRepositories {
  athletes: AthleteRepository;
  activities: ActivityRepository;
  follows: FollowRepository;
  privacyZones: PrivacyZoneRepository;
  uploads: UploadRepository;
}

const encoder = new TextEncoder();
const json = (v: unknown) => encoder.encode(JSON.stringify(v, null, 2));

/**
 * The athlete's data rights: a complete export of what Stride holds about them, and deletion
 * of the account with every row and blob.
 */
export class AccountService {
  constructor(
    private readonly repos: AccountRepositories,
    private readonly blobs: BlobStore,
    private readonly reads: ActivityReadService,
    private readonly changes: ActivityChanges = new ActivityChanges(),
    /** Activities read from the database at a time while exporting or deleting. */
    private readonly pageSize = 100,
  ) {}

  /**
   * A zip, streamed as it is written: `profile.json` (account, settings, privacy zones,
   * follows), `activities.json` (every activity's summary and details), `activities/<id>.gpx`
   * for each recorded track, and `originals/` with every file the athlete uploaded, as
   * uploaded. Activities are read a page at a time, so an athlete with years of training
   * exports in bounded memory.
   */
  async export(athleteId: string): Promise<AsyncGenerator<Uint8Array>> {
    const athlete = await this.repos.athletes.findById(athleteId);
    if (!athlete) throw Errors.notFound('no such athlete');
    const { password_hash: _hash, privacy_secret: _secret, ...profile } = athlete;
    const [zones, following, followers, originals] = await Promise.all([
      this.repos.privacyZones.listByAthlete(athleteId),
      this.repos.follows.allHandles(athleteId, 'following'),
      this.repos.follows.allHandles(athleteId, 'followers'),
      this.repos.uploads.originalsOf(athleteId),
    ]);
    const privacyZones = zones.map(({ id, lat, lng, radius_m, created_at }) => ({
      id,
      lat,
      lng,
      radius_m,
      created_at,
    }));
    const activities = () => this.activitiesOf(athleteId);
    const blobs = this.blobs;
    const reads = this.reads;
    async function* entries(): AsyncGenerator<ZipEntry> {
      yield {
        name: 'profile.json',
        chunks: [json({ athlete: profile, privacy_zones: privacyZones, following, followers })],
      };
      yield { name: 'activities.json', chunks: activitiesJson(activities()) };
      for await (const row of activities()) {
        const track = await reads.loadTrack(row);
        if (track?.length) {
          yield {
            name: `activities/${row.id}.gpx`,
            chunks: [exportActivity(row, track, 'gpx').bytes],
          };
        }
      }
      for (const u of originals) {
        const bytes = await blobs.get(u.blob_key);
        const safe = (u.file_name ?? 'file').replace(/[^A-Za-z0-9._-]+/g, '_');
        if (bytes) yield { name: `originals/${u.id}-${safe}`, chunks: [bytes] };
      }
    }
    return zipStream(entries());
  }

  /** Deletes the account after checking the password: every row (by cascade) and every blob. */
  async delete(athleteId: string, password: string): Promise<void> {
    const athlete = await this.repos.athletes.findById(athleteId);
    if (!athlete) throw Errors.notFound('no such athlete');
    if (!(await verify(athlete.password_hash, password).catch(() => false))) {
      throw Errors.invalidCredentials('the password is wrong; the account was not deleted');
    }
    // Rows first (one statement, cascading): if blob removal is interrupted, nothing points at
    // the leftovers and nothing of the athlete is served any more. Change listeners hear of
    // every activity going, in the same transaction.
    const { activityIds, uploadIds } = await this.repos.athletes.transaction(async (tx) => {
      const activityIds: string[] = [];
      for await (const a of this.activitiesOf(athleteId, tx)) {
        await this.changes.emit(tx, a, undefined);
        activityIds.push(a.id);
      }
      const uploadIds = await this.repos.uploads.idsOf(athleteId, tx);
      await this.repos.athletes.delete(tx, athleteId);
      return { activityIds, uploadIds };
    });
    for (const id of activityIds) await this.blobs.deletePrefix(`activities/${id}/`);
    for (const id of uploadIds) await this.blobs.deletePrefix(`uploads/${id}/`);
  }

  /** Every activity of the athlete, oldest first, read a page at a time. */
  private async *activitiesOf(
    athleteId: string,
    executor?: Parameters<ActivityRepository['pageOwnedBy']>[3],
  ): AsyncGenerator<ActivityRow> {
    let after: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const page = await this.repos.activities.pageOwnedBy(
        athleteId,
        this.pageSize,
        after,
        executor,
      );
      yield* page;
      if (page.length < this.pageSize) return;
      const last = page[page.length - 1]!;
      after = { createdAt: last.created_at, id: last.id };
    }
  }
}

/** `activities.json` as a JSON array written one activity at a time. */
async function* activitiesJson(rows: AsyncIterable<ActivityRow>): AsyncGenerator<Uint8Array> {
  let first = true;
  for await (const { streams_key: _k, file_hash: _h, ...a } of rows) {
    const item = JSON.stringify(a, null, 2).replace(/\n/g, '\n  ');
    yield encoder.encode(`${first ? '[\n  ' : ',\n  '}${item}`);
    first = false;
  }
  yield encoder.encode(first ? '[]' : '\n]');
}
