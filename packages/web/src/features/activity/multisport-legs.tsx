import type { ActivitySummary, Units } from '@stride/client';
import { sportFamily } from '@stride/core';
import { useLayoutEffect, useRef } from 'react';
import { Link } from 'wouter';
import { formatDuration, formatMeasuredDistance, sportName } from '../../lib/format.js';
import { useLegs } from './use-activity.js';

/**
 * What the race was, from its sports in order (transitions, of no family, left out): a swim, a
 * ride and a run are a triathlon; a run, a ride and a run a duathlon; else a multisport.
 */
export function raceName(sports: readonly string[]): string {
  const order = sports
    .map(sportFamily)
    .filter((f) => f !== 'other')
    .join(' ');
  if (order === 'swim ride run') return 'Triathlon';
  if (order === 'run ride run') return 'Duathlon';
  if (order === 'swim run') return 'Aquathlon';
  return 'Multisport';
}

/**
 * What a leg is called in the strip: its sport, but a leg of no sport family (a transition,
 * which the importer names "Transition 1"…) by its own name, as "Workout" would tell nothing.
 */
const legName = (l: ActivitySummary) =>
  sportFamily(l.sport_type) === 'other' && l.name ? l.name : sportName(l.sport_type);

/**
 * The strip below a leg's numbers: which race it is a leg of, and each leg (sport, distance,
 * time) as a link, this one marked. Nothing for an activity that is not a leg.
 */
export function MultisportLegs({ a, units }: { a: ActivitySummary; units: Units }) {
  const legs = useLegs(a.id, !!a.multisport);
  const list = useRef<HTMLOListElement>(null);
  const items = legs.data ?? [];
  // On a phone the row scrolls sideways: bring this leg into the middle of it (the row only,
  // not the page).
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-runs as the legs arrive, and on another leg's page
  useLayoutEffect(() => {
    const row = list.current;
    const here = row?.querySelector<HTMLElement>('.leg.current');
    if (row && here) row.scrollLeft = here.offsetLeft - (row.clientWidth - here.offsetWidth) / 2;
  }, [legs.data, a.id]);
  // Until the legs are in, nothing: the race's name is told from them.
  if (!a.multisport || legs.isPending) return null;
  const { leg, legs: count } = a.multisport;
  return (
    <nav className="card legs-strip" aria-labelledby={`legs-${a.id}`}>
      <p id={`legs-${a.id}`} className="legs-title">
        <strong>
          {items.length > 1 ? raceName(items.map((l) => l.sport_type)) : 'Multisport'}
        </strong>{' '}
        · leg {leg} of {count}
      </p>
      {items.length > 1 && (
        <ol className="legs" ref={list}>
          {items.map((l) => {
            const current = l.id === a.id;
            return (
              <li key={l.id} className={current ? 'leg current' : 'leg'}>
                <Link
                  href={`/activities/${l.id}`}
                  aria-current={current ? 'page' : undefined}
                  title={l.name}
                >
                  <span className="leg-sport">{legName(l)}</span>
                  <span className="leg-figures">
                    {formatMeasuredDistance(l.distance, units)} · {formatDuration(l.elapsed_time)}
                  </span>
                </Link>
              </li>
            );
          })}
        </ol>
      )}
    </nav>
  );
}
