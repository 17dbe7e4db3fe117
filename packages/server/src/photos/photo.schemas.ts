import { type Static, Type } from 'typebox';
import type { ActivityPhotoRow } from '../platform/db/schema.js';
import { photoUrl } from './photo.service.js';
import { PHOTO_SIZES } from './photo-image.js';

const url = (size: keyof typeof PHOTO_SIZES) =>
  Type.String({
    description: `path on this server of the ${size} size (JPEG, long edge at most ${PHOTO_SIZES[size]} px); send the same token as for the activity`,
  });

export const Photo = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    activity_id: Type.String({ format: 'uuid' }),
    width: Type.Integer({ description: 'of the large size, in pixels, upright' }),
    height: Type.Integer({ description: 'of the large size, in pixels, upright' }),
    caption: Type.Union([Type.String(), Type.Null()]),
    urls: Type.Object({ large: url('large'), thumb: url('thumb') }),
    created_at: Type.String({ format: 'date-time' }),
  },
  {
    description:
      'a photo of an activity, turned upright, with no metadata left in it (no EXIF, no GPS position)',
  },
);

export const PhotoList = Type.Object({
  items: Type.Array(Photo, { description: 'in the order they were added' }),
});

export const PhotoSizeParam = Type.Union([Type.Literal('large'), Type.Literal('thumb')]);

export function presentPhoto(p: ActivityPhotoRow): Static<typeof Photo> {
  return {
    id: p.id,
    activity_id: p.activity_id,
    width: p.width,
    height: p.height,
    caption: p.caption,
    urls: {
      large: photoUrl(p.activity_id, p.id, 'large'),
      thumb: photoUrl(p.activity_id, p.id, 'thumb'),
    },
    created_at: p.created_at.toISOString(),
  };
}
