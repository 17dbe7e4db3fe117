import type { Units } from '@stride/client';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import { Section } from '../../components/section.js';
import { formatDistance, formatDuration } from '../../lib/format.js';

const FAMILIES = [
  ['run', 'Runs'],
  ['ride', 'Rides'],
  ['swim', 'Swims'],
] as const;
const WINDOWS = [
  ['recent', '4 weeks'],
  ['ytd', 'This year'],
  ['all', 'All time'],
] as const;

/** Totals per sport: the last four weeks, this year, all time (what the viewer may see). */
export function AthleteTotals({ handle, units }: { handle: string; units: Units }) {
  const q = useQuery({
    queryKey: ['athlete-stats', handle],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/athletes/{athlete}/stats', {
          params: { path: { athlete: handle } },
          signal,
        }),
      ),
  });
  if (!q.data) return null;
  const s = q.data;
  const shown = FAMILIES.filter(([f]) => s[`all_${f}_totals`].count > 0);
  if (!shown.length) return null;
  return (
    <Section id="totals-title" title="Totals">
      <div className="table-scroll">
        <table className="totals">
          <thead>
            <tr>
              <td />
              {WINDOWS.map(([w, label]) => (
                <th key={w} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map(([f, label]) => (
              <tr key={f}>
                <th scope="row">{label}</th>
                {WINDOWS.map(([w]) => {
                  const t = s[`${w}_${f}_totals`];
                  return (
                    <td key={w}>
                      <strong>{formatDistance(t.distance, units)}</strong>
                      <span className="muted small">
                        {t.count} · {formatDuration(t.moving_time)}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
