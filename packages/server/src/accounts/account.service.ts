import type { ActivityService } from '../activities/activity.service.js';
import { exportActivity } from '../activities/activity-compute.js';
import type { ActivityReadService } from '../activities/activity-read.service.js';
import type { AthleteService } from '../athletes/athlete.service.js';
import type { FollowService } from '../athletes/follow.service.js';
import type { PhotoService } from '../photos/photo.service.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import type { ActivityRow } from '../platform/db/schema.js';
import { Errors } from '../platform/errors.js';
import type { EventHub } from '../platform/events/event-hub.js';
import { type ZipEntry, zipStream } from '../platform/zip-stream.js';
import type { PrivacyService } from '../privacy/privacy.service.js';
import type { SocialService } from '../social/social.service.js';
import type { UploadService } from '../uploads/upload.service.js';
import { checkPassword } from './password.js';

/** What an account's export and deletion read from the other features. */
export interface AccountDeps {
  athletes: AthleteService;
  follows: FollowService;
  activities: ActivityService;
  reads: ActivityReadService;
  privacy: PrivacyService;
  uploads: UploadService;
  photos: PhotoService;
  social: SocialService;
  blobs: BlobStore;
  events: EventHub;
  /** Late-bound: the athlete's notification settings and items, for the export. */
  notificationsOf?: () => (athleteId: string) => Promise<unknown>;
  /** Told when an account is gone, so its sessions' tokens are refused in this process at once. */
  sessions?: { accountDeleted(athleteId: string): Promise<void> };
  /** Activities read from the database at a time while exporting or deleting. */
  pageSize?: number;
}

const encoder = new TextEncoder();
const json = (v: unknown) => encoder.encode(JSON.stringify(v, null, 2));

/**
 * The athlete's data rights: a complete export of what Stride holds about them, and deletion
 * of the account with every row and blob.
 */
export class AccountService {
  constructor(private readonly deps: AccountDeps) {}

  /**
   * A zip, streamed as it is written: `profile.json` (account, settings, privacy zones,
   * follows), `activities.json` (every activity's summary and details), `activities/<id>.gpx`
   * for each recorded track, `photos/<activity id>/<n>-<photo id>.jpg` with the large size of
   * every photo (the sizes are all Stride keeps) and `photos.json` with their captions,
   * `social.json` with the comments they wrote and the kudos they gave, `notifications.json`
   * (per-kind settings and every notification), and
   * `originals/` with every file the athlete uploaded, as uploaded. Activities are read a page
   * at a time, so an athlete with years of training exports in bounded memory.
   */
  async export(athleteId: string): Promise<AsyncGenerator<Uint8Array>> {
    const {
      athletes,
      follows,
      privacy,
      uploads,
      photos,
      activities,
      reads,
      blobs,
      notificationsOf,
    } = this.deps;
    const athlete = await athletes.findById(athleteId);
    if (!athlete) throw Errors.notFound('no such athlete');
    // search_text is the handle and name again, folded for search: nothing of the athlete's own.
    const {
      password_hash: _hash,
      privacy_secret: _secret,
      search_text: _search,
      ...profile
    } = athlete;
    const [zones, following, followers, originals, social] = await Promise.all([
      privacy.zones(athleteId),
      follows.allHandles(athleteId, 'following'),
      follows.allHandles(athleteId, 'followers'),
      uploads.originalsOf(athleteId),
      this.deps.social.exportOf(athleteId),
    ]);
    const privacyZones = zones.map(({ id, lat, lng, radius_m, created_at }) => ({
      id,
      lat,
      lng,
      radius_m,
      created_at,
    }));
    const activitiesOf = () => activities.ownedBy(athleteId, undefined, this.deps.pageSize);
    async function* entries(): AsyncGenerator<ZipEntry> {
      yield {
        name: 'profile.json',
        chunks: [json({ athlete: profile, privacy_zones: privacyZones, following, followers })],
      };
      yield { name: 'activities.json', chunks: activitiesJson(activitiesOf()) };
      const photoList: unknown[] = [];
      for await (const row of activitiesOf()) {
        const track = await reads.loadTrack(row);
        if (track?.length) {
          yield {
            name: `activities/${row.id}.gpx`,
            chunks: [exportActivity(row, track, 'gpx').bytes],
          };
        }
        let n = 0;
        for await (const photo of photos.largeOf(row.id)) {
          const { id, activity_id, caption, width, height, created_at } = photo.row;
          const file = `photos/${row.id}/${String(++n).padStart(2, '0')}-${id}.jpg`;
          photoList.push({ id, activity_id, file, caption, width, height, created_at });
          yield { name: file, chunks: [photo.bytes] };
        }
      }
      yield { name: 'photos.json', chunks: [json(photoList)] };
      yield { name: 'social.json', chunks: [json(social)] };
      if (notificationsOf)
        yield { name: 'notifications.json', chunks: [json(await notificationsOf()(athleteId))] };
      for (const u of originals) {
        const bytes = await blobs.get(u.blob_key);
        const safe = (u.file_name ?? 'file').replace(/[^A-Za-z0-9._-]+/g, '_');
        if (bytes) yield { name: `originals/${u.id}-${safe}`, chunks: [bytes] };
      }
    }
    return zipStream(entries());
  }

  /**
   * Deletes the account after checking the password: every row (by cascade) and every blob
   * (an activity's photos are kept under its prefix, so they go with it).
   */
  async delete(athleteId: string, password: string): Promise<void> {
    const { athletes, uploads, activities, events, blobs } = this.deps;
    const athlete = await athletes.findById(athleteId);
    if (!athlete) throw Errors.notFound('no such athlete');
    if (!(await checkPassword(athlete.password_hash, password))) {
      throw Errors.invalidCredentials('the password is wrong; the account was not deleted');
    }
    // Rows first (one statement, cascading): if blob removal is interrupted, nothing points at
    // the leftovers and nothing of the athlete is served any more. Change listeners hear of
    // every activity going, in the same transaction.
    const { activityIds, uploadIds } = await athletes.transaction(async (tx) => {
      const activityIds: string[] = [];
      for await (const a of activities.ownedBy(athleteId, tx, this.deps.pageSize)) {
        await events.emit('activity.changed', tx, a, undefined);
        activityIds.push(a.id);
      }
      const uploadIds = await uploads.idsOf(athleteId, tx);
      // Their kudos and comments on others' activities leave those activities' counts too.
      await this.deps.social.forgetAthlete(tx, athleteId);
      await athletes.delete(tx, athleteId);
      return { activityIds, uploadIds };
    });
    // Their follows went with the account (cascade): nothing kept about them may outlive it.
    this.deps.follows.forget();
    await this.deps.sessions?.accountDeleted(athleteId);
    for (const id of activityIds) await blobs.deletePrefix(`activities/${id}/`);
    for (const id of uploadIds) await blobs.deletePrefix(`uploads/${id}/`);
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
