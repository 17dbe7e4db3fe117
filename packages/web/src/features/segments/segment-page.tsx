import type { Segment, Units } from '@stride/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError, api, errorMessage, unwrap } from '../../api/client.js';
import { StreamCharts } from '../../components/charts/stream-charts.js';
import { ConfirmDelete } from '../../components/confirm-delete.js';
import { Medal } from '../../components/effort-badges.js';
import { LoadMore } from '../../components/load-more.js';
import { RouteMap } from '../../components/map/index.js';
import { Section } from '../../components/section.js';
import { Stat } from '../../components/stat.js';
import {
  formatDay,
  formatDistance,
  formatDuration,
  formatElevation,
  formatGrade,
} from '../../lib/format.js';
import { useMe, useUnits } from '../auth/use-me.js';
import { SegmentLeaderboard } from './segment-leaderboard.js';
import {
  STARRED,
  segmentKey,
  useMyEfforts,
  useSegment,
  useSegmentStreams,
  useStar,
} from './use-segment.js';

function StarButton({ s }: { s: Segment }) {
  const star = useStar(s);
  return (
    <button
      type="button"
      className={s.starred ? 'ghost star on' : 'ghost star'}
      aria-pressed={s.starred}
      disabled={star.isPending}
      onClick={() => star.mutate()}
    >
      <span aria-hidden="true">{s.starred ? '★' : '☆'}</span> {s.starred ? 'Starred' : 'Star'}
      <span className="count">{s.star_count}</span>
    </button>
  );
}

function Headline({ s, units }: { s: Segment; units: Units }) {
  const more: [string, string][] = [];
  if (s.elevation_high != null) more.push(['Highest', formatElevation(s.elevation_high, units)]);
  if (s.elevation_low != null) more.push(['Lowest', formatElevation(s.elevation_low, units)]);
  more.push(['Efforts', String(s.effort_count)], ['Athletes', String(s.athlete_count)]);
  return (
    <>
      <dl className="stats-grid">
        <Stat big label="Distance" value={formatDistance(s.distance, units)} />
        <Stat big label="Avg grade" value={formatGrade(s.average_grade)} />
        <Stat big label="Max grade" value={formatGrade(s.maximum_grade)} />
        <Stat big label="Elev gain" value={formatElevation(s.total_elevation_gain, units)} />
      </dl>
      <dl className="stats-more">
        {more.map(([k, v]) => (
          <Stat key={k} label={k} value={v} />
        ))}
      </dl>
    </>
  );
}

/** The viewer's own efforts here, newest first, with their best on top. */
function MyEfforts({ s, polling }: { s: Segment; polling: boolean }) {
  const q = useMyEfforts(s.id, polling);
  const efforts = q.data?.pages.flatMap((p) => p.items) ?? [];
  const stats = s.athlete_segment_stats;
  return (
    <Section id="mine-title" title="Your efforts">
      {stats?.pr_elapsed_time != null && (
        <p className="pr-line">
          <Medal rank={1} /> Your best: <strong>{formatDuration(stats.pr_elapsed_time)}</strong>
          {stats.pr_date && (
            // An instant (not a wall-clock time): the day as the viewer's clock has it.
            <span className="muted">
              {' '}
              · {new Date(stats.pr_date).toLocaleDateString(undefined, { dateStyle: 'medium' })}
            </span>
          )}
        </p>
      )}
      {q.isPending ? (
        <p className="muted">Loading…</p>
      ) : efforts.length === 0 ? (
        <p className="muted">You have no effort on this segment yet.</p>
      ) : (
        <ul className="effort-list">
          {efforts.map((e) => (
            <li key={e.id}>
              <Link href={`/activities/${e.activity_id}`}>{formatDay(e.start_date_local)}</Link>
              <span className="badges">
                {e.pr_rank != null && <Medal rank={e.pr_rank} />}
                <strong>{formatDuration(e.elapsed_time)}</strong>
              </span>
            </li>
          ))}
        </ul>
      )}
      <LoadMore
        hasMore={q.hasNextPage}
        loading={q.isFetchingNextPage}
        onLoad={() => void q.fetchNextPage()}
      />
    </Section>
  );
}

function DeleteSegment({ s }: { s: Segment }) {
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const remove = useMutation({
    mutationFn: () =>
      unwrap(api.DELETE('/api/v1/segments/{id}', { params: { path: { id: s.id } } })),
    onSuccess: () => {
      client.removeQueries({ queryKey: segmentKey(s.id) });
      void client.invalidateQueries({ queryKey: STARRED });
      navigate('/segments');
    },
  });
  return (
    <ConfirmDelete
      title="Delete this segment?"
      busy={remove.isPending}
      error={remove.isError ? errorMessage(remove.error) : null}
      onConfirm={() => remove.mutate()}
    >
      <p>“{s.name}” and every effort and leaderboard on it are removed for everyone.</p>
    </ConfirmDelete>
  );
}

/** /segments/:id — the line on a map, its numbers and profile, leaderboards, my efforts. */
export function SegmentPage({ id }: { id: string }) {
  const segment = useSegment(id);
  const streams = useSegmentStreams(id);
  const units = useUnits();
  const me = useMe();
  const client = useQueryClient();
  const matching = !!segment.data?.matching;
  // Once the backfill is done, read the boards and my efforts once more: they are complete.
  const wasMatching = useRef(matching);
  useEffect(() => {
    if (wasMatching.current && !matching)
      void client.invalidateQueries({ queryKey: segmentKey(id) });
    wasMatching.current = matching;
  }, [matching, client, id]);

  if (segment.isPending) return <main className="page muted">Loading…</main>;
  if (segment.isError) {
    const notFound = segment.error instanceof ApiError && segment.error.status === 404;
    return (
      <main className="page">
        <h1>{notFound ? 'Segment not found' : 'Could not load this segment'}</h1>
        <p className="muted">{notFound ? 'It was deleted.' : 'Check your connection.'}</p>
        <Link href="/segments">Explore segments</Link>
      </main>
    );
  }
  const s = segment.data;
  const hasProfile = !!streams.data?.altitude?.data.some((v) => v != null);

  return (
    <main className="page activity-page segment-page">
      <header className="card activity-head">
        <p className="meta">
          <span className="sport-tag">{s.sport_type} segment</span>
        </p>
        <div className="title-row">
          <h1>{s.name}</h1>
          {me.data && <StarButton s={s} />}
        </div>
        <Headline s={s} units={units} />
      </header>
      <RouteMap
        route={s.map.polyline}
        label={`Map of ${s.name}`}
        className="route-map activity-map"
      />

      {matching && (
        <p className="notice" role="status">
          <span className="spin" aria-hidden="true">
            ↻
          </span>{' '}
          Matching past activities… the leaderboard fills in as they are found.
        </p>
      )}
      {hasProfile && (
        <Section id="profile-title" title="Elevation profile">
          <StreamCharts
            streams={streams.data!}
            sport={s.sport_type}
            units={units}
            only={['altitude']}
          />
        </Section>
      )}
      <SegmentLeaderboard segment={s} meId={me.data?.id} polling={matching} units={units} />
      {me.data && <MyEfforts s={s} polling={matching} />}
      {s.created_by_viewer && (
        <div className="actions">
          <span className="muted small">You created this segment.</span>
          <DeleteSegment s={s} />
        </div>
      )}
    </main>
  );
}
