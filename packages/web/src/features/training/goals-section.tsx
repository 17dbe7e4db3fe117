import { type FormEvent, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/client.js';
import { ConfirmDelete } from '../../components/confirm-delete.js';
import { Section } from '../../components/section.js';
import type { Units } from '../../lib/format.js';
import { GoalBar } from './goal-bar.js';
import { GoalForm, TargetInput } from './goal-form.js';
import { goalTitle } from './goal-text.js';
import { editableTarget, fromMetricUnit, typedTarget } from './metric-units.js';
import type { Goal } from './types.js';
import { useGoalChanges, useGoals } from './use-training.js';

/** A new target for a goal of mine (its sport, period and metric stay). */
function EditTarget({ goal, units, onDone }: { goal: Goal; units: Units; onDone: () => void }) {
  const { update } = useGoalChanges();
  const [target, setTarget] = useState(editableTarget(goal.metric, goal.target, units));
  const [invalid, setInvalid] = useState(false);
  // Focus moves from the Edit button (gone now) to the target it opened.
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const typed = typedTarget(target);
    setInvalid(typed === null);
    if (typed === null) return;
    update.mutate(
      { id: goal.id, target: fromMetricUnit(goal.metric, typed, units) },
      { onSuccess: onDone },
    );
  }
  return (
    <form className="goal-edit" onSubmit={submit} aria-label={`New target: ${goalTitle(goal)}`}>
      <TargetInput
        metric={goal.metric}
        units={units}
        value={target}
        onChange={setTarget}
        label="New target"
        inputRef={input}
      />
      <div className="row">
        <button type="submit" className="small" disabled={update.isPending}>
          Save
        </button>
        <button type="button" className="small ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
      {(invalid || update.isError) && (
        <p role="alert" className="error">
          {invalid ? 'Enter a target above zero.' : errorMessage(update.error)}
        </p>
      )}
    </form>
  );
}

function MyGoal({ goal, units }: { goal: Goal; units: Units }) {
  const { remove } = useGoalChanges();
  const [editing, setEditing] = useState(false);
  // Gone at once when deleted (closing its dialog), before the list is fetched again.
  const [deleted, setDeleted] = useState(false);
  if (deleted) return null;
  return (
    <GoalBar goal={goal} units={units}>
      {editing ? (
        <EditTarget goal={goal} units={units} onDone={() => setEditing(false)} />
      ) : (
        <div className="row goal-actions">
          <button
            type="button"
            className="small ghost"
            aria-label={`Change the target: ${goalTitle(goal)}`}
            onClick={() => setEditing(true)}
          >
            Edit
          </button>
          <ConfirmDelete
            title="Delete this goal?"
            label={`Delete the goal: ${goalTitle(goal)}`}
            busy={remove.isPending}
            error={remove.isError ? errorMessage(remove.error) : null}
            onConfirm={() => remove.mutate(goal.id, { onSuccess: () => setDeleted(true) })}
          >
            <p>{goalTitle(goal)}</p>
          </ConfirmDelete>
        </div>
      )}
    </GoalBar>
  );
}

/**
 * The athlete's goals with their progress this week, month or year; the athlete adds, changes
 * and deletes their own here.
 */
export function GoalsSection({
  athleteId,
  units,
  self,
}: {
  athleteId: string;
  units: Units;
  self: boolean;
}) {
  const goals = useGoals(athleteId);
  const items = goals.data ?? [];
  return (
    <Section id="goals-title" title="Goals">
      {goals.isPending ? (
        <p className="muted">Loading…</p>
      ) : goals.isError ? (
        <p className="error">{errorMessage(goals.error)}</p>
      ) : items.length ? (
        <ul className="goals" aria-labelledby="goals-title">
          {items.map((g) =>
            self ? (
              <MyGoal key={g.id} goal={g} units={units} />
            ) : (
              <GoalBar key={g.id} goal={g} units={units} />
            ),
          )}
        </ul>
      ) : (
        <p className="muted">{self ? 'No goals yet: set one below.' : 'No goals set.'}</p>
      )}
      {self && <GoalForm units={units} />}
    </Section>
  );
}
