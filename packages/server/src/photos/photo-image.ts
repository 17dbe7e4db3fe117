import sharp, { type Metadata } from 'sharp';
import { Errors } from '../platform/errors.js';

/** The sizes kept of each photo, by the length of their long edge in pixels. */
export const PHOTO_SIZES = { large: 1600, thumb: 400 } as const;
export type PhotoSize = keyof typeof PHOTO_SIZES;
export const PHOTO_CONTENT_TYPE = 'image/jpeg';

/** sharp's names of the formats accepted (`heif` covers both HEIC and AVIF). */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'heif']);
/** The largest photo phones take is 200 megapixels; beyond this a file is a decompression bomb. */
export const MAX_PIXELS = 250_000_000;
const JPEG = { quality: 82, mozjpeg: true } as const;

export interface PreparedPhoto {
  /** The stored bytes of each size: upright, with no metadata at all. */
  sizes: Record<PhotoSize, Uint8Array>;
  /** Of the large size. */
  width: number;
  height: number;
}

const notAnImage = () =>
  Errors.unsupportedMediaType('this file is not a photo: send JPEG, PNG, WebP, AVIF or HEIC');

/**
 * Turns an uploaded photo into the sizes Stride keeps: turned upright as its EXIF orientation
 * says, scaled to fit the size's long edge (never enlarged), transparency flattened onto white,
 * encoded as JPEG. sharp writes no metadata unless asked to, so EXIF (the GPS position above
 * all: it would reveal what a privacy zone hides), XMP, IPTC and the ICC profile are all left
 * behind (pixels are converted to sRGB first).
 *
 * The work runs on libvips' threads through libuv's pool, never on the event loop, so it is not
 * sent to the compute pool.
 *
 * HEIC: the libvips bundled with sharp reads HEIF with AV1 inside (AVIF) but has no HEVC
 * decoder (patents), and iPhones code HEIC in HEVC: such a photo is refused with a 415 asking
 * for a JPEG. A server whose libvips was built with libde265 converts it.
 */
export async function preparePhoto(bytes: Uint8Array): Promise<PreparedPhoto> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw notAnImage();
  }
  if (!ACCEPTED.has(meta.format))
    throw Errors.unsupportedMediaType(
      `${meta.format.toUpperCase()} images are not accepted: send JPEG, PNG, WebP, AVIF or HEIC`,
    );
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PIXELS)
    throw Errors.payloadTooLarge(
      `photos up to ${MAX_PIXELS / 1_000_000} megapixels are accepted; this one has ` +
        `${Math.round(((meta.width ?? 0) * (meta.height ?? 0)) / 1_000_000)}`,
    );
  try {
    // `failOn: 'error'`: a photo with a recoverable flaw (a stray marker, a short last row) is
    // read as the phone's own gallery reads it; a file cut short is still refused.
    const large = await sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PIXELS })
      .autoOrient()
      .resize(fit(PHOTO_SIZES.large))
      .flatten({ background: '#ffffff' })
      .jpeg(JPEG)
      .toBuffer({ resolveWithObject: true });
    // The thumb is cut from the large size: a small JPEG is decoded far faster than the upload.
    const thumb = await sharp(large.data).resize(fit(PHOTO_SIZES.thumb)).jpeg(JPEG).toBuffer();
    return {
      sizes: { large: bytesOf(large.data), thumb: bytesOf(thumb) },
      width: large.info.width,
      height: large.info.height,
    };
  } catch (error) {
    if (meta.format === 'heif' && meta.compression === 'hevc')
      throw Errors.unsupportedMediaType(
        'this HEIC photo is coded in HEVC, which this server cannot read: export it as JPEG ' +
          '(on an iPhone: Settings › Camera › Formats › Most Compatible)',
      );
    throw Errors.unprocessable(
      `this ${meta.format.toUpperCase()} photo could not be read: ${firstLine(error)}`,
    );
  }
}

const fit = (edge: number) =>
  ({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true }) as const;

const bytesOf = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** libvips' message, first line only (the rest lists its internal seeks). */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l && !l.startsWith('source:')) ?? 'it is damaged'
  );
}
