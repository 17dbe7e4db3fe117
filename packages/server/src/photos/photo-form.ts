import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, Errors } from '../platform/errors.js';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from './photo.service.js';

/**
 * The parser's limits: a file over the size, or more files than an activity holds, stop it. A
 * few text fields get through to be refused by name (with none allowed, the parser's own
 * refusal races the file's part and the form is reported as malformed).
 */
export const PHOTO_FORM_LIMITS = {
  fileSize: MAX_PHOTO_BYTES,
  files: MAX_PHOTOS,
  fields: 5,
  parts: MAX_PHOTOS + 5,
};

const MB = MAX_PHOTO_BYTES / 1024 / 1024;
export const photoTooLarge = () =>
  Errors.payloadTooLarge(`photos up to ${MB} MB each are accepted`);

/** The form, for the API document: the route reads the parts itself, as they stream in. */
export const PhotoForm = Type.Object({
  file: Type.Array(Type.String({ format: 'binary' }), {
    minItems: 1,
    maxItems: MAX_PHOTOS,
    description: `one or more photos, each in a part named "file": JPEG, PNG, WebP, AVIF or HEIC, up to ${MB} MB each`,
  }),
});

/** One photo of the form: its bytes are read when asked for, so a photo refused unread is not. */
export interface PhotoPart {
  read(): Promise<Uint8Array>;
}

/**
 * The photos of a form, one at a time as they stream in (the next part is reached once the
 * previous one was read). Every way a form can be wrong is a 4xx naming it.
 */
export async function* photoParts(request: FastifyRequest): AsyncGenerator<PhotoPart> {
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file' || part.fieldname !== 'file')
        throw Errors.validation(`send each photo in a "file" part, not "${part.fieldname}"`, {
          fields: [{ field: 'file', message: 'is the only part accepted' }],
        });
      yield {
        async read() {
          try {
            const bytes = await part.toBuffer();
            return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
          } catch (error) {
            throw formError(error);
          }
        },
      };
    }
  } catch (error) {
    throw formError(error);
  }
}

/** The parser's refusals, in words; anything else it throws means a malformed form. */
function formError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'FST_REQ_FILE_TOO_LARGE') return photoTooLarge();
  if (code === 'FST_FILES_LIMIT')
    return Errors.unprocessable(`an activity holds at most ${MAX_PHOTOS} photos`);
  if (code === 'FST_FIELDS_LIMIT')
    return Errors.validation('the form has text fields: send only "file" parts', {
      fields: [{ field: 'file', message: 'is the only part accepted' }],
    });
  return Errors.badRequest(
    'the form could not be read: it is not well-formed multipart/form-data, ends too soon, ' +
      `or has more than ${PHOTO_FORM_LIMITS.parts} parts`,
  );
}
