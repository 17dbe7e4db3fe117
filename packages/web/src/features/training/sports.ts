import type { SportFamily } from '@stride/core';
import { SPORT_NAMES } from './goal-text.js';
import type { SportFilter } from './types.js';

/** The sport filter's choices, in the order they are offered. */
export const SPORT_FILTERS: readonly { id: SportFilter; label: string }[] = (
  ['all', 'run', 'ride', 'swim', 'walk', 'other'] as const
).map((id) => ({ id, label: id === 'all' ? 'All' : SPORT_NAMES[id] }));

export const isSportFilter = (s: string | null): s is SportFilter =>
  SPORT_FILTERS.some((f) => f.id === s);

/** Each family's colour in the training log and its key. */
export const FAMILY_COLORS: Record<SportFamily, string> = {
  run: '#fc5200',
  ride: '#2a6ef5',
  swim: '#0b9aa6',
  walk: '#3a9a4b',
  other: '#7b3fe4',
};
