import { Type } from 'typebox';
import { Errors } from '../errors.js';

/** Streams in Strava's shape: `{ key: { data, original_size, resolution } }`. */
export const StreamsResponse = Type.Record(
  Type.String(),
  Type.Object({
    data: Type.Array(Type.Unknown()),
    original_size: Type.Integer(),
    resolution: Type.String(),
  }),
);

/** The `keys` query of a streams route. */
export const streamKeysQuery = (known: readonly string[]) =>
  Type.Object({
    keys: Type.Optional(Type.String({ description: `comma-separated: ${known.join(', ')}` })),
  });

/** The keys asked for (all when none), or a 400 naming the unknown ones. */
export function parseStreamKeys(raw: string | undefined, known: readonly string[]): string[] {
  const keys = (raw ?? known.join(','))
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = keys.filter((k) => !known.includes(k));
  if (unknown.length) {
    throw Errors.validation(
      `unknown stream keys: ${unknown.join(', ')} (known: ${known.join(', ')})`,
      { fields: [{ field: 'querystring.keys', message: 'is invalid' }] },
    );
  }
  return keys;
}
