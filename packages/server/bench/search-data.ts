/**
 * The people of the search benchmark: deterministic athletes (common first names with their
 * accents, three-syllable surnames, half of them with a nickname for a handle), the queries a
 * person would type, and what each of them meant.
 */
import { type Kysely, sql } from 'kysely';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import type { Database } from '../src/platform/db/schema.js';

export const VIEWER = '00000000-0000-4000-8000-000000000001';

// Common first names, accents and all; surnames are three syllables (27,000 of them).
const FIRST = [
  'Camille',
  'Léa',
  'Chloé',
  'Zoé',
  'Hugo',
  'Lucas',
  'Jérôme',
  'Hélène',
  'Noémie',
  'Björn',
  'Sören',
  'Łukasz',
  'François',
  'Inès',
  'Maël',
  'Gaëlle',
  'Anaïs',
  'Céline',
  'Thérèse',
  'José',
  'Joaquín',
  'Núria',
  'Ana',
  'Marc',
  'Paul',
  'Julie',
  'Sarah',
  'Thomas',
  'Nicolas',
  'Emma',
  'Louis',
  'Jules',
  'Arthur',
  'Manon',
  'Élodie',
  'Amélie',
  'Raphaël',
  'Mathis',
  'Théo',
  'Yann',
];
const SYLLABLES = [
  'ber',
  'tau',
  'din',
  'mar',
  'ro',
  'lan',
  'vi',
  'chet',
  'du',
  'mont',
  'gi',
  'rard',
  'le',
  'fè',
  'vre',
  'mo',
  'rel',
  'pe',
  'tit',
  'sa',
  'lou',
  'ca',
  'zal',
  'fon',
  'ta',
  'ine',
  'é',
  'co',
  'qué',
  'nu',
];
// Half the athletes pick a nickname that says nothing of their name, as many do.
const NICKS = ['runner', 'velo', 'trail', 'climber', 'pace', 'kom', 'tempo', 'cadence'];

/** A well-mixed 32-bit hash of (i, salt): choices made with it do not follow each other. */
function mix(i: number, salt: number): number {
  let h = Math.imul(i ^ salt, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

/** Who athlete i is: deterministic, so every engine holds the same people. */
export function athlete(i: number) {
  const first = FIRST[mix(i, 1) % FIRST.length]!;
  const s = (k: number) => SYLLABLES[mix(i, 2 + k) % SYLLABLES.length]!;
  const last = `${s(0)}${s(1)}${s(2)}`;
  const surname = last[0]!.toUpperCase() + last.slice(1);
  const ascii = (t: string) =>
    t.normalize('NFKD').replace(/\p{M}/gu, '').replace('Ł', 'L').toLowerCase();
  const handle =
    mix(i, 5) % 2
      ? `${ascii(first)}_${ascii(last)}_${i}`
      : `${NICKS[mix(i, 6) % NICKS.length]}${i}`;
  return { handle, display_name: `${first} ${surname}` };
}

export interface Query {
  label: string;
  q: string;
  /** Whether an answer is someone the person typing `q` meant. */
  meant: (a: { handle: string; display_name: string }) => boolean;
}

const target = athlete(4711);
const surname = target.display_name.split(' ')[1]!;
export const QUERIES: Query[] = [
  {
    label: `exact handle "${target.handle}"`,
    q: target.handle,
    meant: (a) => a.handle === target.handle,
  },
  // Anyone whose name has a word starting so: the typist has not said more yet.
  { label: 'three letters "cam"', q: 'cam', meant: (a) => /(^|\s)cam/i.test(a.display_name) },
  {
    label: 'a first name "camille"',
    q: 'camille',
    meant: (a) => a.display_name.startsWith('Camille '),
  },
  { label: 'a typo "camile"', q: 'camile', meant: (a) => a.display_name.startsWith('Camille ') },
  { label: 'no accent "helene"', q: 'helene', meant: (a) => a.display_name.startsWith('Hélène ') },
  {
    label: `a surname "${surname.toLowerCase()}"`,
    q: surname.toLowerCase(),
    meant: (a) => a.display_name.endsWith(` ${surname}`),
  },
  {
    label: `a whole name "${target.display_name}"`,
    q: target.display_name,
    meant: (a) => a.display_name === target.display_name,
  },
];

/** Migrates, then loads the viewer and `n` athletes, and the plain alternative's index. */
export async function loadAthletes(db: Kysely<Database>, n: number): Promise<void> {
  const t0 = performance.now();
  await migrateToLatest(db);
  await sql`insert into athletes (id, handle, email, password_hash, display_name)
            values (${VIEWER}, 'bench_viewer', 'viewer@example.com', 'x', 'Bench Viewer')`.execute(
    db,
  );
  for (let from = 1; from <= n; from += 2000) {
    const rows = [];
    for (let i = from; i < Math.min(n + 1, from + 2000); i++) {
      const a = athlete(i);
      rows.push({ ...a, email: `${a.handle}@example.com`, password_hash: 'x' });
    }
    await db.insertInto('athletes').values(rows).execute();
  }
  // The plain alternative's index: text_pattern_ops so LIKE 'q%' uses it under any collation.
  await sql`create index bench_handle_prefix_idx on athletes (lower(handle) text_pattern_ops)`.execute(
    db,
  );
  await sql`vacuum analyze athletes`.execute(db);
  console.log(
    `- ${n} athletes loaded and indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

/** Whom the viewer follows, and whom each of them follows, in the who-to-follow measurement. */
export const FRIENDS = 200;

/**
 * The viewer follows FRIENDS athletes, each of whom follows FRIENDS others: FRIENDS² follows of
 * follows to count for "who to follow", spread over every athlete loaded.
 */
export async function loadFollows(db: Kysely<Database>): Promise<void> {
  const t0 = performance.now();
  const ids = (
    await sql<{
      id: string;
    }>`select id from athletes where id <> ${VIEWER} order by handle`.execute(db)
  ).rows.map((r) => r.id);
  const n = ids.length;
  const rows: Array<{ follower_id: string; followee_id: string }> = [];
  for (let k = 0; k < FRIENDS; k++) {
    const friend = ids[(k * 7919) % n]!;
    rows.push({ follower_id: VIEWER, followee_id: friend });
    for (let j = 0; j < FRIENDS; j++) {
      const followee = ids[(k * 31 + j * 104_729 + 1) % n]!;
      if (followee !== friend) rows.push({ follower_id: friend, followee_id: followee });
    }
  }
  for (let from = 0; from < rows.length; from += 5000)
    await db
      .insertInto('follows')
      .values(rows.slice(from, from + 5000))
      .onConflict((oc) => oc.doNothing())
      .execute();
  await sql`vacuum analyze follows`.execute(db);
  console.log(
    `- ${rows.length} follows loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
