import { Type } from 'typebox';
import { Errors } from '../errors.js';
import { UUID_PATTERN } from '../ids.js';

/** A page's position: the sort time and id of its last item. */
export interface CursorKey {
  at: Date;
  id: string;
}

// The earliest time PostgreSQL stores (4713 BC): a cursor before it names no row.
const MIN_CURSOR_MS = Date.UTC(-4712, 0, 1);
const MAX_CURSOR_MS = 8.64e15;

/** Keyset cursors: opaque to clients, a base64url JSON of the last item's [epoch ms, id]. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.getTime(), id])).toString('base64url');
}

/** The position a cursor names, or a 400 when it is not one this server could have issued. */
export function decodeCursor(cursor: string | undefined): CursorKey | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === 2) {
      const [ms, id] = key;
      if (
        typeof ms === 'number' &&
        ms >= MIN_CURSOR_MS &&
        ms <= MAX_CURSOR_MS &&
        typeof id === 'string' &&
        UUID_PATTERN.test(id)
      )
        return { at: new Date(ms), id };
    }
  } catch {
    // fall through
  }
  throw Errors.validation('querystring.cursor is not a cursor this server issued', {
    fields: [{ field: 'querystring.cursor', message: 'is invalid' }],
  });
}

export const PageQuery = {
  cursor: Type.Optional(
    Type.String({ maxLength: 500, description: 'next_cursor from the previous page' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 30 })),
};

export function Page<T extends ReturnType<typeof Type.Object>>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    next_cursor: Type.Union([Type.String(), Type.Null()], { description: 'null on the last page' }),
  });
}
