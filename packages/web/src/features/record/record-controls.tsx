import type { Phase } from './recorder.js';

type Action = 'onStart' | 'onPause' | 'onResume' | 'onFinish';

/** One obvious action per state (two when paused), as on a sports watch. */
const BUTTONS: Partial<Record<Phase, Array<[label: string, className: string, action: Action]>>> = {
  idle: [['Start', 'rec-start', 'onStart']],
  running: [['Pause', 'rec-pause', 'onPause']],
  paused: [
    ['Resume', 'rec-resume', 'onResume'],
    ['Finish', 'rec-finish', 'onFinish'],
  ],
};

/** Start, Pause, Resume and Finish: large round targets within a thumb's reach. */
export function RecordControls({
  phase,
  disabled = false,
  ...actions
}: { phase: Phase; disabled?: boolean } & Partial<Record<Action, () => void>>) {
  const buttons = BUTTONS[phase];
  if (!buttons) return null;
  return (
    <div className="rec-controls">
      {buttons.map(([label, className, action]) => (
        <button
          key={label}
          type="button"
          className={`rec-round ${className}`}
          disabled={disabled}
          onClick={actions[action]}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
