/** What the fitness chart draws: fitness, fatigue and form as lines, the daily load as bars. */
import { dayLabel, daySeconds } from './days.js';
import { fitnessWords, signed } from './fitness-text.js';
import type { ChartPlan } from './training-chart-engine.js';
import type { FitnessDay } from './types.js';

export const FITNESS_COLORS = {
  fitness: '#2a6ef5',
  fatigue: '#7b3fe4',
  form: '#fc5200',
  load: 'rgba(107,107,118,0.45)',
} as const;

export function fitnessChart(days: readonly FitnessDay[], locale?: string): ChartPlan {
  const read = (i: number) => dayLabel(days[i]?.day ?? '', true, locale);
  const format = (v: number) => signed(v);
  const last = days.at(-1);
  const summary = last
    ? `Fitness, fatigue and form from ${read(0)} to ${read(days.length - 1)}. ` +
      `${fitnessWords(last)} on the last day.`
    : 'No training load to show';
  return {
    spec: {
      x: days.map((d) => daySeconds(d.day)),
      xKind: 'day',
      tick: (s) => dayLabel(new Date(s * 1000).toISOString().slice(0, 10), false, locale),
      read,
      series: [
        {
          label: 'Fitness',
          values: days.map((d) => d.fitness),
          color: FITNESS_COLORS.fitness,
          kind: 'line',
          format,
        },
        {
          label: 'Fatigue',
          values: days.map((d) => d.fatigue),
          color: FITNESS_COLORS.fatigue,
          kind: 'line',
          format,
        },
        {
          label: 'Form',
          values: days.map((d) => d.form),
          color: FITNESS_COLORS.form,
          fill: 'rgba(252,82,0,0.1)',
          kind: 'line',
          format,
        },
        {
          label: 'Load',
          values: days.map((d) => d.load),
          color: FITNESS_COLORS.load,
          kind: 'bars',
          scale: 'low',
          format,
        },
      ],
      height: 220,
    },
    summary,
  };
}
