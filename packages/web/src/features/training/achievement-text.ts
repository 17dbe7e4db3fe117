/** Achievements in words: an activity's honours, a streak of weeks. */
import { ordinal } from '../../lib/format.js';
import type { ActivityAchievement } from './types.js';

/** A chip's text: "PR · 5k", "2nd · 10k", "3rd · Half-Marathon", "First 10k". */
export function achievementText(a: ActivityAchievement): string {
  if (a.kind === 'first_distance') return `First ${a.name}`;
  return `${!a.rank || a.rank === 1 ? 'PR' : ordinal(a.rank)} · ${a.name}`;
}

/** The same said in full: "Personal record: 5k", "2nd best 10k time", "First 10k". */
export function achievementTitle(a: ActivityAchievement): string {
  if (a.kind === 'first_distance') return `First ${a.name}`;
  if (!a.rank || a.rank === 1) return `Personal record: ${a.name}`;
  return `${ordinal(a.rank)} best ${a.name} time`;
}

const weeks = (n: number) => `${n} ${n === 1 ? 'week' : 'weeks'}`;

/** "12 weeks in a row; longest 20", "No streak this week; longest 3 weeks". */
export function streakText(s: { current_weeks: number; longest_weeks: number }): string {
  if (s.current_weeks > 0)
    return s.current_weeks >= s.longest_weeks
      ? `${weeks(s.current_weeks)} in a row, the longest yet`
      : `${weeks(s.current_weeks)} in a row; longest ${s.longest_weeks}`;
  return s.longest_weeks > 0
    ? `No streak this week; longest ${weeks(s.longest_weeks)}`
    : 'No weekly streak yet';
}

/**
 * An activity's best efforts with their place among the athlete's own (1–3): the server's
 * `pr_rank` where it sends one, else the rank of the PR achievement of the same name.
 */
export function rankBestEfforts<E extends { name: string; pr_rank?: number | null }>(
  efforts: readonly E[],
  achievements: readonly ActivityAchievement[] | undefined,
): (E & { pr_rank: number | null })[] {
  const ranks = new Map(
    (achievements ?? []).filter((a) => a.kind === 'pr').map((a) => [a.name, a.rank ?? 1]),
  );
  return efforts.map((e) => ({ ...e, pr_rank: e.pr_rank ?? ranks.get(e.name) ?? null }));
}
