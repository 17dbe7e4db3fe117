/**
 * Finding people among 100,000 athletes: Stride's search (pg_trgm over the folded handle and
 * name, GIN index, ranked) side by side with the plain alternative, a prefix of the handle
 * (`lower(handle) like 'q%'` over a text_pattern_ops btree), on embedded PGlite and, when
 * DATABASE_URL is set, on a PostgreSQL database of its own (dropped at the end). Each query
 * also says how many of the first 20 answers are who the person typing meant: speed is only
 * half the comparison. `STRIDE_BENCH_N=20000` makes a quicker run.
 */
import { sql } from 'kysely';
import { compareAsync, fmt, type Result } from '../../../bench/harness.js';
import { AthleteSearchRepository } from '../src/athletes/athlete-search.repository.js';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/dialect.js';
import { createBenchDatabase } from './bench-database.js';
import { FRIENDS, loadAthletes, loadFollows, QUERIES, type Query, VIEWER } from './search-data.js';

const N = Number(process.env.STRIDE_BENCH_N ?? 100_000);
const LIMIT = 20;

interface Row {
  query: Query;
  trgm: Result;
  prefix: Result;
  trgmMeant: number;
  prefixMeant: number;
  trgmIndexed: boolean;
}

async function measure(
  label: string,
  handle: DatabaseHandle,
): Promise<{ rows: Row[]; friends: Result }> {
  console.log(`\n${label}:`);
  await loadAthletes(handle.db, N);
  const search = new AthleteSearchRepository(handle.db);
  // Ordered as the text_pattern_ops index is (~<~), so it reads the range in order and stops at
  // 20: ordered by the collation instead, the planner may walk the whole index from "a".
  const prefix = (q: string) =>
    sql<{ handle: string; display_name: string }>`
      select id, handle, display_name from athletes
      where lower(handle) like ${`${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}
      order by lower(handle) using ~<~ limit ${LIMIT}`.execute(handle.db);
  // The embedded pool answers a repeated read from its cache until the next write; what is
  // measured here is the engine, as for the first person to type these letters.
  const uncached = <T>(fn: () => Promise<T>) => {
    handle.pglite?.reads?.invalidate();
    return fn();
  };
  const rows: Row[] = [];
  for (const query of QUERIES) {
    const found = await search.search(VIEWER, query.q, LIMIT);
    const prefixed = (await prefix(query.q)).rows;
    const plan = await sql<{ 'QUERY PLAN': string }>`
      explain select id from athletes where search_text %> search_fold(${query.q})
        or search_text like search_fold(${`${query.q}%`})`.execute(handle.db);
    const [trgm, plain] = await compareAsync(
      [
        { name: 'pg_trgm', fn: () => uncached(() => search.search(VIEWER, query.q, LIMIT)) },
        { name: 'prefix', fn: () => uncached(() => prefix(query.q)) },
      ],
      { minRounds: 10, minTimeMs: 1500, warmup: 2 },
    );
    rows.push({
      query,
      trgm: trgm!,
      prefix: plain!,
      trgmMeant: found.filter(query.meant).length,
      prefixMeant: prefixed.filter(query.meant).length,
      trgmIndexed: plan.rows.some((r) => r['QUERY PLAN'].includes('athletes_search_text_trgm_idx')),
    });
    console.log(`- ${query.label}: done`);
  }
  await loadFollows(handle.db);
  const [friends] = await compareAsync(
    [{ name: 'friends of friends', fn: () => uncached(() => search.friendsOfFriends(VIEWER, 10)) }],
    { minRounds: 10, minTimeMs: 1500, warmup: 2 },
  );
  return { rows, friends: friends! };
}

const engines: Array<{ label: string; rows: Row[]; friends: Result }> = [];
{
  const handle = await openDatabase({ dataDir: '/nonexistent', inMemory: true });
  try {
    engines.push({ label: 'PGlite', ...(await measure('Embedded PGlite', handle)) });
  } finally {
    await handle.close();
  }
}
if (process.env.DATABASE_URL) {
  const bench = await createBenchDatabase(process.env.DATABASE_URL, 'stride_search_bench');
  const handle = await openDatabase({ dataDir: '/nonexistent', url: bench.url, poolSize: 4 });
  try {
    engines.push({ label: 'PostgreSQL', ...(await measure('PostgreSQL', handle)) });
  } finally {
    await handle.close();
    await bench.drop();
  }
} else console.log('\nDATABASE_URL is not set: PostgreSQL is skipped');

console.log(
  `\n### Search among ${N} athletes: median (p90) ms, and how many of the first ${LIMIT} ` +
    'answers are who was meant\n',
);
const heads = ['query', ...engines.flatMap((e) => [`${e.label} pg_trgm`, `${e.label} prefix`])];
console.log(`| ${heads.join(' | ')} | meant: pg_trgm | meant: prefix |`);
console.log(`|${[...heads, '', ''].map(() => '---').join('|')}|`);
for (const [k, query] of QUERIES.entries()) {
  const cells = engines.flatMap((e) => {
    const r = e.rows[k]!;
    return [
      `${fmt(r.trgm.medianMs)} (${fmt(r.trgm.p90Ms)})${r.trgmIndexed ? '' : ' no index'}`,
      `${fmt(r.prefix.medianMs)} (${fmt(r.prefix.p90Ms)})`,
    ];
  });
  const first = engines[0]!.rows[k]!;
  console.log(
    `| ${query.label} | ${cells.join(' | ')} | ${first.trgmMeant} | ${first.prefixMeant} |`,
  );
}

console.log(
  `\n### Who to follow: friends of friends (${FRIENDS} followed, who follow ${FRIENDS} each), ` +
    'first 10: median (p90) ms\n',
);
console.log(`| ${engines.map((e) => e.label).join(' | ')} |`);
console.log(`|${engines.map(() => '---').join('|')}|`);
console.log(
  `| ${engines.map((e) => `${fmt(e.friends.medianMs)} (${fmt(e.friends.p90Ms)})`).join(' | ')} |`,
);
