import { describe, expect, it } from 'vitest';
import { actorsText, clock } from './notification.presenter.js';

describe('notification sentences', () => {
  it('names one or two actors and counts the others', () => {
    expect(actorsText(['Léa'], 1)).toBe('Léa');
    expect(actorsText(['Léa', 'Sam'], 2)).toBe('Léa and Sam');
    expect(actorsText(['Léa', 'Sam', 'Ana'], 4)).toBe('Léa and 3 others');
    // An actor whose account went is counted but not named.
    expect(actorsText(['Léa'], 2)).toBe('Léa and 1 other');
    expect(actorsText([], 0)).toBe('Someone');
  });

  it('writes an effort’s time as a clock', () => {
    expect(clock(59)).toBe('0:59');
    expect(clock(272)).toBe('4:32');
    expect(clock(3725)).toBe('1:02:05');
  });
});
