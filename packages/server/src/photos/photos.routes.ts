import multipart from '@fastify/multipart';
import type {
  FastifyPluginAsyncTypebox,
  TypeBoxTypeProvider,
} from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Errors } from '../platform/errors.js';
import { errorResponses } from '../platform/http/schemas.js';
import { Photo, PhotoList, PhotoSizeParam, presentPhoto } from './photo.schemas.js';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, type PhotoService } from './photo.service.js';
import { PHOTO_FORM_LIMITS, PhotoForm, photoParts, photoTooLarge } from './photo-form.js';
import { PHOTO_CONTENT_TYPE } from './photo-image.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const PhotoId = Type.Object({
  id: Type.String({ format: 'uuid' }),
  photoId: Type.String({ format: 'uuid' }),
});
const WHO =
  'Seen by exactly who may see the activity (404 for anyone else, as for the activity itself).';
const OWNER =
  'The activity’s owner only: 404 when you may not see the activity, 403 when you may see it ' +
  'but it is not yours.';

/**
 * A photo's size never changes under its id: kept for good, but privately, and per token, so
 * another athlete signed in on the same browser asks the server again.
 */
function sendImage(
  request: FastifyRequest,
  reply: FastifyReply,
  bytes: Uint8Array,
  etag: string,
): FastifyReply {
  reply
    .header('cache-control', 'private, max-age=31536000, immutable')
    .header('etag', etag)
    .header('vary', 'authorization');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply
    .type(PHOTO_CONTENT_TYPE)
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** Photos of an activity: added and removed by its owner, seen by whoever may see it. */
export const photoRoutes: FastifyPluginAsyncTypebox<{ photos: PhotoService }> = async (
  app,
  { photos },
) => {
  const security = [{ bearerAuth: [] }];

  // Reads are open to anyone for public activities; a token, when sent, identifies the viewer.
  app.register(async (scope) => {
    const pub = scope.withTypeProvider<TypeBoxTypeProvider>();
    pub.addHook('preHandler', pub.optionalAuthenticate);

    pub.get(
      '/:id/photos',
      {
        schema: {
          tags: ['photos'],
          summary: 'The photos of an activity, in order, with the paths of their sizes',
          description: WHO,
          params: Id,
          response: { 200: PhotoList, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => {
        const rows = await photos.list(request.athleteId || undefined, request.params.id);
        return { items: rows.map(presentPhoto) };
      },
    );

    pub.get(
      '/:id/photos/:photoId/:size',
      {
        schema: {
          tags: ['photos'],
          summary: 'One size of a photo (JPEG): large (1600 px long edge) or thumb (400 px)',
          description: `${WHO} A photo's bytes never change: the answer may be kept (privately) for good.`,
          params: Type.Object({ ...PhotoId.properties, size: PhotoSizeParam }),
          response: {
            200: {
              description: 'the JPEG',
              content: { [PHOTO_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
            },
            ...errorResponses(400, 401, 404),
          },
        },
      },
      async (request, reply) => {
        const { id, photoId, size } = request.params;
        const bytes = await photos.image(request.athleteId || undefined, id, photoId, size);
        return sendImage(request, reply, bytes, `"${photoId}-${size}"`);
      },
    );
  });

  app.register(async (scope) => {
    const priv = scope.withTypeProvider<TypeBoxTypeProvider>();
    priv.addHook('preHandler', priv.authenticate);

    priv.patch(
      '/:id/photos/:photoId',
      {
        schema: {
          tags: ['photos'],
          summary: 'Change the caption of a photo',
          description: OWNER,
          security,
          params: PhotoId,
          body: Type.Object({
            caption: Type.Union([Type.String({ maxLength: 500 }), Type.Null()], {
              description: 'up to 500 characters; null or blank removes it',
            }),
          }),
          response: { 200: Photo, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        presentPhoto(
          await photos.setCaption(
            request.athleteId,
            request.params.id,
            request.params.photoId,
            request.body.caption,
          ),
        ),
    );

    priv.delete(
      '/:id/photos/:photoId',
      {
        schema: {
          tags: ['photos'],
          summary: 'Delete a photo',
          description: OWNER,
          security,
          params: PhotoId,
          response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        await photos.delete(request.athleteId, request.params.id, request.params.photoId);
        return reply.status(204).send(null);
      },
    );
  });

  app.register(async (scope) => {
    const form = scope.withTypeProvider<TypeBoxTypeProvider>();
    await form.register(multipart, { limits: PHOTO_FORM_LIMITS });
    form.addHook('preHandler', form.authenticate);
    // A form refused before its end was read leaves the rest in the connection, where the next
    // request on that keep-alive socket would wait behind it: answer, then close it.
    form.addHook('onSend', async (request, reply) => {
      if (!request.raw.complete) reply.header('connection', 'close');
    });

    form.post(
      '/:id/photos',
      {
        config: {
          // Fastify would validate a body schema against the unparsed stream; the document shows it.
          swaggerTransform: ({ schema, url }) => ({ schema: { ...schema, body: PhotoForm }, url }),
        },
        // Refuse what cannot fit from its declared length, before reading it.
        onRequest: async (request) => {
          const length = Number(request.headers['content-length']);
          if (Number.isFinite(length) && length > MAX_PHOTOS * (MAX_PHOTO_BYTES + 64 * 1024))
            throw photoTooLarge();
        },
        schema: {
          tags: ['photos'],
          summary: 'Add photos to my activity (multipart, one or more "file" parts)',
          description:
            `${OWNER} JPEG, PNG, WebP, AVIF or HEIC (converted to JPEG; a HEIC coded in HEVC ` +
            'is refused with a 415 when this server’s image library cannot decode HEVC: export ' +
            `it as JPEG), up to ${MAX_PHOTO_BYTES / 1024 / 1024} MB each, up to ${MAX_PHOTOS} ` +
            'per activity. Each photo is turned upright from its EXIF orientation, then every ' +
            'piece of metadata is removed (EXIF, GPS position, XMP, IPTC), and only a large ' +
            'and a thumb size are kept: the file sent is not. All the photos of a request are ' +
            'added, or none: 415 for a file that is not a photo, 413 for one too large, 422 ' +
            'for one too many or a damaged photo.',
          security,
          consumes: ['multipart/form-data'],
          params: Id,
          response: { 201: PhotoList, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart())
          throw Errors.unsupportedMediaType(
            'send the photos as multipart/form-data, each in a "file" part',
          );
        const rows = await photos.add(request.athleteId, request.params.id, photoParts(request));
        reply.status(201);
        return { items: rows.map(presentPhoto) };
      },
    );
  });
};
