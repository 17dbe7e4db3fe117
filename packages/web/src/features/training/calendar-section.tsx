import { sportFamily } from '@stride/core';
import { useMemo } from 'react';
import { Link } from 'wouter';
import { errorMessage } from '../../api/client.js';
import { Section } from '../../components/section.js';
import {
  formatDay,
  formatDuration,
  formatMeasuredDistance,
  sportName,
  type Units,
} from '../../lib/format.js';
import { calendarWeeks, type LogWeek } from './calendar-weeks.js';
import { dayLabel, today } from './days.js';
import { dotSize } from './dot-size.js';
import { SPORT_NAMES } from './goal-text.js';
import { compactDuration, formatTotal } from './metric-units.js';
import { FAMILY_COLORS } from './sports.js';
import type { CalendarActivity } from './types.js';
import { useCalendar } from './use-training.js';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** What a dot says to a pointer (its tooltip) and to a screen reader (its name). */
function dotTitle(a: CalendarActivity, units: Units): string {
  const parts = [a.name || sportName(a.sport_type)];
  if (a.distance > 0) parts.push(formatMeasuredDistance(a.distance, units));
  parts.push(formatDuration(a.moving_time));
  if (a.relative_effort != null) parts.push(`relative effort ${Math.round(a.relative_effort)}`);
  return parts.join(' · ');
}

function Dot({ a, units }: { a: CalendarActivity; units: Units }) {
  const size = dotSize(a.moving_time);
  const title = dotTitle(a, units);
  return (
    <Link
      href={`/activities/${a.id}`}
      className="log-dot"
      title={title}
      aria-label={`${formatDay(a.start_date_local)}: ${title}`}
      data-sport={sportFamily(a.sport_type)}
      style={{ width: size, height: size, background: FAMILY_COLORS[sportFamily(a.sport_type)] }}
    />
  );
}

function WeekRow({ week, units, now }: { week: LogWeek; units: Units; now: string }) {
  return (
    <tr>
      <th scope="row" className="log-week">
        {dayLabel(week.monday)}
      </th>
      {week.days.map((d) => (
        <td
          key={d.day}
          className={d.outside ? 'log-day outside' : d.day === now ? 'log-day today' : 'log-day'}
          aria-current={d.day === now ? 'date' : undefined}
        >
          <span className="log-dots">
            {d.activities.map((a) => (
              <Dot key={a.id} a={a} units={units} />
            ))}
          </span>
        </td>
      ))}
      <td className="log-total">
        {week.count > 0 ? (
          <>
            <strong>
              {week.distance > 0 ? formatTotal('distance', week.distance, units) : ''}
            </strong>
            <span className="muted">{compactDuration(week.moving_time)}</span>
          </>
        ) : (
          <span className="muted">–</span>
        )}
      </td>
    </tr>
  );
}

/**
 * The training log: a week per row (this week on top), Monday to Sunday, each activity a dot
 * coloured by its sport whose area grows with its moving time, linking to the activity; the
 * week's distance and time at the row's end. The weeks scroll within the section.
 */
export function CalendarSection({ athleteId, units }: { athleteId: string; units: Units }) {
  const calendar = useCalendar(athleteId);
  const data = calendar.data;
  const weeks = useMemo(() => (data ? calendarWeeks(data.days, data.from, data.to) : []), [data]);
  const now = today();
  return (
    <Section id="log-title" title="Training log">
      {calendar.isPending ? (
        <p className="muted">Loading…</p>
      ) : calendar.isError ? (
        <p className="error">{errorMessage(calendar.error)}</p>
      ) : (
        <>
          {/* The weeks scroll within the section; tabbing through the dots scrolls them too. */}
          <div className="log-scroll" data-testid="training-calendar">
            <table className="training-log">
              <caption className="visually-hidden">
                Activities per day, a week per row, newest week first
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="log-week">
                    Week
                  </th>
                  {WEEKDAYS.map((d) => (
                    <th key={d} scope="col">
                      <span aria-hidden="true">{d[0]}</span>
                      <span className="visually-hidden">{d}</span>
                    </th>
                  ))}
                  <th scope="col" className="log-total">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {weeks.map((w) => (
                  <WeekRow key={w.monday} week={w} units={units} now={now} />
                ))}
              </tbody>
            </table>
          </div>
          <ul className="log-key" aria-label="Colours">
            {(Object.keys(FAMILY_COLORS) as (keyof typeof FAMILY_COLORS)[]).map((f) => (
              <li key={f}>
                <span className="log-dot" style={{ background: FAMILY_COLORS[f] }} />
                {SPORT_NAMES[f]}
              </li>
            ))}
          </ul>
          <p className="muted small">A dot’s size grows with the activity’s moving time.</p>
        </>
      )}
    </Section>
  );
}
