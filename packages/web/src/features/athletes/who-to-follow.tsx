import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import { PersonRow } from './person-row.js';

/**
 * Who to follow: athletes followed by those I follow, who ride or run my segments, or live in
 * my city, each with the reason. `empty` is what to say when there is nobody to suggest
 * (nothing at all when absent).
 */
export function WhoToFollow({ empty }: { empty?: string }) {
  const q = useQuery({
    queryKey: ['suggestions'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/athletes/suggestions', { params: { query: { limit: 10 } }, signal })),
  });
  if (q.isPending) return <p className="muted">Loading suggestions…</p>;
  if (q.isError) return null;
  if (!q.data.items.length) return empty ? <p className="muted">{empty}</p> : null;
  return (
    <section className="card who-to-follow" aria-labelledby="who-to-follow-title">
      <h2 id="who-to-follow-title">Who to follow</h2>
      <ul className="people">
        {q.data.items.map((s) => (
          <PersonRow key={s.id} person={s}>
            <p className="reason">{s.reason.text}</p>
          </PersonRow>
        ))}
      </ul>
    </section>
  );
}
