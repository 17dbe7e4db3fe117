import { achievementText, achievementTitle } from './achievement-text.js';
import type { ActivityAchievement } from './types.js';

/** An activity's honours as chips: "PR · 5k", "2nd · 10k", "First 10k". */
export function AchievementBadges({ items }: { items: ActivityAchievement[] | undefined }) {
  if (!items?.length) return null;
  return (
    <ul className="achievements" aria-label="Achievements">
      {items.map((a) => (
        <li
          key={`${a.kind}:${a.name}`}
          className={a.kind === 'pr' && (a.rank ?? 1) === 1 ? 'badge pr' : 'badge top10'}
          title={achievementTitle(a)}
        >
          {achievementText(a)}
        </li>
      ))}
    </ul>
  );
}
