/**
 * Inputs and checks for the API fuzz suite: URL encoding (broken on purpose), raw multipart
 * forms, fast-check arbitraries for odd JSON and query values, and what a good answer is.
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import type { Operation } from './openapi-cases.js';

/** A page cursor of any key, made as the server makes its own. */
export const cursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

/** Percent-encodes a URL part; a lone surrogate goes as the invalid UTF-8 it would be. */
export const encode = (value: string) =>
  Array.from(value, (ch) =>
    /^[\ud800-\udfff]$/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch),
  ).join('');
/** Percent-encoding no decoder accepts. */
export const BROKEN_ENCODINGS = ['%', '%E0%A4%A', '%FF', '%ED%A0%80', '%00'];

/** One request to send, and what its answer must show. */
export interface Probe {
  label: string;
  op: Operation;
  path?: Record<string, string>;
  rawPath?: string;
  query?: string;
  body?: string | Buffer;
  contentType?: string;
  authorization?: string;
  /** The field a validation 400 must name. */
  field?: string;
  /** The route checks the field itself, after sign-in: anonymous callers get a 401 first. */
  afterSignIn?: boolean;
}

/**
 * What is wrong with an answer (nothing, if fine): a 5xx; a 4xx that is not the error shape or
 * has an empty message; a refusal that does not name the field it should.
 */
export function problemsOf(probe: Probe, res: LightMyRequestResponse): string[] {
  const out: string[] = [];
  const where = `${probe.op.key} ${probe.label} → ${res.statusCode} ${res.body.slice(0, 240)}`;
  if (res.statusCode >= 500) return [where];
  let error: { code?: unknown; message?: unknown; details?: { fields?: { field: string }[] } };
  if (res.statusCode >= 400) {
    try {
      error = res.json().error;
    } catch {
      return [`${where} (not JSON)`];
    }
    if (!error || typeof error.code !== 'string' || typeof error.message !== 'string')
      return [`${where} (not the error shape)`];
    if (!error.message.trim()) out.push(`${where} (empty message)`);
    const extra = Object.keys(error).filter((k) => !['code', 'message', 'details'].includes(k));
    if (extra.length) out.push(`${where} (extra keys ${extra})`);
  }
  const signInFirst = probe.afterSignIn && probe.op.secured && !probe.authorization;
  if (signInFirst && res.statusCode !== 401) out.push(`${where} (expected a 401)`);
  if (probe.field && !signInFirst) {
    const field = probe.field;
    const named = (res.statusCode === 400 && error!.details?.fields) || [];
    if (!named.some((f) => f.field === field || f.field.startsWith(`${field}.`)))
      out.push(`${where} (expected a 400 naming ${field})`);
  }
  return out;
}

/** A multipart body from raw parts (each with its own headers), closed or not. */
export function form(parts: Array<{ headers: string; bytes: Uint8Array | string }>, close = true) {
  const boundary = 'stridefuzzboundary';
  const chunks = parts.flatMap((p) => [
    Buffer.from(`--${boundary}\r\n${p.headers}\r\n\r\n`),
    Buffer.from(p.bytes),
    Buffer.from('\r\n'),
  ]);
  if (close) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    body: Buffer.concat(chunks),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
export const filePart = (bytes: Uint8Array | string, name = 'file', filename = 'run.gpx') => ({
  headers: `Content-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: application/octet-stream`,
  bytes,
});
export const fieldPart = (name: string, value: string) => ({
  headers: `Content-Disposition: form-data; name="${name}"`,
  bytes: value,
});

/** JSON text, valid or not quite: odd numbers, NUL, unicode, nesting, stray types. */
const leaf = fc.oneof(
  fc.constantFrom('1e309', '-1e309', '-0', '5e-324', '1e-400', '9007199254740993', '1e21'),
  fc.constantFrom('"\\u0000"', '""', 'null', 'true', 'false', '{}', '[]', '"NaN"', '"1e309"'),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
  fc.integer().map(String),
  fc.string({ unit: 'binary', maxLength: 30 }).map((v) => JSON.stringify(v)),
  fc.string({ unit: 'grapheme', maxLength: 30 }).map((v) => JSON.stringify(v)),
);
export const { json } = fc.letrec<{ json: string }>((tie) => ({
  json: fc.oneof(
    { maxDepth: 3 },
    leaf,
    fc.array(tie('json'), { maxLength: 4 }).map((a) => `[${a.join(',')}]`),
    fc
      .array(fc.tuple(fc.string({ maxLength: 8 }), tie('json')), { maxLength: 4 })
      .map((es) => `{${es.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
}));
export const queryValue = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom('1e309', '-1e309', 'NaN', '', 'true', '-0', '0x10', ' 1 ', '1,2'),
);
export const pathValue = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.uuid(),
  fc.constantFrom('..', '.', '%', '00000000-0000-0000-0000-000000000000'),
);
