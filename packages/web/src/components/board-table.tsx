import type { AthleteRef } from '@stride/client';
import type { ReactNode } from 'react';
import { Link } from 'wouter';

/**
 * A leaderboard table: the top rows, then — when the viewer ranks below them — a gap and the
 * rows around the viewer, as Strava shows them. `row` draws one entry as a <tr>.
 */
export function BoardTable<T>({
  columns,
  top,
  below,
  row,
}: {
  columns: readonly string[];
  top: readonly T[];
  below: readonly T[];
  row: (entry: T) => ReactNode;
}) {
  return (
    <table className="board">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {top.map(row)}
        {below.length > 0 && (
          <tr className="gap">
            <td colSpan={columns.length}>
              <span aria-hidden="true">⋯</span>
              <span className="visually-hidden">Further down the board</span>
            </td>
          </tr>
        )}
        {below.map(row)}
      </tbody>
    </table>
  );
}

/** One athlete's row: rank, name (to their profile), then `children`; the viewer's is marked. */
export function BoardRow({
  rank,
  athlete,
  mine,
  children,
}: {
  rank: ReactNode;
  athlete: AthleteRef;
  mine: boolean;
  children: ReactNode;
}) {
  return (
    <tr className={mine ? 'me' : undefined} aria-current={mine ? 'true' : undefined}>
      <td className="rank">{rank}</td>
      <th scope="row">
        <Link href={`/athletes/${athlete.handle}`} className="athlete-name">
          {athlete.display_name}
        </Link>
        {mine && <span className="muted small"> (you)</span>}
      </th>
      {children}
    </tr>
  );
}
