import type { SegmentEffort } from '../../api/types.js';
import { Section } from '../../components/section.js';
import { formatDuration } from '../../lib/format.js';

const PR_LABEL: Record<number, string> = { 1: 'PR', 2: '2nd best', 3: '3rd best' };

/**
 * Segment efforts: the segments work adds `segment_efforts` to the activity (Strava's shape:
 * name, elapsed_time, pr_rank 1–3 for the athlete's own top three, kom_rank 1–10 overall).
 * Nothing renders until the API sends them.
 */
export function SegmentEfforts({ efforts }: { efforts: SegmentEffort[] | undefined }) {
  if (!efforts?.length) return null;
  return (
    <Section id="segments-title" title="Segments">
      <ul className="effort-list">
        {efforts.map((e) => (
          <li key={e.id}>
            <span>{e.name ?? e.segment?.name ?? 'Segment'}</span>
            <span className="badges">
              {e.kom_rank != null && (
                <span className={e.kom_rank === 1 ? 'badge kom' : 'badge top10'}>
                  {e.kom_rank === 1 ? 'KOM' : `Top ${e.kom_rank}`}
                </span>
              )}
              {e.pr_rank != null && PR_LABEL[e.pr_rank] && (
                <span className="badge pr">{PR_LABEL[e.pr_rank]}</span>
              )}
              <strong>{formatDuration(e.elapsed_time)}</strong>
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
