import { type FormEvent, type Ref, useState } from 'react';
import { errorMessage } from '../../api/client.js';
import type { Units } from '../../lib/format.js';
import { METRIC_NAMES, PERIOD_NAMES } from './goal-text.js';
import { fromMetricUnit, metricUnit, typedTarget } from './metric-units.js';
import { SPORT_FILTERS } from './sports.js';
import type { GoalMetric, Period, SportFilter } from './types.js';
import { useGoalChanges } from './use-training.js';

const PERIODS = Object.keys(PERIOD_NAMES) as Period[];
const METRICS = Object.keys(METRIC_NAMES) as GoalMetric[];

/** The target's input: its unit in the label, whole numbers for activities. */
export function TargetInput({
  metric,
  units,
  value,
  onChange,
  label = 'Target',
  inputRef,
}: {
  metric: GoalMetric;
  units: Units;
  value: string;
  onChange: (v: string) => void;
  label?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  return (
    <label>
      {label} ({metricUnit(metric, units)})
      <input
        ref={inputRef}
        type="number"
        inputMode="decimal"
        min={metric === 'count' ? 1 : 0}
        step={metric === 'count' ? 1 : 'any'}
        required
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </label>
  );
}

/** Adds a goal: a sport (or all), a period, what is counted, and a target in my units. */
export function GoalForm({ units }: { units: Units }) {
  const { add } = useGoalChanges();
  const [sport, setSport] = useState<SportFilter>('run');
  const [period, setPeriod] = useState<Period>('week');
  const [metric, setMetric] = useState<GoalMetric>('distance');
  const [target, setTarget] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const typed = typedTarget(target);
    if (typed === null) {
      setMessage('Enter a target above zero.');
      return;
    }
    setMessage(null);
    add.mutate(
      { sport, period, metric, target: fromMetricUnit(metric, typed, units) },
      {
        onSuccess: () => {
          setTarget('');
          setMessage('Goal added.');
        },
      },
    );
  }

  return (
    <form className="goal-form" onSubmit={submit} aria-labelledby="new-goal-title">
      <h3 id="new-goal-title" className="h3">
        Add a goal
      </h3>
      <div className="goal-fields">
        <label>
          Sport
          <select value={sport} onChange={(e) => setSport(e.currentTarget.value as SportFilter)}>
            {SPORT_FILTERS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id === 'all' ? 'All sports' : s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Period
          <select value={period} onChange={(e) => setPeriod(e.currentTarget.value as Period)}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {PERIOD_NAMES[p]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Counting
          <select value={metric} onChange={(e) => setMetric(e.currentTarget.value as GoalMetric)}>
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {METRIC_NAMES[m].charAt(0).toUpperCase() + METRIC_NAMES[m].slice(1)}
              </option>
            ))}
          </select>
        </label>
        <TargetInput metric={metric} units={units} value={target} onChange={setTarget} />
      </div>
      {add.isError && (
        <p role="alert" className="error">
          {errorMessage(add.error)}
        </p>
      )}
      {message && !add.isError && <p role="status">{message}</p>}
      <button type="submit" disabled={add.isPending}>
        Add goal
      </button>
    </form>
  );
}
