import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventOrderError, IllegalTransitionError } from '../errors.js';
import { eventsFromPauses, type SessionEventKind, SessionLog } from './state-log.js';

describe('SessionLog', () => {
  it('derives elapsed and active time from the log, not from a clock', () => {
    const log = new SessionLog()
      .append('START', 1000)
      .append('PAUSE', 1600)
      .append('RESUME', 1900)
      .append('STOP', 2500);
    expect(log.elapsedS()).toBe(1500);
    expect(log.activeS()).toBe(1200);
    expect(log.elapsedS(99_999)).toBe(1500); // stopped: a late "now" changes nothing
    expect(log.activeIntervals()).toEqual([
      [1000, 1600],
      [1900, 2500],
    ]);
  });

  it('counts the open interval up to "now" while running, and not while paused', () => {
    const log = new SessionLog().append('START', 0).append('PAUSE', 10);
    expect(log.activeS(500)).toBe(10);
    log.append('RESUME', 20);
    expect(log.activeS(25)).toBe(15);
    expect(log.elapsedS(25)).toBe(25);
  });

  it.each([
    [['PAUSE'], 'PAUSE', 'idle'],
    [['START', 'RESUME'], 'RESUME', 'running'],
    [['START', 'STOP', 'RESUME'], 'RESUME', 'stopped'],
    [['START', 'STOP', 'START'], 'START', 'stopped'],
    [['START', 'PAUSE', 'PAUSE'], 'PAUSE', 'paused'],
  ] as const)('rejects %j with a typed error', (kinds, event, state) => {
    const log = new SessionLog();
    let err: unknown;
    try {
      kinds.forEach((k, i) => {
        log.append(k, i);
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IllegalTransitionError);
    expect((err as IllegalTransitionError).code).toBe('CORE_ILLEGAL_TRANSITION');
    expect((err as IllegalTransitionError).event).toBe(event);
    expect((err as IllegalTransitionError).state).toBe(state);
  });

  it('rejects an event earlier than the previous one', () => {
    const log = new SessionLog().append('START', 100);
    expect(() => log.append('PAUSE', 99)).toThrow(EventOrderError);
  });

  it('turns file pauses into a valid log', () => {
    const log = new SessionLog(
      eventsFromPauses(0, 100, [
        { start: 50, end: 70 },
        { start: 10, end: 20 },
      ]),
    );
    expect(log.activeS()).toBe(70);
    expect(log.elapsedS()).toBe(100);
  });

  it('never reports more active than wall time, and active equals the sum of intervals', () => {
    const kinds: SessionEventKind[] = ['START', 'PAUSE', 'RESUME', 'STOP'];
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom(...kinds), fc.double({ min: 0, max: 1e4, noNaN: true })),
          {
            maxLength: 30,
          },
        ),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (raw, extra) => {
          const log = new SessionLog();
          let t = 1_700_000_000;
          for (const [kind, dt] of raw) {
            t += dt;
            try {
              log.append(kind, t);
            } catch (e) {
              if (!(e instanceof IllegalTransitionError)) throw e;
            }
          }
          const now = t + extra;
          const active = log.activeS(now);
          const elapsed = log.elapsedS(now);
          const sum = log.activeIntervals(now).reduce((s, [a, b]) => s + (b - a), 0);
          expect(active).toBeGreaterThanOrEqual(0);
          expect(active).toBeLessThanOrEqual(elapsed + 1e-6);
          expect(Math.abs(active - sum)).toBeLessThanOrEqual(1e-6);
          if (log.state !== 'idle') expect(elapsed).toBeLessThanOrEqual(now - log.startedAt + 1e-6);
        },
      ),
    );
  });
});
