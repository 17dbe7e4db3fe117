import { describe, expect, it } from 'vitest';
import { fitnessChart } from './fitness-chart.js';

describe('fitness chart', () => {
  const days = [
    { day: '2026-05-10', load: 0, fitness: 55.2, fatigue: 58.9, form: -2.1 },
    { day: '2026-05-11', load: 120, fitness: 54.4, fatigue: 61.2, form: -6.8 },
  ];

  it('draws fitness, fatigue and form as lines and the load as bars of their own scale', () => {
    const { spec } = fitnessChart(days, 'en-GB');
    expect(spec.x).toEqual([1_778_371_200, 1_778_457_600]);
    expect(spec.series.map((s) => [s.label, s.kind, s.scale ?? 'y'])).toEqual([
      ['Fitness', 'line', 'y'],
      ['Fatigue', 'line', 'y'],
      ['Form', 'line', 'y'],
      ['Load', 'bars', 'low'],
    ]);
    expect(spec.series.map((s) => s.values[1])).toEqual([54.4, 61.2, -6.8, 120]);
    expect(spec.series[2]!.format(-6.8)).toBe('−7');
    expect(spec.read(0)).toBe('10 May 2026');
  });

  it('says the last day’s numbers in words', () => {
    expect(fitnessChart(days, 'en-GB').summary).toBe(
      'Fitness, fatigue and form from 10 May 2026 to 11 May 2026. Fitness 54, fatigue 61, form −7 on the last day.',
    );
    expect(fitnessChart([]).summary).toBe('No training load to show');
  });
});
