import { Link } from 'wouter';
import { useKudosGivers } from './use-social.js';

/** Who gave kudos to the activity, newest first; shown once someone has. */
export function KudosList({ activityId, count }: { activityId: string; count: number }) {
  const givers = useKudosGivers(activityId);
  const items = givers.data?.pages.flatMap((p) => p.items) ?? [];
  if (count === 0 && items.length === 0) return null;
  return (
    <section className="card section kudos-list" aria-labelledby="kudos-title">
      <h2 id="kudos-title">Kudos</h2>
      {givers.isError && (
        <p role="alert" className="error">
          Who gave kudos could not be loaded.
        </p>
      )}
      <ul className="people-inline" aria-label="Athletes who gave kudos">
        {items.map((k) => (
          <li key={k.athlete.id}>
            <Link href={`/athletes/${encodeURIComponent(k.athlete.handle)}`}>
              {k.athlete.display_name}
            </Link>
          </li>
        ))}
      </ul>
      {givers.hasNextPage && (
        <button
          type="button"
          className="ghost small"
          onClick={() => void givers.fetchNextPage()}
          disabled={givers.isFetchingNextPage}
        >
          More
        </button>
      )}
    </section>
  );
}
