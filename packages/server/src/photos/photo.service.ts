import { randomUUID } from 'node:crypto';
import type { ActivityService } from '../activities/activity.service.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import type { ActivityPhotoRow } from '../platform/db/schema.js';
import { Errors } from '../platform/errors.js';
import type { PhotoRepository } from './photo.repository.js';
import {
  PHOTO_CONTENT_TYPE,
  PHOTO_SIZES,
  type PhotoSize,
  type PreparedPhoto,
  preparePhoto,
} from './photo-image.js';

/** Photos one activity may have. */
export const MAX_PHOTOS = 20;
/** Bytes one uploaded photo may have (a phone's photo is 2–12 MB). */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;

const SIZES = Object.keys(PHOTO_SIZES) as PhotoSize[];

/**
 * Where a photo's sizes are kept: under its activity's prefix, so that deleting the activity
 * (ActivityReadService.delete) or the account (AccountService.delete), which remove every blob
 * under `activities/<id>/`, removes its photos with it; their rows go by cascade.
 */
export const photoPrefix = (activityId: string, photoId: string) =>
  `activities/${activityId}/photos/${photoId}/`;

/** The API path of one size of a photo. */
export const photoUrl = (activityId: string, photoId: string, size: PhotoSize) =>
  `/api/v1/activities/${activityId}/photos/${photoId}/${size}`;

/** What lists and the feed show of an activity's photos. */
export interface PhotoSummary {
  photo_count: number;
  /** The first photo's thumb. */
  first_photo: string | null;
}

const tooMany = (existing: number) =>
  Errors.unprocessable(
    `an activity holds at most ${MAX_PHOTOS} photos; this one has ${existing}` +
      (existing < MAX_PHOTOS ? `, so ${MAX_PHOTOS - existing} more can be added` : ''),
  );

/**
 * Photos on activities: added by the activity's owner, seen by exactly who may see the activity
 * (ActivityService.viewableMeta: 404 otherwise). Only the sizes are stored, never the upload.
 */
export class PhotoService {
  constructor(
    private readonly photos: PhotoRepository,
    private readonly activities: ActivityService,
    private readonly blobs: BlobStore,
  ) {}

  /**
   * Adds the photos `files` yields, read one at a time (so at most one upload is in memory),
   * all or none: a file refused refuses the request and nothing of it is kept. A photo beyond
   * the activity's room is refused before its bytes are read.
   */
  async add(
    athleteId: string,
    activityId: string,
    files: AsyncIterable<{ read(): Promise<Uint8Array> }>,
  ): Promise<ActivityPhotoRow[]> {
    await this.owned(athleteId, activityId);
    const existing = await this.photos.count(activityId);
    if (existing >= MAX_PHOTOS) throw tooMany(existing);
    const prepared: PreparedPhoto[] = [];
    for await (const file of files) {
      if (existing + prepared.length >= MAX_PHOTOS) throw tooMany(existing);
      const bytes = await file.read();
      if (!bytes.length)
        throw Errors.validation('a photo is empty', {
          fields: [{ field: 'file', message: 'is empty' }],
        });
      prepared.push(await preparePhoto(bytes));
    }
    if (!prepared.length)
      throw Errors.validation('send one or more photos, each in a "file" part', {
        fields: [{ field: 'file', message: 'is required' }],
      });
    return this.store(athleteId, activityId, prepared);
  }

  /**
   * Writes the sizes, then the rows under the activity's lock, so two uploads at once cannot
   * pass the limit together, and an activity deleted meanwhile gets no rows. When the rows
   * cannot be written the sizes go again: no blob is left that nothing points at.
   */
  private async store(
    athleteId: string,
    activityId: string,
    prepared: PreparedPhoto[],
  ): Promise<ActivityPhotoRow[]> {
    const ids = prepared.map(() => randomUUID());
    try {
      await Promise.all(
        ids.flatMap((id, i) =>
          SIZES.map((size) =>
            this.blobs.put(
              photoPrefix(activityId, id) + size,
              prepared[i]!.sizes[size],
              PHOTO_CONTENT_TYPE,
            ),
          ),
        ),
      );
      return await this.photos.transaction(async (tx) => {
        const activity = await this.activities.lockForUpdate(tx, activityId);
        if (activity?.athlete_id !== athleteId) throw Errors.notFound('no such activity');
        const count = await this.photos.count(activityId, tx);
        if (count + prepared.length > MAX_PHOTOS) throw tooMany(count);
        return this.photos.append(
          tx,
          prepared.map((p, i) => ({
            id: ids[i]!,
            activity_id: activityId,
            athlete_id: athleteId,
            width: p.width,
            height: p.height,
          })),
        );
      });
    } catch (error) {
      await Promise.all(
        ids.map((id) => this.blobs.deletePrefix(photoPrefix(activityId, id)).catch(() => {})),
      );
      throw error;
    }
  }

  /** The activity's photos, in order, if `viewerId` may see the activity (404 otherwise). */
  async list(viewerId: string | undefined, activityId: string): Promise<ActivityPhotoRow[]> {
    await this.activities.viewableMeta(viewerId, activityId);
    return this.photos.ofActivity(activityId);
  }

  /**
   * One size of a photo, if `viewerId` may see its activity. Read by key, without the row: the
   * key holds the activity's id, so a photo is only found under its own activity, and its
   * sizes are deleted before its row (a photo being deleted is never served once it is gone).
   */
  async image(
    viewerId: string | undefined,
    activityId: string,
    photoId: string,
    size: PhotoSize,
  ): Promise<Uint8Array> {
    await this.activities.viewableMeta(viewerId, activityId);
    const bytes = await this.blobs.get(photoPrefix(activityId, photoId) + size);
    if (!bytes) throw Errors.notFound('no such photo');
    return bytes;
  }

  async setCaption(
    athleteId: string,
    activityId: string,
    photoId: string,
    caption: string | null,
  ): Promise<ActivityPhotoRow> {
    await this.owned(athleteId, activityId);
    if (!(await this.photos.find(activityId, photoId))) throw Errors.notFound('no such photo');
    const row = await this.photos.setCaption(photoId, caption?.trim() || null);
    if (!row) throw Errors.notFound('no such photo');
    return row;
  }

  /** Removes the photo's sizes, then its row (a retry after a failure finishes the job). */
  async delete(athleteId: string, activityId: string, photoId: string): Promise<void> {
    await this.owned(athleteId, activityId);
    if (!(await this.photos.find(activityId, photoId))) throw Errors.notFound('no such photo');
    await this.blobs.deletePrefix(photoPrefix(activityId, photoId));
    await this.photos.delete(photoId);
  }

  /** Photo count and first thumb of each of these activities (lists and the feed join them). */
  async summariesOf(activityIds: readonly string[]): Promise<Map<string, PhotoSummary>> {
    const counts = await this.photos.countsOf(activityIds);
    return new Map(
      counts.map((c) => [
        c.activity_id,
        { photo_count: c.count, first_photo: photoUrl(c.activity_id, c.first_id, 'thumb') },
      ]),
    );
  }

  /** The activity's photos with their large size, in order (the owner's data export). */
  async *largeOf(activityId: string): AsyncGenerator<{ row: ActivityPhotoRow; bytes: Uint8Array }> {
    for (const row of await this.photos.ofActivity(activityId)) {
      const bytes = await this.blobs.get(`${photoPrefix(activityId, row.id)}large`);
      if (bytes) yield { row, bytes };
    }
  }

  /**
   * The owner may change the activity's photos; anyone else who may see the activity is told
   * it is not theirs (403), and to anyone who may not, it does not exist (404).
   */
  private async owned(athleteId: string, activityId: string): Promise<void> {
    const meta = await this.activities.viewableMeta(athleteId, activityId);
    if (meta.athlete_id !== athleteId)
      throw Errors.forbidden('only the athlete whose activity this is may change its photos');
  }
}
