import { ordinal } from '../lib/format.js';

const MEDALS: Record<number, { fill: string; text: string; label: string }> = {
  1: { fill: '#e8b517', text: 'PR', label: 'Personal record' },
  2: { fill: '#aeb3bd', text: '2', label: '2nd best time' },
  3: { fill: '#c4773a', text: '3', label: '3rd best time' },
};

/** Strava's medals: gold for a personal record, silver and bronze for the 2nd and 3rd best. */
export function Medal({ rank }: { rank: number }) {
  const m = MEDALS[rank];
  if (!m) return null;
  return (
    <svg
      className="medal"
      viewBox="0 0 20 24"
      width="20"
      height="24"
      role="img"
      aria-label={m.label}
      data-pr={rank}
    >
      <title>{m.label}</title>
      <path d="M5 0h4l2 7H7zM11 0h4l-2 7H9z" fill="#d94600" />
      <circle cx="10" cy="14" r="8.5" fill={m.fill} stroke="#fff" strokeWidth="1" />
      <text x="10" y="17.2" textAnchor="middle" fontSize={m.text.length > 1 ? 7.5 : 9}>
        {m.text}
      </text>
    </svg>
  );
}

/** The crown of the fastest on a segment: KOM, or QOM when the athlete is known to be a woman. */
export function Crown({ queen = false }: { queen?: boolean }) {
  const label = `${queen ? 'QOM' : 'KOM'}: fastest on the segment`;
  return (
    <svg className="crown" viewBox="0 0 24 18" width="24" height="18" role="img" aria-label={label}>
      <title>{label}</title>
      <path
        d="M2 5l5 4 5-8 5 8 5-4-2 11H4z"
        fill="#e8b517"
        stroke="#a87700"
        strokeWidth="1"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * An effort's honours, from the API's ranks: the crown for the overall fastest, its overall
 * place when in the top 10 otherwise, and the PR medal for the athlete's own top three.
 */
export function EffortBadges({
  prRank,
  komRank,
  queen,
}: {
  prRank: number | null | undefined;
  komRank: number | null | undefined;
  queen?: boolean;
}) {
  if (!prRank && !komRank) return null;
  return (
    <span className="badges">
      {komRank === 1 && <Crown queen={queen ?? false} />}
      {komRank != null && komRank > 1 && (
        <span className="badge top10" title={`${ordinal(komRank)} overall`}>
          <span className="visually-hidden">Top 10, </span>
          {ordinal(komRank)}
        </span>
      )}
      {prRank != null && <Medal rank={prRank} />}
    </span>
  );
}
