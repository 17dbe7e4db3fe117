import type { SegmentSport } from '@stride/client';

const SPORTS: readonly SegmentSport[] = ['Run', 'Ride'];

/** Run or Ride, as two pressed/unpressed buttons (segments and leaderboards are per sport). */
export function SportToggle({
  value,
  onChange,
}: {
  value: SegmentSport;
  onChange: (sport: SegmentSport) => void;
}) {
  return (
    <fieldset className="toggle">
      <legend className="visually-hidden">Sport</legend>
      {SPORTS.map((s) => (
        <button
          key={s}
          type="button"
          aria-pressed={s === value}
          className={s === value ? 'toggle-on' : 'ghost'}
          onClick={() => onChange(s)}
        >
          {s}
        </button>
      ))}
    </fieldset>
  );
}
