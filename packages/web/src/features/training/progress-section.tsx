import { useMemo } from 'react';
import { useSearchParams } from 'wouter';
import { errorMessage } from '../../api/client.js';
import { Section } from '../../components/section.js';
import type { Units } from '../../lib/format.js';
import { ChoiceToggle } from './choice-toggle.js';
import { metricUnit } from './metric-units.js';
import { progressBars, rollingLines } from './progress-charts.js';
import { comparisonText, METRIC_LABELS } from './progress-text.js';
import { isSportFilter, SPORT_FILTERS } from './sports.js';
import { TrainingChart } from './training-chart.js';
import type { GoalMetric, Period } from './types.js';
import { useProgress } from './use-training.js';

const PERIODS: readonly { id: Period; label: string }[] = [
  { id: 'week', label: 'Weeks' },
  { id: 'month', label: 'Months' },
  { id: 'year', label: 'Years' },
];
const METRICS = (Object.keys(METRIC_LABELS) as GoalMetric[]).map((id) => ({
  id,
  label: METRIC_LABELS[id],
}));

/**
 * Totals per week, month or year of one sport (or all), as bars of the chosen total; this
 * period against the last in words; the rolling 7- and 28-day distance. The choices are in the
 * address (?sport=&period=&metric=), so Back and a shared link keep them.
 */
export function ProgressSection({ athleteId, units }: { athleteId: string; units: Units }) {
  const [params, setParams] = useSearchParams();
  const sportParam = params.get('sport');
  const sport = isSportFilter(sportParam) ? sportParam : 'all';
  const period = PERIODS.find((p) => p.id === params.get('period'))?.id ?? 'week';
  const metric = METRICS.find((m) => m.id === params.get('metric'))?.id ?? 'distance';
  const set = (key: string, value: string) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );
  const progress = useProgress(athleteId, sport, period);
  const data = progress.data;
  const bars = useMemo(
    () => (data ? progressBars(data, metric, units) : null),
    [data, metric, units],
  );
  const rolling = useMemo(() => (data ? rollingLines(data, units) : null), [data, units]);
  const unit = metric === 'count' ? '' : ` (${metricUnit(metric, units)})`;

  return (
    <Section id="progress-title" title="Progress">
      <div className="training-tools">
        <label className="inline-select">
          Sport
          <select value={sport} onChange={(e) => set('sport', e.currentTarget.value)}>
            {SPORT_FILTERS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <ChoiceToggle
          legend="Per"
          choices={PERIODS}
          value={period}
          onChange={(p) => set('period', p)}
        />
        <ChoiceToggle
          legend="Show"
          choices={METRICS}
          value={metric}
          onChange={(m) => set('metric', m)}
        />
      </div>
      {progress.isPending ? (
        <p className="muted">Loading…</p>
      ) : progress.isError || !data || !bars || !rolling ? (
        <p className="error">{errorMessage(progress.error)}</p>
      ) : (
        <div aria-busy={progress.isFetching}>
          <p className="comparison" aria-live="polite">
            {comparisonText(data.current, data.previous, metric, period, units)}
          </p>
          <TrainingChart
            spec={bars.spec}
            caption={`${METRIC_LABELS[metric]} per ${period}${unit}`}
            summary={bars.summary}
            testId="progress-chart"
          />
          <TrainingChart
            spec={rolling.spec}
            caption={`Distance, rolling 7 and 28 days (${metricUnit('distance', units)})`}
            summary={rolling.summary}
            testId="rolling-chart"
          />
        </div>
      )}
    </Section>
  );
}
