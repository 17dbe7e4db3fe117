import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import type { UploadRow } from '../platform/db/schema.js';
import { Errors } from '../platform/errors.js';
import { errorResponses } from '../platform/http/schemas.js';
import type { UploadService } from './upload.service.js';
import { FORM_LIMITS, readUploadForm, UploadForm } from './upload-form.js';

const count = (description: string) => Type.Integer({ minimum: 0, description });
const ArchiveCounts = Type.Object(
  {
    files: count('activity files found in the archive so far'),
    ready: count('imported as new activities'),
    duplicate: count('already there (same file, or same start and distance)'),
    error: count('could not be imported'),
    queued: count('waiting or being processed'),
  },
  { description: 'how the activity files of an archive are doing' },
);

const Upload = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Union([Type.Literal('file'), Type.Literal('archive')], {
    description:
      'file: one activity file; archive: a ZIP of them (such as a Strava account export), ' +
      'each of whose files becomes an upload of its own',
  }),
  status: Type.Union(
    [
      Type.Literal('queued'),
      Type.Literal('processing'),
      Type.Literal('ready'),
      Type.Literal('duplicate'),
      Type.Literal('error'),
    ],
    {
      description:
        'queued → processing → ready | duplicate | error. An archive is ready once its files ' +
        'are read out (see counts for their progress), or error when it is refused.',
    },
  ),
  activity_id: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
    description: 'the new activity when ready; the existing one when duplicate',
  }),
  activity_ids: Type.Array(Type.String({ format: 'uuid' }), {
    description:
      "every activity of the file, in the file's order, new or found to be a duplicate: a " +
      'multisport file (swim, transition, bike, transition, run) makes one per session',
  }),
  error: Type.Union([Type.String(), Type.Null()], { description: 'why the file was refused' }),
  warnings: Type.Array(Type.String(), {
    description:
      'what processing recovered from or repaired: a damaged file read anyway (e.g. a FIT ' +
      'file whose checksum is wrong), records skipped, impossible values dropped',
  }),
  file_name: Type.Union([Type.String(), Type.Null()]),
  external_id: Type.Union([Type.String(), Type.Null()]),
  archive_id: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
    description: 'the archive this file was read from',
  }),
  counts: Type.Union([ArchiveCounts, Type.Null()], { description: 'archives only' }),
  created_at: Type.String({ format: 'date-time' }),
});

const present = (u: UploadRow, counts: Static<typeof ArchiveCounts> | null) => ({
  id: u.id,
  kind: u.kind,
  status: u.status,
  activity_id: u.activity_id,
  // Uploads processed before files could hold several activities list none: their one is `activity_id`.
  activity_ids: u.activity_ids?.length ? u.activity_ids : u.activity_id ? [u.activity_id] : [],
  error: u.error,
  warnings: u.warnings ?? [],
  file_name: u.file_name,
  external_id: u.external_id,
  archive_id: u.parent_id,
  counts,
  created_at: u.created_at.toISOString(),
});

/**
 * File uploads: GPX, TCX or FIT (optionally gzip-compressed), or a ZIP archive of them,
 * processed in the background.
 */
export const uploadRoutes: FastifyPluginAsyncTypebox<{
  uploads: UploadService;
  maxUploadBytes: number;
}> = async (app, { uploads, maxUploadBytes }) => {
  const max = maxUploadBytes;
  const security = [{ bearerAuth: [] }];
  await app.register(multipart, {
    limits: { fileSize: max, ...FORM_LIMITS },
  });
  app.addHook('preHandler', app.authenticate);
  // A form refused before its end was read (too many fields, a file too large, not signed
  // in…) leaves the rest of it in the connection, where the next request on that keep-alive
  // socket would wait behind it forever: answer, then close the connection.
  app.addHook('onSend', async (request, reply) => {
    if (!request.raw.complete) reply.header('connection', 'close');
  });

  app.post(
    '/',
    {
      // Fastify would validate a body schema against the unparsed stream; show it only to the document.
      config: {
        swaggerTransform: ({ schema, url }) => ({ schema: { ...schema, body: UploadForm }, url }),
      },
      // Refuse an oversized body from its declared length, before reading it.
      onRequest: async (request) => {
        const length = Number(request.headers['content-length']);
        if (Number.isFinite(length) && length > max + 64 * 1024) {
          throw Errors.payloadTooLarge(`files up to ${Math.floor(max / 1048576)} MiB are accepted`);
        }
      },
      schema: {
        tags: ['uploads'],
        summary:
          'Upload a GPX, TCX or FIT file (or .gz), or a ZIP of them; poll the upload until it is ready',
        description:
          'multipart/form-data with a `file` part and optional fields name, description, sport_type, ' +
          'visibility (everyone | followers | only_me) and external_id. Answers 202 at once; the file ' +
          'is processed in the background. A ZIP archive (such as a Strava account export, whose ' +
          'activities.csv gives each activity its name, description and sport) is answered with ' +
          'kind "archive": each activity file in it becomes an upload of its own, counted in ' +
          '`counts`; visibility applies to all of them, the other fields to none. A form that cannot ' +
          'be read, or a field that breaks its rule, is a 400; a file that is none of these, a 415.',
        security,
        consumes: ['multipart/form-data'],
        response: { 202: Upload, ...errorResponses(400, 401, 413, 415) },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw Errors.unsupportedMediaType(
          'send the file as multipart/form-data with a "file" part',
        );
      }
      const form = await readUploadForm(request, max);
      const upload = await uploads.accept(
        request.athleteId,
        form.bytes,
        form.fileName,
        form.fields,
      );
      reply.status(202);
      return present(upload, await uploads.countsOf(upload));
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['uploads'],
        summary: 'Processing status of one of my uploads',
        security,
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: Upload, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const upload = await uploads.get(request.athleteId, request.params.id);
      return present(upload, await uploads.countsOf(upload));
    },
  );
};
