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

/**
 * The photos of a form, one at a time as they stream in (the next is read once the previous
 * was handled). Every way a form can be wrong is a 4xx naming it.
 */
export async function* photoParts(request: FastifyRequest): AsyncGenerator<Uint8Array> {
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file' || part.fieldname !== 'file')
        throw Errors.validation(`send each photo in a "file" part, not "${part.fieldname}"`, {
          fields: [{ field: 'file', message: 'is the only part accepted' }],
        });
      const bytes = await part.toBuffer();
      yield new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw photoTooLarge();
    if (code === 'FST_FILES_LIMIT')
      throw Errors.unprocessable(`an activity holds at most ${MAX_PHOTOS} photos`);
    if (code === 'FST_FIELDS_LIMIT')
      throw Errors.validation('the form has a text field: send only "file" parts', {
        fields: [{ field: 'file', message: 'is the only part accepted' }],
      });
    throw Errors.badRequest(
      'the form could not be read: it is not well-formed multipart/form-data, ends too soon, ' +
        `or has more than ${PHOTO_FORM_LIMITS.parts} parts`,
    );
  }
}
