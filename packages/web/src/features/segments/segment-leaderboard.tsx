import type { Segment, SegmentBoardEntry, SegmentPeriod, Units } from '@stride/client';
import { useState } from 'react';
import { Link } from 'wouter';
import { BoardRow, BoardTable } from '../../components/board-table.js';
import { Crown } from '../../components/effort-badges.js';
import { Section } from '../../components/section.js';
import { type TabItem, Tabs, tabId } from '../../components/tabs.js';
import { formatDay, formatDuration, formatSpeedFor } from '../../lib/format.js';
import { type BoardFilter, useLeaderboard } from './use-segment.js';

const PERIODS: TabItem<SegmentPeriod>[] = [
  { id: 'all_time', label: 'All time' },
  { id: 'year', label: 'Year' },
  { id: 'month', label: 'Month' },
  { id: 'week', label: 'Week' },
  { id: 'today', label: 'Today' },
];

/** Strava's age groups, by the age reached in the effort's year. */
const AGE_GROUPS: [BoardFilter['ageGroup'], string][] = [
  ['', 'All ages'],
  ['0_19', '19 and under'],
  ['20_24', '20–24'],
  ['25_34', '25–34'],
  ['35_44', '35–44'],
  ['45_54', '45–54'],
  ['55_64', '55–64'],
  ['65_69', '65–69'],
  ['70_74', '70–74'],
  ['75_plus', '75+'],
];

function EffortRow({
  e,
  meId,
  crown,
  queen,
  segment,
  units,
}: {
  e: SegmentBoardEntry;
  meId: string | undefined;
  crown: boolean;
  queen: boolean;
  segment: Segment;
  units: Units;
}) {
  return (
    <BoardRow
      athlete={e.athlete}
      mine={e.athlete.id === meId}
      rank={
        crown && e.rank === 1 ? (
          <>
            <Crown queen={queen} />
            <span className="visually-hidden">1</span>
          </>
        ) : (
          e.rank
        )
      }
    >
      <td>
        <strong>{formatDuration(e.elapsed_time)}</strong>
        <span className="muted small block nowrap">
          {formatSpeedFor(segment.sport_type, segment.distance / e.elapsed_time, units)}
        </span>
      </td>
      <td>
        <Link href={`/activities/${e.activity_id}`} title="Open the activity" className="nowrap">
          {formatDay(e.start_date_local)}
        </Link>
      </td>
    </BoardRow>
  );
}

/**
 * The segment's leaderboards: one tab per period, filters for the people the viewer follows,
 * sex and age group; the viewer's own row is marked, and when it is below the top entries it
 * is shown with its neighbours after a gap, as Strava does.
 */
export function SegmentLeaderboard({
  segment,
  meId,
  polling,
  units,
}: {
  segment: Segment;
  meId: string | undefined;
  polling: boolean;
  units: Units;
}) {
  const [f, setF] = useState<BoardFilter>({
    period: 'all_time',
    following: false,
    sex: '',
    ageGroup: '',
  });
  const board = useLeaderboard(segment.id, f, polling);
  const set = (change: Partial<BoardFilter>) => setF((old) => ({ ...old, ...change }));
  const data = board.data;
  const entries = data?.entries ?? [];
  const viewer = data?.viewer ?? null;
  const inTop = !!viewer && entries.some((e) => e.effort_id === viewer.best.effort_id);
  const listed = new Set(entries.map((e) => e.effort_id));
  const below = viewer && !inTop ? viewer.neighbours.filter((n) => !listed.has(n.effort_id)) : [];
  const row = (e: SegmentBoardEntry) => (
    <EffortRow
      key={e.effort_id}
      e={e}
      meId={meId}
      crown={f.period === 'all_time'}
      queen={f.sex === 'F'}
      segment={segment}
      units={units}
    />
  );

  return (
    <Section id="board-title" title="Leaderboard">
      <Tabs
        label="Period"
        tabs={PERIODS}
        current={f.period}
        onSelect={(period) => set({ period })}
        panelId="board-panel"
      />
      <div className="filters">
        {meId && (
          <select
            aria-label="Whose efforts"
            value={f.following ? 'following' : 'everyone'}
            onChange={(e) => set({ following: e.currentTarget.value === 'following' })}
          >
            <option value="everyone">Everyone</option>
            <option value="following">Following</option>
          </select>
        )}
        <select
          aria-label="Sex"
          value={f.sex}
          onChange={(e) => set({ sex: e.currentTarget.value as BoardFilter['sex'] })}
        >
          <option value="">Overall</option>
          <option value="M">Men</option>
          <option value="F">Women</option>
        </select>
        <select
          aria-label="Age group"
          value={f.ageGroup}
          onChange={(e) => set({ ageGroup: e.currentTarget.value as BoardFilter['ageGroup'] })}
        >
          {AGE_GROUPS.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div
        id="board-panel"
        role="tabpanel"
        aria-labelledby={tabId('board-panel', f.period)}
        aria-busy={board.isFetching}
      >
        {board.isPending ? (
          <p className="muted">Loading…</p>
        ) : board.isError ? (
          <p className="error">Could not load the leaderboard.</p>
        ) : entries.length === 0 ? (
          <p className="muted empty">
            {f.following ? 'Nobody you follow has an effort here yet.' : 'No efforts here yet.'}
          </p>
        ) : (
          <>
            <BoardTable
              columns={['Rank', 'Athlete', 'Time', 'Date']}
              top={entries}
              below={below}
              row={row}
            />
            <p className="muted small board-foot">
              {data!.entry_count} {data!.entry_count === 1 ? 'athlete' : 'athletes'}
              {viewer && (
                <>
                  {' '}
                  · Your rank: <strong>{viewer.best.rank}</strong>
                </>
              )}
            </p>
          </>
        )}
      </div>
    </Section>
  );
}
