import { useMemo } from 'react';
import { Link } from 'wouter';
import { errorMessage } from '../../api/client.js';
import { Section } from '../../components/section.js';
import { DASH, formatPace, type Units } from '../../lib/format.js';
import { fitnessChart } from './fitness-chart.js';
import { fitnessWords, formMeaning } from './fitness-text.js';
import { TrainingChart } from './training-chart.js';
import type { TrainingSettings } from './types.js';
import { isPrivate, useFitness } from './use-training.js';

/** The thresholds the loads were computed with; those not set by the athlete are estimated. */
function SettingsUsed({ s, units, self }: { s: TrainingSettings; units: Units; self: boolean }) {
  const rows: [string, string, boolean][] = [
    ['FTP', s.ftp != null ? `${Math.round(s.ftp)} W` : DASH, s.ftp_estimated],
    ['Resting heart rate', `${Math.round(s.resting_hr)} bpm`, s.resting_hr_estimated],
    ['Max heart rate', s.max_hr != null ? `${Math.round(s.max_hr)} bpm` : DASH, s.max_hr_estimated],
    ['Threshold pace', formatPace(s.threshold_speed, units), s.threshold_speed_estimated],
  ];
  return (
    <div className="settings-used">
      <h3 className="h3">Computed with</h3>
      <dl>
        {rows.map(([label, value, estimated]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              {value}
              {estimated && value !== DASH && <span className="estimated"> estimated</span>}
            </dd>
          </div>
        ))}
      </dl>
      {self && (
        <p className="small">
          <Link href="/settings#training">Set them in settings</Link>: estimates come from your
          activities.
        </p>
      )}
    </div>
  );
}

/**
 * Fitness (the 42-day load average), fatigue (7 days) and form (their difference) over the
 * last months, with each day's load; today's numbers in words. Others see it only when the
 * athlete shares it: the API answers 403 otherwise.
 */
export function FitnessSection({
  athleteId,
  units,
  self,
}: {
  athleteId: string;
  units: Units;
  self: boolean;
}) {
  const fitness = useFitness(athleteId);
  const data = fitness.data;
  const plan = useMemo(() => (data ? fitnessChart(data.days) : null), [data]);
  const last = data?.days.at(-1);
  return (
    <Section id="fitness-title" title="Fitness & freshness">
      {fitness.isPending ? (
        <p className="muted">Loading…</p>
      ) : isPrivate(fitness.error) ? (
        <p className="muted" data-testid="fitness-private">
          Fitness and form are private.
        </p>
      ) : fitness.isError || !data || !plan ? (
        <p className="error">{errorMessage(fitness.error)}</p>
      ) : (
        <>
          {last ? (
            <p className="fitness-today">
              <strong>{fitnessWords(last)}</strong>{' '}
              <span className="muted">({formMeaning(last.form)})</span>
            </p>
          ) : (
            <p className="muted">No training load yet.</p>
          )}
          <TrainingChart
            spec={plan.spec}
            caption="Fitness, fatigue and form"
            summary={plan.summary}
            testId="fitness-chart"
          />
          <p className="muted small">
            Fitness is the training load of the last 42 days on average, fatigue that of the last 7
            days; form is yesterday’s fitness less fatigue: below zero you are training hard, above
            it you are fresh.
          </p>
          <SettingsUsed s={data.settings} units={units} self={self} />
        </>
      )}
    </Section>
  );
}
