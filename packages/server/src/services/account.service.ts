import { verify } from '@node-rs/argon2';
import { zipSync } from 'fflate';
import type { Kysely } from 'kysely';
import type { BlobStore } from '../adapters/blobs/blob-store.js';
import type { Database } from '../db/schema.js';
import { Errors } from '../errors.js';
import { ActivityChanges } from './activity-changes.js';
import { exportActivity } from './activity-compute.js';
import type { ActivityReadService } from './activity-read.service.js';

/**
 * The athlete's data rights: a complete export of what Stride holds about them, and deletion
 * of the account with every row and blob.
 */
export class AccountService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly blobs: BlobStore,
    private readonly reads: ActivityReadService,
    private readonly changes: ActivityChanges = new ActivityChanges(),
  ) {}

  /**
   * A zip: `profile.json` (account, settings, privacy zones, follows), `activities.json`
   * (every activity's summary and details), `activities/<id>.gpx` for each recorded track, and
   * `originals/` with every file the athlete uploaded, as uploaded.
   */
  async export(athleteId: string): Promise<Uint8Array> {
    const athlete = await this.db
      .selectFrom('athletes')
      .selectAll()
      .where('id', '=', athleteId)
      .executeTakeFirst();
    if (!athlete) throw Errors.notFound('no such athlete');
    const { password_hash: _hash, privacy_secret: _secret, ...profile } = athlete;
    const [zones, following, followers, activities, uploads] = await Promise.all([
      this.db
        .selectFrom('privacy_zones')
        .select(['id', 'lat', 'lng', 'radius_m', 'created_at'])
        .where('athlete_id', '=', athleteId)
        .execute(),
      this.db
        .selectFrom('follows')
        .innerJoin('athletes', 'athletes.id', 'follows.followee_id')
        .select(['athletes.handle', 'follows.created_at'])
        .where('follower_id', '=', athleteId)
        .execute(),
      this.db
        .selectFrom('follows')
        .innerJoin('athletes', 'athletes.id', 'follows.follower_id')
        .select(['athletes.handle', 'follows.created_at'])
        .where('followee_id', '=', athleteId)
        .execute(),
      this.db
        .selectFrom('activities')
        .selectAll()
        .where('athlete_id', '=', athleteId)
        .orderBy('started_at')
        .execute(),
      this.db
        .selectFrom('uploads')
        .selectAll()
        .where('athlete_id', '=', athleteId)
        .where('status', '!=', 'duplicate')
        .execute(),
    ]);
    const files: Record<string, Uint8Array> = {};
    const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v, null, 2));
    files['profile.json'] = json({ athlete: profile, privacy_zones: zones, following, followers });
    files['activities.json'] = json(
      activities.map(({ streams_key: _k, file_hash: _h, ...a }) => a),
    );
    for (const row of activities) {
      const track = await this.reads.loadTrack(row);
      if (track?.length)
        files[`activities/${row.id}.gpx`] = exportActivity(row, track, 'gpx').bytes;
    }
    for (const u of uploads) {
      const bytes = await this.blobs.get(u.blob_key);
      if (bytes)
        files[`originals/${u.id}-${(u.file_name ?? 'file').replace(/[^A-Za-z0-9._-]+/g, '_')}`] =
          bytes;
    }
    return zipSync(files, { level: 6 });
  }

  /** Deletes the account after checking the password: every row (by cascade) and every blob. */
  async delete(athleteId: string, password: string): Promise<void> {
    const athlete = await this.db
      .selectFrom('athletes')
      .select(['password_hash'])
      .where('id', '=', athleteId)
      .executeTakeFirst();
    if (!athlete) throw Errors.notFound('no such athlete');
    if (!(await verify(athlete.password_hash, password).catch(() => false))) {
      throw Errors.invalidCredentials('the password is wrong; the account was not deleted');
    }
    // Rows first (one statement, cascading): if blob removal is interrupted, nothing points at
    // the leftovers and nothing of the athlete is served any more. Change listeners hear of
    // every activity going, in the same transaction.
    const { activities, uploads } = await this.db.transaction().execute(async (tx) => {
      const [activities, uploads] = await Promise.all([
        tx.selectFrom('activities').selectAll().where('athlete_id', '=', athleteId).execute(),
        tx.selectFrom('uploads').select('id').where('athlete_id', '=', athleteId).execute(),
      ]);
      for (const a of activities) await this.changes.emit(tx, a, undefined);
      await tx.deleteFrom('athletes').where('id', '=', athleteId).execute();
      return { activities, uploads };
    });
    for (const a of activities) await this.blobs.deletePrefix(`activities/${a.id}/`);
    for (const u of uploads) await this.blobs.deletePrefix(`uploads/${u.id}/`);
  }
}
