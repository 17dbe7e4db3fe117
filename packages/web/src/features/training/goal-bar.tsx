import { type ReactNode, useId } from 'react';
import type { Units } from '../../lib/format.js';
import { goalStatus, goalText, goalTitle } from './goal-text.js';
import type { Goal } from './types.js';

/**
 * One goal: its name, how it is going in words, and a progress bar (a progressbar to assistive
 * technology, in percent of the target) with a mark where an even pace would be today.
 */
export function GoalBar({
  goal,
  units,
  children,
}: {
  goal: Goal;
  units: Units;
  /** Actions on the goal (its owner's edit and delete). */
  children?: ReactNode;
}) {
  const titleId = useId();
  const status = goalStatus(goal);
  const text = goalText(goal, units);
  const p = goal.progress;
  const percent = Math.round(Math.min(1, Math.max(0, p.fraction)) * 100);
  const pace = goal.target > 0 ? Math.min(100, Math.max(0, (100 * p.expected) / goal.target)) : 0;
  return (
    <li className="goal" data-testid="goal-row" data-status={status.replace(' ', '-')}>
      <div className="goal-head">
        <span id={titleId} className="goal-title">
          {goalTitle(goal)}
        </span>
        <span className={`goal-text ${status.replace(' ', '-')}`}>{text}</span>
      </div>
      <div
        className="goal-bar"
        role="progressbar"
        aria-labelledby={titleId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <span className="goal-fill" style={{ width: `${percent}%` }} />
        {!p.reached && (
          <span
            className="goal-pace"
            style={{ left: `${pace}%` }}
            title="Where an even pace would be today"
          />
        )}
      </div>
      {children}
    </li>
  );
}
