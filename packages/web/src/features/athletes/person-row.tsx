import type { PersonResult } from '@stride/client';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { Avatar } from '../../components/avatar.js';
import { PersonFollowButton } from './follow-actions.js';

/**
 * One athlete in a list of people found or suggested: avatar, name (to their profile), handle
 * and city, whether they follow me, a line saying why they are here when there is one, and a
 * Follow button that works in place.
 */
export function PersonRow({ person, children }: { person: PersonResult; children?: ReactNode }) {
  return (
    <li className="person" data-handle={person.handle}>
      <Avatar name={person.display_name} id={person.id} size={40} />
      <div className="person-id">
        <Link href={`/athletes/${person.handle}`} className="athlete-name">
          {person.display_name}
        </Link>
        <p className="meta">
          @{person.handle}
          {person.city && ` · ${person.city}`}
          {person.follows_you && <span className="tag"> Follows you</span>}
        </p>
        {children}
      </div>
      <span className="actions">
        <PersonFollowButton person={person} />
      </span>
    </li>
  );
}
