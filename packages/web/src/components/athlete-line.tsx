import type { ActivitySummary } from '@stride/client';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { formatStart, sportName } from '../lib/format.js';
import { Avatar } from './avatar.js';

/** Who did an activity, which sport, when: the head of a card and of the activity page. */
export function AthleteLine({ a, children }: { a: ActivitySummary; children?: ReactNode }) {
  return (
    <div className="card-head">
      <Avatar name={a.athlete.display_name} id={a.athlete.id} />
      <div>
        <Link href={`/athletes/${a.athlete.handle}`} className="athlete-name">
          {a.athlete.display_name}
        </Link>
        <p className="meta">
          <span className="sport-tag">{sportName(a.sport_type)}</span>{' '}
          {formatStart(a.start_date_local)}
          {children}
        </p>
      </div>
    </div>
  );
}
