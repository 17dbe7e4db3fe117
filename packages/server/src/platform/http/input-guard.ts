import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalidField } from '../errors.js';

/**
 * What JSON Schema lets through but no column can hold: ±Infinity, which validation makes of
 * "1e309" when it coerces a string to a number (Ajv skips the bounds of a non-finite number),
 * and NUL characters, which PostgreSQL text refuses. Found here, the 400 names the field
 * instead of the database failing the request.
 */
function unstorable(value: unknown, field: string): { field: string; message: string } | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? undefined : { field, message: 'must be a finite number' };
  if (typeof value === 'string')
    return value.includes('\u0000')
      ? { field, message: 'must not contain NUL characters' }
      : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorable(value[i], `${field}.${i}`);
      if (found) return found;
    }
    return undefined;
  }
  // Parsed JSON, query and params; a Buffer or a stream body is not walked.
  if (value !== null && typeof value === 'object') {
    if (ArrayBuffer.isView(value) || typeof (value as { pipe?: unknown }).pipe === 'function')
      return undefined;
    for (const [key, item] of Object.entries(value)) {
      const found = unstorable(item, `${field}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** Refuses, after validation and before any handler or sign-in check, input no column can store. */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preHandler', async (request: FastifyRequest) => {
    const parts = [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const;
    for (const [name, value] of parts) {
      const found = unstorable(value, name);
      if (found) throw invalidField(found.field, found.message);
    }
  });
}
