import type { AthleteBoardEntry, Me, QueryParams, SegmentSport } from '@stride/client';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'wouter';
import { api, unwrap } from '../../api/client.js';
import { BoardRow, BoardTable } from '../../components/board-table.js';
import { SportToggle } from '../../components/sport-toggle.js';
import { type TabItem, Tabs, tabId } from '../../components/tabs.js';
import { formatDistance, formatDuration, formatElevation } from '../../lib/format.js';
import { useMe, useUnits } from '../auth/use-me.js';
import { ExploreNav } from '../segments/explore-nav.js';

type Period = 'week' | 'month' | 'year';
const PERIODS: TabItem<Period>[] = [
  { id: 'week', label: 'This week' },
  { id: 'month', label: 'This month' },
  { id: 'year', label: 'This year' },
];

type Scope = 'everyone' | 'following' | 'country' | 'region' | 'city';

/** The viewer's own places, as their profile names them: a region or city is of a country. */
function scopes(me: Me | undefined): { id: Scope; label: string }[] {
  const out: { id: Scope; label: string }[] = [
    { id: 'everyone', label: 'Everyone' },
    { id: 'following', label: 'Following' },
  ];
  if (me?.country) {
    out.push({ id: 'country', label: me.country });
    if (me.region) out.push({ id: 'region', label: me.region });
    if (me.city) out.push({ id: 'city', label: me.city });
  }
  return out;
}

const noun = (sport: SegmentSport, n: number) =>
  `${sport === 'Ride' ? 'ride' : 'run'}${n === 1 ? '' : 's'}`;

/** The viewer's local date (YYYY-MM-DD): it picks the current week, month and year. */
function localDate(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

type BoardQuery = QueryParams<'/api/v1/leaderboards/athletes', 'get'>;

function query(sport: SegmentSport, period: Period, scope: Scope, me: Me | undefined): BoardQuery {
  const q: BoardQuery = { sport, period, date: localDate(), limit: 20 };
  if (scope === 'following') q.following = true;
  if (scope !== 'everyone' && scope !== 'following' && me?.country) {
    q.country = me.country;
    if (scope === 'region' && me.region) q.region = me.region;
    if (scope === 'city' && me.city) q.city = me.city;
  }
  return q;
}

/**
 * /leaderboards — the classic athlete leaderboard: who ran or rode the farthest this week,
 * month or year, among everyone, the people I follow, or in my country, region or city.
 */
export function LeaderboardsPage() {
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const units = useUnits();
  const sport: SegmentSport = params.get('sport') === 'Ride' ? 'Ride' : 'Run';
  const period = PERIODS.find((p) => p.id === params.get('period'))?.id ?? 'week';
  const options = scopes(me.data);
  const scope = options.find((o) => o.id === params.get('scope'))?.id ?? 'everyone';
  const set = (change: Record<string, string>) =>
    setParams((old) => {
      const next = new URLSearchParams(old);
      for (const [k, v] of Object.entries(change)) next.set(k, v);
      return next;
    });
  const q = query(sport, period, scope, me.data);
  const board = useQuery({
    queryKey: ['leaderboards', 'athletes', q],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/leaderboards/athletes', { params: { query: q }, signal })),
    enabled: me.isSuccess,
    placeholderData: (previous) => previous,
  });
  const entries = board.data?.entries ?? [];
  const viewer = board.data?.viewer ?? null;
  const listed = !!viewer && entries.some((e) => e.athlete.id === viewer.athlete.id);
  const row = (e: AthleteBoardEntry) => {
    return (
      <BoardRow
        key={e.athlete.id}
        rank={e.rank}
        athlete={e.athlete}
        mine={e.athlete.id === me.data?.id}
      >
        <td>
          <strong>{formatDistance(e.distance, units)}</strong>
          <span className="muted small block">
            {e.activities} {noun(sport, e.activities)} · {formatDuration(e.moving_time)} ·{' '}
            {formatElevation(e.total_elevation_gain, units)}
          </span>
        </td>
      </BoardRow>
    );
  };

  return (
    <main className="page explore-page">
      <ExploreNav />
      <div className="row wrap explore-tools">
        <SportToggle value={sport} onChange={(s) => set({ sport: s })} />
        <select
          aria-label="Among"
          value={scope}
          onChange={(e) => set({ scope: e.currentTarget.value })}
        >
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <section className="card section" aria-labelledby="athletes-title">
        <h1 id="athletes-title" className="h2">
          Top {sport === 'Ride' ? 'riders' : 'runners'} by distance
        </h1>
        <Tabs
          label="Period"
          tabs={PERIODS}
          current={period}
          onSelect={(p) => set({ period: p })}
          panelId="athletes-panel"
        />
        <div
          id="athletes-panel"
          role="tabpanel"
          aria-labelledby={tabId('athletes-panel', period)}
          aria-busy={board.isFetching}
        >
          {board.isPending ? (
            <p className="muted">Loading…</p>
          ) : board.isError ? (
            <p className="error">Could not load the leaderboard.</p>
          ) : entries.length === 0 ? (
            <p className="muted empty">Nobody here has been out yet in this period.</p>
          ) : (
            <BoardTable
              columns={['Rank', 'Athlete', 'Distance']}
              top={entries}
              below={viewer && !listed ? [viewer] : []}
              row={row}
            />
          )}
          {board.data && (
            <p className="muted small board-foot">
              {viewer ? (
                <>
                  Your rank: <strong>{viewer.rank}</strong>
                </>
              ) : (
                `You have no ${sport.toLowerCase()} on this board yet.`
              )}
              {!me.data?.country && ' · Add your country and city in Settings for local boards.'}
            </p>
          )}
        </div>
      </section>
    </main>
  );
}
