import { Link } from 'wouter';
import { errorMessage } from '../../api/client.js';
import { Section } from '../../components/section.js';
import { Stat } from '../../components/stat.js';
import {
  DASH,
  formatDistance,
  formatDuration,
  formatElevation,
  type Units,
} from '../../lib/format.js';
import { useMe, useUnits } from '../auth/use-me.js';
import { recordDay, yearFrom } from './days.js';
import { SPORT_NAMES } from './goal-text.js';
import { formatTotal } from './metric-units.js';
import type { SportFilter, YearInReview } from './types.js';
import { useProfile } from './use-profile.js';
import { useYearInReview } from './use-training.js';
import './training.css';

const FAMILIES: readonly Exclude<SportFilter, 'all'>[] = ['run', 'ride', 'swim', 'walk', 'other'];

function SportTotals({ r, units }: { r: YearInReview; units: Units }) {
  const shown = FAMILIES.filter((f) => r.totals[f]?.count > 0);
  if (!shown.length) return null;
  return (
    <Section id="year-sports-title" title="Per sport">
      <div className="table-scroll">
        <table className="year-sports">
          <thead>
            <tr>
              <th scope="col">Sport</th>
              <th scope="col">Activities</th>
              <th scope="col">Distance</th>
              <th scope="col">Time</th>
              <th scope="col">Elevation</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => {
              const t = r.totals[f];
              return (
                <tr key={f}>
                  <th scope="row">{SPORT_NAMES[f]}</th>
                  <td>{t.count}</td>
                  <td>{t.distance > 0 ? formatTotal('distance', t.distance, units) : DASH}</td>
                  <td>{formatTotal('moving_time', t.moving_time, units)}</td>
                  <td>{formatTotal('elevation_gain', t.elevation_gain, units)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

function Highlights({ r, units }: { r: YearInReview; units: Units }) {
  const { longest, biggest_climb: climb, most_ridden_segment: segment } = r;
  if (!longest && !climb && !segment) return null;
  return (
    <Section id="year-highlights-title" title="Highlights">
      <dl className="highlights">
        {longest && (
          <div>
            <dt>Longest activity</dt>
            <dd>
              <Link href={`/activities/${longest.id}`}>{longest.name}</Link>
              <span className="muted small block">
                {formatDistance(longest.distance, units)} · {formatDuration(longest.moving_time)} ·{' '}
                {recordDay(longest.start_date_local)}
              </span>
            </dd>
          </div>
        )}
        {climb && (
          <div>
            <dt>Biggest climb</dt>
            <dd>
              <Link href={`/activities/${climb.id}`}>{climb.name}</Link>
              <span className="muted small block">
                {formatElevation(climb.elevation_gain, units)} · {recordDay(climb.start_date_local)}
              </span>
            </dd>
          </div>
        )}
        {segment && (
          <div>
            <dt>Most-ridden segment</dt>
            <dd>
              <Link href={`/segments/${segment.id}`}>{segment.name}</Link>
              <span className="muted small block">
                {segment.efforts} {segment.efforts === 1 ? 'effort' : 'efforts'}
              </span>
            </dd>
          </div>
        )}
      </dl>
    </Section>
  );
}

function Review({ athleteId, year, units }: { athleteId: string; year: number; units: Units }) {
  const review = useYearInReview(athleteId, year);
  if (review.isPending) return <p className="muted">Loading…</p>;
  if (review.isError) return <p className="error">{errorMessage(review.error)}</p>;
  const r = review.data;
  const all = r.totals.all;
  if (!all || all.count === 0) return <p className="muted">No activities in {year}.</p>;
  return (
    <>
      <section className="card section" aria-label={`${year} in numbers`}>
        <dl className="stats-grid">
          <Stat big label="Activities" value={all.count} />
          <Stat big label="Active days" value={r.active_days} />
          <Stat big label="Distance" value={formatTotal('distance', all.distance, units)} />
          <Stat
            big
            label="Moving time"
            value={formatTotal('moving_time', all.moving_time, units)}
          />
          <Stat
            big
            label="Elevation"
            value={formatTotal('elevation_gain', all.elevation_gain, units)}
          />
        </dl>
      </section>
      <SportTotals r={r} units={units} />
      <Highlights r={r} units={units} />
    </>
  );
}

/** /athletes/:handle/year/:year — a year's totals per sport, active days and highlights. */
export function YearInReviewPage({ athlete, year: param }: { athlete: string; year?: string }) {
  const me = useMe();
  const units = useUnits();
  const profile = useProfile(athlete);
  const year = yearFrom(param);
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
  const base = `/athletes/${p.handle}/year`;
  const thisYear = new Date().getFullYear();
  return (
    <main className="page year-page">
      <p className="back-link">
        <Link href={`/athletes/${p.handle}/training`}>← Training</Link>
      </p>
      <h1>
        {year} in review
        {!self && <span className="muted h1-sub">{p.display_name}</span>}
      </h1>
      <nav aria-label="Years" className="row year-nav">
        <Link href={`${base}/${year - 1}`} className="button ghost small">
          ← {year - 1}
        </Link>
        {year < thisYear && (
          <Link href={`${base}/${year + 1}`} className="button ghost small">
            {year + 1} →
          </Link>
        )}
      </nav>
      <Review athleteId={p.id} year={year} units={units} />
    </main>
  );
}
