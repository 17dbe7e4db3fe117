import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, unwrap } from '../../api/client.js';
import { formatDistance, sportName } from '../../lib/format.js';
import { useUnits } from '../record/use-units.js';

/** How often "Live now" asks again while the page is visible. */
const REFRESH_MS = 30_000;

/**
 * "Live now": athletes the viewer follows who are recording and sharing live, each linking to
 * the live page. On the feed every one of them; on an athlete's page, that athlete (`athleteId`).
 * Nothing shows when nobody is live (or the server cannot be reached).
 */
export function LiveNow({ athleteId }: { athleteId?: string }) {
  const units = useUnits();
  const query = useQuery({
    queryKey: ['live-now'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/live', { signal })).then((r) => r.items),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
    retry: false,
  });
  const items = (query.data ?? []).filter((i) => !athleteId || i.athlete.id === athleteId);
  if (!items.length) return null;
  return (
    <section className="card live-now" aria-label="Live now">
      <h2>Live now</h2>
      <ul>
        {items.map((i) => (
          <li key={i.activity_id}>
            <Link href={`/live/${i.activity_id}`} className="live-now-item">
              <span className="live-badge">LIVE</span>
              <span>
                <strong>{i.athlete.display_name}</strong> · {sportName(i.sport_type)}
                {i.state === 'paused' ? ' · paused' : ''} ·{' '}
                {formatDistance(i.totals.distance, units)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
