import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { errorMessage } from '../../api/client.js';
import { Section } from '../../components/section.js';
import {
  DASH,
  formatDuration,
  formatSpeedFor,
  formatWindow,
  ordinal,
  type Units,
} from '../../lib/format.js';
import { achievementText, achievementTitle, streakText } from './achievement-text.js';
import { recordDay } from './days.js';
import type { BestEffortRecords, PowerBest, RecentAchievement } from './types.js';
import { useAchievements } from './use-training.js';

const RANKS = [1, 2, 3] as const;

/** A record: its value, linking to the activity, over its date. */
function RecordCell({
  record,
  children,
}: {
  record: { activity_id: string; start_date_local: string } | undefined;
  children: ReactNode;
}) {
  if (!record) return <td className="muted">{DASH}</td>;
  return (
    <td>
      <Link href={`/activities/${record.activity_id}`}>{children}</Link>
      <span className="muted small block">{recordDay(record.start_date_local)}</span>
    </td>
  );
}

/** A table of the three best per row: best efforts by distance, power by duration. */
function RecordsTable({
  title,
  head,
  children,
}: {
  title: string;
  head: string;
  children: ReactNode;
}) {
  return (
    <>
      <h3 className="h3">{title}</h3>
      <div className="table-scroll">
        <table className="records">
          <thead>
            <tr>
              <th scope="col">{head}</th>
              {RANKS.map((r) => (
                <th key={r} scope="col">
                  {ordinal(r)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </>
  );
}

function BestEffortRows({ efforts }: { efforts: BestEffortRecords[] }) {
  return efforts.map((e) => (
    <tr key={e.name}>
      <th scope="row">{e.name}</th>
      {RANKS.map((rank) => {
        const r = e.records.find((x) => x.rank === rank);
        return (
          <RecordCell key={rank} record={r}>
            {r && formatDuration(r.elapsed_time)}
          </RecordCell>
        );
      })}
    </tr>
  ));
}

/** Rides' bests per duration: `show` writes a value (watts, or a speed in the athlete's units). */
function WindowRows({ bests, show }: { bests: PowerBest[]; show: (value: number) => string }) {
  return bests.map((b) => (
    <tr key={b.duration}>
      <th scope="row">{formatWindow(b.duration)}</th>
      {RANKS.map((rank) => {
        const r = b.records.find((x) => x.rank === rank);
        return (
          <RecordCell key={rank} record={r}>
            {r && show(r.value)}
          </RecordCell>
        );
      })}
    </tr>
  ));
}

/** How each best effort came down: every time it was lowered, oldest first (the last five). */
function PrHistory({ efforts }: { efforts: BestEffortRecords[] }) {
  const lowered = efforts.filter((e) => e.history.length > 1);
  if (!lowered.length) return null;
  return (
    <>
      <h3 className="h3">PR history</h3>
      <ul className="pr-history">
        {lowered.map((e) => (
          <li key={e.name}>
            <strong>{e.name}</strong>{' '}
            {e.history.slice(-5).map((h, i) => (
              <span key={h.activity_id}>
                {i > 0 && ' → '}
                <Link href={`/activities/${h.activity_id}`}>{formatDuration(h.elapsed_time)}</Link>
                <span className="muted small"> ({recordDay(h.start_date_local)})</span>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}

function RecentList({ items }: { items: RecentAchievement[] }) {
  return (
    <>
      <h3 className="h3">Recent</h3>
      <ul className="recent-achievements">
        {items.map((a) => (
          <li key={`${a.activity_id}:${a.kind}:${a.name}`}>
            <Link href={`/activities/${a.activity_id}`} title={achievementTitle(a)}>
              <span className={a.kind === 'pr' && (a.rank ?? 1) === 1 ? 'badge pr' : 'badge top10'}>
                {achievementText(a)}
              </span>{' '}
              {formatDuration(a.elapsed_time)}
            </Link>
            <span className="muted small">{recordDay(a.start_date_local)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * Best efforts (the three fastest at each distance), rides' power bests, the streak of weeks
 * with an activity, and the latest achievements; each record links to its activity.
 */
export function AchievementsSection({ athleteId, units }: { athleteId: string; units: Units }) {
  const achievements = useAchievements(athleteId);
  const a = achievements.data;
  const efforts = a?.best_efforts.filter((e) => e.records.length > 0) ?? [];
  const power = a?.power_bests.filter((b) => b.records.length > 0) ?? [];
  const speed = a?.speed_bests?.filter((b) => b.records.length > 0) ?? [];
  return (
    <Section id="achievements-title" title="Achievements">
      {achievements.isPending ? (
        <p className="muted">Loading…</p>
      ) : achievements.isError || !a ? (
        <p className="error">{errorMessage(achievements.error)}</p>
      ) : (
        <>
          <p className="streak">
            <span className="muted">Weekly streak: </span>
            <strong>{streakText(a.streak)}</strong>
          </p>
          {efforts.length > 0 && (
            <RecordsTable title="Best efforts" head="Distance">
              <BestEffortRows efforts={efforts} />
            </RecordsTable>
          )}
          <PrHistory efforts={efforts} />
          {power.length > 0 && (
            <RecordsTable title="Power bests (rides)" head="Duration">
              <WindowRows bests={power} show={(w) => `${Math.round(w)} W`} />
            </RecordsTable>
          )}
          {speed.length > 0 && (
            <RecordsTable title="Speed bests (rides)" head="Duration">
              <WindowRows bests={speed} show={(v) => formatSpeedFor('Ride', v, units)} />
            </RecordsTable>
          )}
          {a.recent.length > 0 && <RecentList items={a.recent} />}
          {!efforts.length && !power.length && !speed.length && !a.recent.length && (
            <p className="muted">No records yet.</p>
          )}
        </>
      )}
    </Section>
  );
}
