import { SPORT_TYPES } from '@stride/core';
import { sportName } from '../../lib/format.js';

/** The sports most athletes record, as big buttons; every other outdoor sport in a list. */
const FEATURED = ['Run', 'Ride', 'Walk', 'Hike'] as const;
// Indoor sports have no route for a phone's GPS to record.
const INDOOR = new Set([
  'VirtualRun',
  'VirtualRide',
  'WeightTraining',
  'Yoga',
  'Elliptical',
  'StairStepper',
  'Workout',
]);
const OTHERS = SPORT_TYPES.filter(
  (s) => !INDOOR.has(s) && !(FEATURED as readonly string[]).includes(s),
);

export function SportPicker({ sport, onChange }: { sport: string; onChange(s: string): void }) {
  const other = !(FEATURED as readonly string[]).includes(sport);
  return (
    <fieldset className="rec-sports">
      <legend>Sport</legend>
      <div className="rec-sport-buttons">
        {FEATURED.map((s) => (
          <button
            key={s}
            type="button"
            className="rec-sport"
            aria-pressed={sport === s}
            onClick={() => onChange(s)}
          >
            {s}
          </button>
        ))}
      </div>
      <label className="rec-sport-other">
        Other sport
        <select
          value={other ? sport : ''}
          onChange={(e) => e.target.value && onChange(e.target.value)}
        >
          <option value="">Choose…</option>
          {OTHERS.map((s) => (
            <option key={s} value={s}>
              {sportName(s)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
