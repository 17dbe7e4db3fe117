/**
 * What both adapters agree on: which boards an effort or a day counts on, how boards are named,
 * the order of entries and how ranks are given. The SQL tables and the Redis keys hold the same
 * boards under the same names, so the contract tests can hold them to the same answers.
 */
import type {
  AgeGroup,
  BoardAthlete,
  BoardPlace,
  DayTotals,
  EffortRecord,
  PlaceFilter,
  SegmentBoardQuery,
  SegmentPeriod,
  TotalsPeriod,
} from './leaderboard-store.js';
import {
  ageGroupOf,
  CALENDAR_OF,
  customRangeProblem,
  dayOf,
  parseDay,
  periodDays,
  periodOf,
  ttlMs,
} from './periods.js';

const SEGMENT_PERIODS = Object.keys(CALENDAR_OF) as SegmentPeriod[];

/** 'all', 'M', 'F', '25_34' or 'M25_34': which athletes a board holds. */
export function filterKey(sex: 'M' | 'F' | undefined, ageGroup: AgeGroup | undefined): string {
  return `${sex ?? ''}${ageGroup ?? ''}` || 'all';
}

/** The period part of a board name ('all', 'y2026', 'm2026-05', 'w2026-W20', 'd2026-05-20'). */
function segmentPeriod(period: SegmentPeriod, local: Date): { key: string; end: Date | null } {
  const calendar = CALENDAR_OF[period];
  return calendar ? periodOf(calendar, local) : { key: 'all', end: null };
}

/** The board a query reads, e.g. 'w2026-W20/M25_34'. */
export function segmentBoardKey(
  q: Pick<SegmentBoardQuery, 'period' | 'now' | 'sex' | 'ageGroup'>,
): string {
  return `${segmentPeriod(q.period, q.now).key}/${filterKey(q.sex, q.ageGroup)}`;
}

export const ALL_TIME_BOARD = 'all/all';

export interface BoardEntry {
  board: string;
  effort: EffortRecord;
  /** How long the board lives from now, ms; Infinity for the all-time boards. */
  ttlMs: number;
}

/** Faster first; on equal times the earlier effort, then the smaller effort id. */
function better(a: EffortRecord, b: EffortRecord): boolean {
  if (a.elapsedS !== b.elapsedS) return a.elapsedS < b.elapsedS;
  const t = a.startDate.getTime() - b.startDate.getTime();
  return t !== 0 ? t < 0 : a.effortId < b.effortId;
}

/**
 * The athlete's best effort on every board their efforts count on. Boards of periods that ended
 * more than the grace period before `nowMs` are left out: nobody can ask for them any more.
 */
export function bestByBoard(
  athlete: BoardAthlete,
  efforts: readonly EffortRecord[],
  nowMs: number,
): BoardEntry[] {
  const best = new Map<string, BoardEntry>();
  for (const effort of efforts) {
    const local = effort.startDateLocal;
    const sex = athlete.sex === 'M' || athlete.sex === 'F' ? athlete.sex : undefined;
    const age = ageGroupOf(athlete.birthYear, local.getUTCFullYear()) ?? undefined;
    const filters = new Set([
      filterKey(undefined, undefined),
      filterKey(sex, undefined),
      filterKey(undefined, age),
      filterKey(sex, age),
    ]);
    for (const period of SEGMENT_PERIODS) {
      const p = segmentPeriod(period, local);
      const ttl = p.end ? ttlMs(p.end, nowMs) : Number.POSITIVE_INFINITY;
      if (ttl <= 0) continue;
      for (const f of filters) {
        const board = `${p.key}/${f}`;
        const current = best.get(board);
        if (!current || better(effort, current.effort))
          best.set(board, { board, effort, ttlMs: ttl });
      }
    }
  }
  return [...best.values()];
}

/** Board order: fastest first, then the earlier effort, then the smaller athlete id. */
export function compareRanked(
  a: { elapsedS: number; startDate: Date; athleteId: string },
  b: { elapsedS: number; startDate: Date; athleteId: string },
): number {
  return (
    a.elapsedS - b.elapsedS ||
    a.startDate.getTime() - b.startDate.getTime() ||
    (a.athleteId < b.athleteId ? -1 : a.athleteId > b.athleteId ? 1 : 0)
  );
}

/**
 * Ranks of consecutive board entries whose first sits at 0-based `position` and has rank
 * `firstRank`: an entry equal to the one before shares its rank, otherwise its rank is its
 * position + 1 (standard competition ranking, 1-2-2-4).
 */
export function rankRun(scores: readonly number[], position: number, firstRank: number): number[] {
  const ranks: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    ranks.push(
      i === 0 ? firstRank : scores[i] === scores[i - 1] ? ranks[i - 1]! : position + i + 1,
    );
  }
  return ranks;
}

/**
 * Ranks a small board in memory (the "only these athletes" filter reads their entries by id):
 * the top `limit`, the total, and the viewer's entry with `neighbours` either side.
 */
export function rankInMemory<T extends { athleteId: string }>(
  items: T[],
  compare: (a: T, b: T) => number,
  score: (t: T) => number,
  limit: number,
  viewerId: string | undefined,
  neighbours: number,
): {
  entries: Array<T & { rank: number }>;
  total: number;
  viewer: { best: T & { rank: number }; neighbours: Array<T & { rank: number }> } | null;
} {
  const sorted = [...items].sort(compare);
  const ranks = rankRun(sorted.map(score), 0, 1);
  const ranked = sorted.map((t, i) => ({ ...t, rank: ranks[i]! }));
  const at = viewerId === undefined ? -1 : ranked.findIndex((t) => t.athleteId === viewerId);
  return {
    entries: ranked.slice(0, limit),
    total: ranked.length,
    viewer:
      at < 0
        ? null
        : {
            best: ranked[at]!,
            neighbours: ranked.slice(Math.max(0, at - neighbours), at + neighbours + 1),
          },
  };
}

// ---- athlete totals ----

/** Places are compared as typed but without case, accents' composition or extra spaces. */
export function normalizePlace(value: string | null | undefined): string | null {
  const v = value?.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return v ? v : null;
}

/** Every regional board a day written from `place` counts on ('' is the whole world). */
export function placeKeys(place: BoardPlace): string[] {
  const country = normalizePlace(place.country);
  const keys = [''];
  if (!country) return keys;
  keys.push(`c:${country}`);
  const region = normalizePlace(place.region);
  if (region) keys.push(`r:${country}|${region}`);
  const city = normalizePlace(place.city);
  if (city) keys.push(`t:${country}|${city}`);
  return keys;
}

/** The regional board a query reads. */
export function placeFilterKey(place: PlaceFilter | undefined): string {
  if (!place) return '';
  const country = normalizePlace(place.country);
  if (!country) throw new RangeError('a place filter needs a country');
  if (place.region !== undefined && place.city !== undefined)
    throw new RangeError('a place filter names a region or a city, not both');
  const part = (v: string) => {
    const n = normalizePlace(v);
    if (!n) throw new RangeError('a region or city filter must not be empty');
    return n;
  };
  if (place.region !== undefined) return `r:${country}|${part(place.region)}`;
  if (place.city !== undefined) return `t:${country}|${part(place.city)}`;
  return `c:${country}`;
}

/** Totals as both adapters store them: integer centimetres and seconds, so sums are exact. */
export interface StoredTotals {
  distanceCm: number;
  movingS: number;
  elevCm: number;
  activities: number;
}

export function toStored(t: DayTotals): StoredTotals {
  return {
    distanceCm: Math.round(t.distanceM * 100),
    movingS: Math.round(t.movingS),
    elevCm: Math.round(t.elevGainM * 100),
    activities: Math.round(t.activities),
  };
}

export function fromStored(t: StoredTotals): DayTotals {
  return {
    distanceM: t.distanceCm / 100,
    movingS: t.movingS,
    elevGainM: t.elevCm / 100,
    activities: t.activities,
  };
}

/**
 * Sums days into each of `periods` they fall in, on the regional boards of each day's place:
 * keyed `<period>\t<place>`.
 */
export function sumDays(
  days: ReadonlyArray<BoardPlace & StoredTotals & { day: string }>,
  periods: ReadonlyArray<{ key: string; from: string; to: string }>,
): Map<string, { period: string; place: string } & StoredTotals> {
  const sums = new Map<string, { period: string; place: string } & StoredTotals>();
  for (const d of days) {
    for (const p of periods) {
      if (d.day < p.from || d.day > p.to) continue;
      for (const place of placeKeys(d)) {
        const k = `${p.key}\t${place}`;
        const s = sums.get(k) ?? {
          period: p.key,
          place,
          distanceCm: 0,
          movingS: 0,
          elevCm: 0,
          activities: 0,
        };
        s.distanceCm += d.distanceCm;
        s.movingS += d.movingS;
        s.elevCm += d.elevCm;
        s.activities += d.activities;
        sums.set(k, s);
      }
    }
  }
  return sums;
}

/** Order of a totals board: longest distance first, then the smaller athlete id. */
export function compareTotals(
  a: { distanceM: number; athleteId: string },
  b: { distanceM: number; athleteId: string },
): number {
  return (
    b.distanceM - a.distanceM ||
    (a.athleteId < b.athleteId ? -1 : a.athleteId > b.athleteId ? 1 : 0)
  );
}

/** The week, month and year a day counts in: key, first and last day, and when each ends. */
export function totalsPeriodsOfDay(
  day: string,
): Array<{ key: string; from: string; to: string; end: Date }> {
  const d = parseDay(day);
  if (!d) throw new RangeError(`"${day}" is not a day as YYYY-MM-DD`);
  return (['week', 'month', 'year'] as const).map((p) => ({
    ...periodOf(p, d),
    ...periodDays(p, d),
  }));
}

/** The stored period a query reads, or the checked custom range. */
export function totalsPeriodOf(
  period: TotalsPeriod,
  now: Date,
): { key: string } | { from: string; to: string } {
  if (typeof period === 'string') return { key: periodOf(period, now).key };
  const problem = customRangeProblem(period, dayOf(now));
  if (problem) throw new RangeError(`custom range: ${problem.field} ${problem.message}`);
  return period;
}
