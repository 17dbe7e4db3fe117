import type { ActivitySummary, Units } from '@stride/client';
import { Link } from 'wouter';
import { AthleteLine } from '../../components/athlete-line.js';
import { RoutePreview } from '../../components/route-preview.js';
import { Stat } from '../../components/stat.js';
import {
  DASH,
  formatDuration,
  formatElevation,
  formatMeasuredDistance,
  formatSpeedFor,
  speedLabel,
} from '../../lib/format.js';
import { useMe } from '../auth/use-me.js';
import { PhotoImage } from '../photos/photo-image.js';
import { KudosButton } from '../social/kudos-button.js';
import type { ActivityTrainingFields } from '../training/types.js';

/** How many achievements (PRs, firsts) an activity has, when its summary says (newer servers). */
function achievementCount(a: ActivitySummary & ActivityTrainingFields): number {
  return a.achievement_count ?? a.achievements?.length ?? 0;
}

/**
 * One activity in a list: who, when, what, the headline numbers, a drawing of the route and
 * its first photo.
 */
export function ActivityCard({ a, units }: { a: ActivitySummary; units: Units }) {
  const me = useMe();
  const achievements = achievementCount(a);
  return (
    <article className="card activity-card" aria-labelledby={`title-${a.id}`}>
      <header>
        <AthleteLine a={a}>
          {a.multisport && (
            <span className="leg-of">
              {' '}
              · Leg {a.multisport.leg} of {a.multisport.legs}
            </span>
          )}
          {a.visibility !== 'everyone' && (
            <span className="visibility">
              {' '}
              · {a.visibility === 'only_me' ? 'Only you' : 'Followers'}
            </span>
          )}
        </AthleteLine>
      </header>
      <h2 id={`title-${a.id}`} className="card-title">
        <Link href={`/activities/${a.id}`}>{a.name}</Link>
      </h2>
      <dl className="stats-row">
        <Stat label="Distance" value={formatMeasuredDistance(a.distance, units)} />
        <Stat
          label={speedLabel(a.sport_type)}
          value={a.distance > 0 ? formatSpeedFor(a.sport_type, a.average_speed, units) : DASH}
        />
        <Stat label="Time" value={formatDuration(a.moving_time)} />
        <Stat
          label="Elev gain"
          value={
            // A pool or a trainer climbs nothing: no "0 m" where there was nowhere to climb.
            a.map.summary_polyline || (a.total_elevation_gain ?? 0) > 0
              ? formatElevation(a.total_elevation_gain, units)
              : DASH
          }
        />
      </dl>
      <div className="card-social">
        <KudosButton
          activityId={a.id}
          count={a.kudos_count}
          given={a.has_kudoed}
          own={me.data?.id === a.athlete.id}
        />
        <Link href={`/activities/${a.id}#comments`} className="comment-link">
          {a.comment_count} {a.comment_count === 1 ? 'comment' : 'comments'}
        </Link>
        {achievements > 0 && (
          <Link href={`/activities/${a.id}`} className="achievement-count">
            {achievements} {achievements === 1 ? 'achievement' : 'achievements'}
          </Link>
        )}
      </div>
      {(a.map.summary_polyline || a.first_photo) && (
        <Link href={`/activities/${a.id}`} className="card-media" tabIndex={-1} aria-hidden="true">
          {a.map.summary_polyline && (
            <span className="card-map">
              <RoutePreview route={a.map.summary_polyline} width={320} height={120} />
            </span>
          )}
          {a.first_photo && (
            <span className="card-photo">
              <PhotoImage url={a.first_photo} alt="" className="card-photo-image" />
              {a.photo_count > 1 && <span className="photo-count">+{a.photo_count - 1}</span>}
            </span>
          )}
        </Link>
      )}
    </article>
  );
}
