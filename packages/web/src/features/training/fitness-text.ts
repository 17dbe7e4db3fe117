/** Fitness, fatigue and form in words. */
import type { FitnessDay } from './types.js';

/** A whole number with a true minus sign: "−7". */
export function signed(v: number, plus = false): string {
  const n = Math.round(v);
  if (n < 0) return `−${-n}`;
  return plus && n > 0 ? `+${n}` : String(n);
}

/** "Fitness 54, fatigue 61, form −7". */
export function fitnessWords(d: Pick<FitnessDay, 'fitness' | 'fatigue' | 'form'>): string {
  return `Fitness ${signed(d.fitness)}, fatigue ${signed(d.fatigue)}, form ${signed(d.form)}`;
}

/**
 * What a form (training stress balance) usually means, in the bands coaches read it by: fresh
 * above +5, neutral down to −10, training productively down to −30, overreaching below.
 */
export function formMeaning(form: number): string {
  const f = Math.round(form);
  if (f > 5) return 'fresh';
  if (f >= -10) return 'neutral';
  if (f >= -30) return 'productive training';
  return 'overreaching: time to rest';
}
