import { EventOrderError, IllegalTransitionError } from '../errors.js';

/**
 * The activity's state log (DESIGN.md `activity_events`): START, PAUSE, RESUME, STOP with
 * timestamps in epoch seconds. Elapsed and active (timer) time are derived from the log, never
 * from `now - startedAt`, so a reloaded page, a sleeping phone or a clock read late cannot
 * change them.
 */
export type SessionEventKind = 'START' | 'PAUSE' | 'RESUME' | 'STOP';
export interface SessionEvent {
  kind: SessionEventKind;
  /** Epoch seconds. */
  at: number;
}
export type SessionState = 'idle' | 'running' | 'paused' | 'stopped';

const NEXT: Record<SessionState, Partial<Record<SessionEventKind, SessionState>>> = {
  idle: { START: 'running' },
  running: { PAUSE: 'paused', STOP: 'stopped' },
  paused: { RESUME: 'running', STOP: 'stopped' },
  stopped: {},
};

/** The state after `kind` in `state`; throws IllegalTransitionError when not allowed. */
export function transition(state: SessionState, kind: SessionEventKind): SessionState {
  const next = NEXT[state][kind];
  if (!next) throw new IllegalTransitionError(kind, state);
  return next;
}

export class SessionLog {
  private readonly log: SessionEvent[] = [];
  private current: SessionState = 'idle';
  private startAt = Number.NaN;
  private stopAt = Number.NaN;
  /** Active seconds in closed running intervals. */
  private closedActiveS = 0;
  /** Start of the open running interval, NaN when not running. */
  private runningSince = Number.NaN;

  /** Replays `events`, validating each one. */
  constructor(events: readonly SessionEvent[] = []) {
    for (const e of events) this.append(e.kind, e.at);
  }

  get state(): SessionState {
    return this.current;
  }

  get events(): readonly SessionEvent[] {
    return this.log;
  }

  get startedAt(): number {
    return this.startAt;
  }

  /** Appends an event; throws on an illegal transition or a timestamp earlier than the last. */
  append(kind: SessionEventKind, at: number): this {
    if (!Number.isFinite(at)) throw new EventOrderError(at, this.lastAt());
    const last = this.lastAt();
    if (at < last) throw new EventOrderError(at, last);
    const next = transition(this.current, kind);
    if (kind === 'START') {
      this.startAt = at;
      this.runningSince = at;
    } else if (kind === 'RESUME') {
      this.runningSince = at;
    } else {
      if (this.current === 'running') this.closedActiveS += at - this.runningSince;
      this.runningSince = Number.NaN;
      if (kind === 'STOP') this.stopAt = at;
    }
    this.current = next;
    this.log.push({ kind, at });
    return this;
  }

  /**
   * Seconds from START to STOP; while the session is open, to `now` (default: the last event),
   * never less than the time already logged.
   */
  elapsedS(now?: number): number {
    if (this.current === 'idle') return 0;
    const end =
      this.current === 'stopped' ? this.stopAt : Math.max(now ?? -Infinity, this.lastAt());
    return end - this.startAt;
  }

  /** Seconds spent running (the timer), to `now` while running (default: the last event). */
  activeS(now?: number): number {
    if (this.current !== 'running') return this.closedActiveS;
    const end = Math.max(now ?? -Infinity, this.lastAt());
    return this.closedActiveS + (end - this.runningSince);
  }

  /** The running intervals [start, end]; an open one ends at `now` (default: the last event). */
  activeIntervals(now?: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    let since = Number.NaN;
    for (const e of this.log) {
      if (e.kind === 'START' || e.kind === 'RESUME') since = e.at;
      else if (!Number.isNaN(since)) {
        out.push([since, e.at]);
        since = Number.NaN;
      }
    }
    if (!Number.isNaN(since)) out.push([since, Math.max(now ?? -Infinity, this.lastAt())]);
    return out;
  }

  private lastAt(): number {
    return this.log.length ? this.log[this.log.length - 1]!.at : -Infinity;
  }
}

/** Events for a recording whose pauses are known as intervals (file imports). */
export function eventsFromPauses(
  start: number,
  end: number,
  pauses: readonly { start: number; end: number }[],
): SessionEvent[] {
  const events: SessionEvent[] = [{ kind: 'START', at: start }];
  const sorted = [...pauses].sort((a, b) => a.start - b.start);
  let last = start;
  for (const p of sorted) {
    const s = Math.max(p.start, last);
    const e = Math.min(p.end, end);
    if (!(e > s)) continue;
    events.push({ kind: 'PAUSE', at: s }, { kind: 'RESUME', at: e });
    last = e;
  }
  events.push({ kind: 'STOP', at: Math.max(end, last) });
  return events;
}
