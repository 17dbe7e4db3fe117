import { Link } from 'wouter';
import { useScrollToHash } from '../../components/scroll-to-hash.js';
import { useMe, useUnits } from '../auth/use-me.js';
import { AchievementsSection } from './achievements-section.js';
import { CalendarSection } from './calendar-section.js';
import { FitnessSection } from './fitness-section.js';
import { GoalsSection } from './goals-section.js';
import { ProgressSection } from './progress-section.js';
import { useProfile } from './use-profile.js';
import './training.css';

const SECTIONS = [
  ['progress-title', 'Progress'],
  ['log-title', 'Log'],
  ['fitness-title', 'Fitness'],
  ['goals-title', 'Goals'],
  ['achievements-title', 'Achievements'],
] as const;

/**
 * /athletes/:handle/training — an athlete's training: progress over weeks, months and years,
 * the training log, fitness and freshness, goals, achievements; a link to the year in review.
 */
export function TrainingPage({ athlete }: { athlete: string }) {
  const me = useMe();
  const units = useUnits();
  const profile = useProfile(athlete);
  useScrollToHash(profile.isSuccess);
  if (profile.isPending) return <main className="page muted">Loading…</main>;
  if (profile.isError)
    return (
      <main className="page">
        <h1>Athlete not found</h1>
        <Link href="/">Back to the feed</Link>
      </main>
    );
  const p = profile.data;
  const self = me.data?.id === p.id;
  const year = new Date().getFullYear();
  return (
    <main className="page training-page">
      <p className="back-link">
        <Link href={`/athletes/${p.handle}`}>← {self ? 'Your profile' : p.display_name}</Link>
      </p>
      <div className="row wrap training-head">
        <h1 className="grow">{self ? 'Your training' : `${p.display_name}’s training`}</h1>
        <Link href={`/athletes/${p.handle}/year/${year}`} className="button ghost small">
          {year} in review
        </Link>
      </div>
      <nav aria-label="Training sections" className="jump-links">
        {SECTIONS.map(([id, label]) => (
          <a key={id} href={`#${id}`}>
            {label}
          </a>
        ))}
      </nav>
      <ProgressSection athleteId={p.id} units={units} />
      <CalendarSection athleteId={p.id} units={units} />
      <FitnessSection athleteId={p.id} units={units} self={self} />
      <GoalsSection athleteId={p.id} units={units} self={self} />
      <AchievementsSection athleteId={p.id} units={units} />
    </main>
  );
}
