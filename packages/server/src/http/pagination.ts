import { Type } from 'typebox';
import { Errors } from '../errors.js';

/** Keyset cursors: opaque to clients, a base64url JSON of the last item's sort key. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(
  cursor: string | undefined,
  arity: number,
): (string | number)[] | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((k) => ['string', 'number'].includes(typeof k))
    ) {
      return key;
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
