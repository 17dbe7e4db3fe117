import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { SportType } from '../activities/activity.schemas.js';
import { AppError, Errors, invalidField } from '../platform/errors.js';
import { Visibility } from '../platform/http/schemas.js';
import type { UploadRequest } from './upload.service.js';

const FIELDS = ['name', 'description', 'sport_type', 'visibility', 'external_id'] as const;
/** Text parts' size limit, in bytes: the parser cuts longer values, and the route refuses them. */
export const FIELD_BYTES = 2000;
export const FORM_LIMITS = { files: 1, fields: FIELDS.length, fieldSize: FIELD_BYTES, parts: 10 };

const Text = (description: string, maxLength = FIELD_BYTES) =>
  Type.Optional(Type.String({ maxLength, description }));

/** The form, for the API document: the route reads the parts itself, as they stream in. */
export const UploadForm = Type.Object({
  file: Type.String({
    format: 'binary',
    description: 'the GPX, TCX or FIT file, a gzip of one, or a ZIP of them',
  }),
  name: Text('the activity’s name (else the file’s, or one made from sport and time)', 200),
  description: Text(`up to ${FIELD_BYTES} bytes`),
  sport_type: Type.Optional(SportType),
  visibility: Type.Optional(Visibility),
  external_id: Text('your own id for the file, echoed back on the upload'),
});

const VISIBILITIES = ['everyone', 'followers', 'only_me'];

/** What is wrong with a text part, by the rules the JSON routes apply to the same fields. */
function fieldProblem(name: string, value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  if (name === 'name' && value.length > 200) return 'must be at most 200 characters';
  if (name === 'sport_type' && value && !/^[A-Za-z]{1,40}$/.test(value))
    return 'must be up to 40 letters, as Strava’s sport_type (Run, Ride, Hike…)';
  if (name === 'visibility' && value && !VISIBILITIES.includes(value))
    return 'must be everyone, followers or only_me';
  return undefined;
}

// The parser's own refusals, in words; anything else it throws means a malformed form.
const PARSER_PROBLEMS: Record<string, string> = {
  FST_PARTS_LIMIT: `it has more than ${FORM_LIMITS.parts} parts`,
  FST_FILES_LIMIT: 'it has more than one file',
  FST_FIELDS_LIMIT: `it has more than ${FORM_LIMITS.fields} fields`,
};

/**
 * Reads the upload form: exactly one file, in the `file` part, and the known text fields.
 * Every way a form can be wrong is a 4xx naming it; the parser's errors are the client's form,
 * not a failure of the server.
 */
export async function readUploadForm(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; fileName: string | undefined; fields: UploadRequest }> {
  const tooLarge = () =>
    Errors.payloadTooLarge(`files up to ${Math.floor(maxBytes / 1048576)} MiB are accepted`);
  const fields: Record<string, string> = {};
  let file: { bytes: Uint8Array; name: string | undefined } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file)
          throw Errors.validation('send exactly one file, in the "file" part');
        const bytes = await part.toBuffer();
        file = {
          bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          name: part.filename || undefined,
        };
      } else if ((FIELDS as readonly string[]).includes(part.fieldname)) {
        if (part.valueTruncated)
          throw invalidField(part.fieldname, `must be at most ${FIELD_BYTES} bytes`);
        fields[part.fieldname] = String(part.value).trim();
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    // A file cut off by a limit reached meanwhile surfaces as a premature close: name both.
    const problem =
      PARSER_PROBLEMS[code] ??
      'it is not well-formed multipart/form-data, ends too soon, or has more than ' +
        `${FORM_LIMITS.fields} fields or ${FORM_LIMITS.parts} parts`;
    throw Errors.badRequest(`the form could not be read: ${problem}`);
  }
  if (!file) {
    throw Errors.validation('the "file" part is missing', {
      fields: [{ field: 'file', message: 'is required' }],
    });
  }
  if (file.name?.includes('\u0000'))
    throw invalidField('file', 'must not have NUL characters in its file name');
  for (const [name, value] of Object.entries(fields)) {
    const problem = fieldProblem(name, value);
    if (problem) throw invalidField(name, problem);
  }
  return { bytes: file.bytes, fileName: file.name, fields: fields as UploadRequest };
}
