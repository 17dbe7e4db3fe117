import { describe, expect, it } from 'vitest';
import {
  achievementText,
  achievementTitle,
  rankBestEfforts,
  streakText,
} from './achievement-text.js';

describe('achievement words', () => {
  it('names an activity’s honours', () => {
    expect(achievementText({ kind: 'pr', name: '5k', rank: 1 })).toBe('PR · 5k');
    expect(achievementText({ kind: 'pr', name: '10k', rank: 2 })).toBe('2nd · 10k');
    expect(achievementText({ kind: 'pr', name: '1 mile', rank: 3 })).toBe('3rd · 1 mile');
    expect(achievementText({ kind: 'pr', name: '5k', rank: null })).toBe('PR · 5k');
    expect(achievementText({ kind: 'first_distance', name: '10k', rank: null })).toBe('First 10k');
    expect(achievementTitle({ kind: 'pr', name: '5k', rank: 1 })).toBe('Personal record: 5k');
    expect(achievementTitle({ kind: 'pr', name: '10k', rank: 2 })).toBe('2nd best 10k time');
    expect(achievementTitle({ kind: 'first_distance', name: 'Marathon', rank: null })).toBe(
      'First Marathon',
    );
  });

  it('tells a streak of weeks', () => {
    expect(streakText({ current_weeks: 12, longest_weeks: 20 })).toBe(
      '12 weeks in a row; longest 20',
    );
    expect(streakText({ current_weeks: 1, longest_weeks: 4 })).toBe('1 week in a row; longest 4');
    expect(streakText({ current_weeks: 20, longest_weeks: 20 })).toBe(
      '20 weeks in a row, the longest yet',
    );
    expect(streakText({ current_weeks: 0, longest_weeks: 1 })).toBe(
      'No streak this week; longest 1 week',
    );
    expect(streakText({ current_weeks: 0, longest_weeks: 0 })).toBe('No weekly streak yet');
  });

  it('ranks best efforts by the server’s pr_rank, else by the PR achievements', () => {
    const efforts = [{ name: '400m' }, { name: '1k', pr_rank: 3 }, { name: '5k' }, { name: '10k' }];
    const ranked = rankBestEfforts(efforts, [
      { kind: 'pr', name: '400m', rank: 2 },
      { kind: 'pr', name: '1k', rank: 1 },
      { kind: 'first_distance', name: '5k', rank: null },
    ]);
    expect(ranked.map((e) => e.pr_rank)).toEqual([2, 3, null, null]);
    expect(rankBestEfforts(efforts, undefined).map((e) => e.pr_rank)).toEqual([
      null,
      3,
      null,
      null,
    ]);
  });
});
