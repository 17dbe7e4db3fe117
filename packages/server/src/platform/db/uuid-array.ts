import { type RawBuilder, sql } from 'kysely';
import { UUID_PATTERN } from '../ids.js';

/**
 * A list of ids as one `uuid[]` parameter, for `column <> all(…)`: one parameter however long
 * the list (a statement takes at most 65,535), passed as array text, which node-postgres and
 * PGlite send alike. Only well-formed ids get in, so the text needs no quoting.
 */
export function uuidArray(ids: Iterable<string>): RawBuilder<string[]> {
  const list = [...ids];
  for (const id of list) if (!UUID_PATTERN.test(id)) throw new Error(`not a uuid: ${id}`);
  return sql<string[]>`${`{${list.join(',')}}`}::uuid[]`;
}
