import type { ActivitySummary } from '@stride/client';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { formatStart, formatWhen, sportName } from '../lib/format.js';
import { Avatar } from './avatar.js';

/** Who did an activity, which sport, when and where: the head of a card and of the activity page. */
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
          <time dateTime={a.start_date ?? undefined} title={formatStart(a.start_date_local)}>
            {formatWhen(a.start_date, a.start_date_local)}
          </time>
          {a.location_city && (
            <span className="place">
              {' '}
              · {a.location_city}
              {a.location_country ? `, ${a.location_country}` : ''}
            </span>
          )}
          {children}
        </p>
      </div>
    </div>
  );
}
