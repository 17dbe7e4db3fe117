import { describe, expect, it } from 'vitest';
import { fitnessWords, formMeaning, signed } from './fitness-text.js';

describe('fitness words', () => {
  it('says today’s numbers', () => {
    expect(fitnessWords({ fitness: 54.4, fatigue: 61.2, form: -6.8 })).toBe(
      'Fitness 54, fatigue 61, form −7',
    );
    expect(fitnessWords({ fitness: 0, fatigue: 0, form: 0 })).toBe('Fitness 0, fatigue 0, form 0');
    expect(fitnessWords({ fitness: 40, fatigue: 30, form: 10.4 })).toBe(
      'Fitness 40, fatigue 30, form 10',
    );
  });

  it('signs numbers with a true minus, and a plus when asked', () => {
    expect(signed(-7.4)).toBe('−7');
    expect(signed(-0.2)).toBe('0');
    expect(signed(3, true)).toBe('+3');
    expect(signed(0, true)).toBe('0');
  });

  it('reads form in bands', () => {
    expect([12, 5, 0, -10, -11, -30, -31].map(formMeaning)).toEqual([
      'fresh',
      'neutral',
      'neutral',
      'neutral',
      'productive training',
      'productive training',
      'overreaching: time to rest',
    ]);
  });
});
