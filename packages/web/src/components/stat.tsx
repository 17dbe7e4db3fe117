import type { ReactNode } from 'react';

/** A labelled number, label above value (Strava's stat blocks); a list of them is a <dl>. */
export function Stat({ label, value, big }: { label: string; value: ReactNode; big?: boolean }) {
  return (
    <div className={big ? 'stat big' : 'stat'}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
