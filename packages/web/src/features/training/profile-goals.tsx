import { Link } from 'wouter';
import { Section } from '../../components/section.js';
import type { Units } from '../../lib/format.js';
import { GoalBar } from './goal-bar.js';
import { useGoals } from './use-training.js';

/** The athlete's goals on their profile, as progress bars; nothing when they have none. */
export function ProfileGoals({
  athleteId,
  handle,
  units,
}: {
  athleteId: string;
  handle: string;
  units: Units;
}) {
  const goals = useGoals(athleteId);
  // A server without goals answers 404: the profile reads as it did before them.
  if (!goals.data?.length) return null;
  return (
    <Section id="profile-goals-title" title="Goals" className="card section profile-goals">
      <ul className="goals compact" aria-labelledby="profile-goals-title">
        {goals.data.map((g) => (
          <GoalBar key={g.id} goal={g} units={units} />
        ))}
      </ul>
      <p className="small">
        <Link href={`/athletes/${handle}/training#goals-title`}>All goals and training</Link>
      </p>
    </Section>
  );
}
