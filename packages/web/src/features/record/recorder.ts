import { LiveStats, type LiveTotals, SessionLog } from '@stride/core';
import { ApiError, errorMessage } from '../../api/client.js';
import { currentAthleteId } from '../../offline/athlete.js';
import type { RecordingRow, StoredEvent, StoredPoint, Visibility } from '../../offline/db.js';
import {
  appendEvent,
  appendPoint,
  createRecording,
  discardRecording,
  loadActiveRecording,
  queueRecording,
  setLiveSharing,
} from '../../offline/recording-store.js';
import { claimRecorder } from './device-lock.js';
import { type GpsStatus, watchGps } from './geolocation.js';
import {
  deleteSharedActivity,
  forgetLiveCursor,
  LiveSharer,
  type LiveShareStatus,
  stopSharing,
} from './live-share.js';
import { PaceWindow } from './pace-window.js';
import { acceptsFix, type EventKind, eventTimeMs, replay, toSample } from './timeline.js';
import { ScreenWakeLock } from './wake-lock.js';

/** 'elsewhere': another tab of this browser is the recorder (see device-lock.ts). */
export type Phase = 'loading' | 'elsewhere' | 'idle' | 'running' | 'paused' | 'finished';

export interface RecorderState {
  phase: Phase;
  id: string | null;
  sport: string;
  liveSharing: boolean;
  /** How live sharing goes (null when not sharing). */
  live: LiveShareStatus | null;
  totals: LiveTotals;
  /** Running (timer) seconds and seconds since START, to now. */
  timerS: number;
  elapsedS: number;
  /** Speed over the last half minute of running, m/s (the screen's current pace). */
  currentSpeed: number;
  gps: GpsStatus;
  accuracyM: number | null;
  /** [lat, lng] of every recorded fix, in order (grows in place; `points` says how far). */
  route: ReadonlyArray<readonly [number, number]>;
  points: number;
  /** A write to the device failed: what the athlete should know. */
  error: string | null;
}

const PHASE_AFTER: Record<EventKind, Phase> = {
  START: 'running',
  PAUSE: 'paused',
  RESUME: 'running',
  STOP: 'finished',
};

/**
 * The recording, independent of any screen: it keeps watching the GPS while the athlete looks
 * at other pages. Each fix and each Start/Pause/Resume/Finish is written to IndexedDB first and
 * reaches the live numbers (core's LiveStats, the same engine the server saves with) only once
 * the write has committed; one queue keeps writes in arrival order. On load it resumes the
 * unfinished recording found on the device, with every point stored before the reload.
 */
export class Recorder {
  private state: RecorderState;
  private readonly listeners = new Set<() => void>();
  private live: LiveStats | null = null;
  private log = new SessionLog();
  private events: StoredEvent[] = [];
  private route: Array<readonly [number, number]> = [];
  private lastPointMs = Number.NEGATIVE_INFINITY;
  private queue: Promise<unknown> = Promise.resolve();
  private stopGps: (() => void) | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private readonly wakeLock = new ScreenWakeLock();
  private readonly pace = new PaceWindow();
  private sharer: LiveSharer | null = null;
  private initialized: Promise<void> | null = null;

  constructor(sport = 'Run') {
    this.state = {
      phase: 'loading',
      id: null,
      sport,
      liveSharing: false,
      live: null,
      totals: new LiveStats({ sport }).totals(),
      timerS: 0,
      elapsedS: 0,
      currentSpeed: 0,
      gps: 'waiting',
      accuracyM: null,
      route: this.route,
      points: 0,
      error: null,
    };
  }

  get snapshot(): RecorderState {
    return this.state;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Loads the unfinished recording, if any, and starts the GPS. Safe to call again. */
  init(): Promise<void> {
    this.initialized ??= this.run(async () => {
      await claimRecorder(() => this.set({ phase: 'elsewhere' }));
      const active = await loadActiveRecording();
      if (active) this.restore(active.row, active.points);
      else this.set({ phase: 'idle' });
      this.stopGps ??= watchGps({
        fix: (p) => this.onFix(p),
        status: (gps) => this.set({ gps }),
      });
    }).catch((e) => this.set({ phase: 'idle', error: storageMessage(e) }));
    return this.initialized;
  }

  setSport(sport: string): void {
    if (this.state.phase === 'idle') this.set({ sport, totals: new LiveStats({ sport }).totals() });
  }

  /**
   * Turns live sharing on or off; during a recording, off tells the server at once (viewers see
   * it ended) and on sends the whole track so far.
   */
  setLiveSharing(on: boolean): Promise<void> {
    return this.run(async () => {
      const { id, liveSharing } = this.state;
      if (id) await setLiveSharing(id, on);
      this.set({ liveSharing: on });
      this.syncSharer();
      if (id && liveSharing && !on) {
        try {
          await stopSharing(id);
        } catch (e) {
          // 404: nothing of it ever reached the server.
          if (!(e instanceof ApiError && e.status === 404))
            this.set({
              error: `Live sharing could not be stopped on the server: ${errorMessage(e)}`,
            });
        }
      }
    });
  }

  start(): Promise<void> {
    return this.run(async () => {
      if (this.state.phase !== 'idle') return;
      const at = Date.now() / 1000;
      const row: RecordingRow = {
        id: crypto.randomUUID(),
        athleteId: currentAthleteId(),
        sport_type: this.state.sport,
        liveSharing: this.state.liveSharing,
        events: [{ kind: 'START', at }],
        createdAt: Date.now(),
      };
      await createRecording(row);
      this.restore(row, []);
    });
  }

  pause = () => this.logEvent('PAUSE', 'running');
  resume = () => this.logEvent('RESUME', 'paused');
  finish = () => this.logEvent('STOP', 'running', 'paused');

  /** Save: the recording moves to the outbox (the sync worker uploads it). */
  save(details: { name?: string; visibility?: Visibility }): Promise<void> {
    return this.run(async () => {
      const { id, phase, totals } = this.state;
      if (!id || phase !== 'finished') return;
      await queueRecording(id, {
        ...details,
        distance: totals.distance,
        movingTime: totals.moving_time,
      });
      // The server ends the live session itself when the saved recording arrives.
      forgetLiveCursor(id);
      this.reset();
    });
  }

  discard(): Promise<void> {
    return this.run(async () => {
      const { id, liveSharing } = this.state;
      if (!id) return;
      await discardRecording(id);
      this.reset();
      // Shared live: its activity on the server goes too, so viewers see the session end.
      if (liveSharing) await deleteSharedActivity(id).catch(() => {});
    });
  }

  /** Runs `fn` after every earlier write (arrival order is the order on disk and on screen). */
  private run(fn: () => Promise<void>): Promise<void> {
    const next = this.queue.then(fn);
    this.queue = next.catch(() => {});
    return next;
  }

  private logEvent(kind: EventKind, ...from: Phase[]): Promise<void> {
    return this.run(async () => {
      const { id, phase } = this.state;
      if (!id || !from.includes(phase)) return;
      const lastEventMs = Math.round(this.events.at(-1)!.at * 1000);
      const at = eventTimeMs(Date.now(), this.lastPointMs, lastEventMs) / 1000;
      await appendEvent(id, { kind, at });
      this.applyEvent({ kind, at });
      this.set({ phase: PHASE_AFTER[kind] });
      this.refresh();
      if (kind !== 'RESUME') void this.sharer?.flush();
    });
  }

  private onFix(position: GeolocationPosition): void {
    this.set({ accuracyM: position.coords.accuracy });
    void this.run(async () => {
      const id = this.state.id;
      const tMs = Math.round(position.timestamp);
      if (!id || !acceptsFix(tMs, this.lastPointMs, this.events.at(-1))) return;
      const point = toPoint(position, tMs);
      try {
        await appendPoint(id, point);
      } catch (e) {
        this.set({ error: storageMessage(e) });
        return;
      }
      this.addPoint(point);
      this.refresh();
    });
  }

  private restore(row: RecordingRow, points: StoredPoint[]): void {
    this.live = replay(row.sport_type, row.events, points);
    this.log = new SessionLog(row.events);
    this.events = [...row.events];
    this.pace.clear();
    this.route = points.map((p) => [p.lat, p.lng] as const);
    this.lastPointMs = points.length
      ? Math.round(points.at(-1)!.t * 1000)
      : Number.NEGATIVE_INFINITY;
    this.set({
      id: row.id,
      sport: row.sport_type,
      liveSharing: row.liveSharing,
      phase: PHASE_AFTER[row.events.at(-1)!.kind],
      error: null,
    });
    this.refresh();
    this.syncSharer();
  }

  private applyEvent(e: StoredEvent): void {
    this.live!.event(e.kind, e.at);
    this.log.append(e.kind, e.at);
    this.events.push(e);
  }

  private addPoint(p: StoredPoint): void {
    const live = this.live!;
    live.push(toSample(p));
    const t = live.totals();
    this.pace.push(t.timer_time, t.distance);
    this.route.push([p.lat, p.lng]);
    this.lastPointMs = Math.round(p.t * 1000);
  }

  /** Starts the live sharer when a recording is shared, stops it when not (or no more). */
  private syncSharer(): void {
    const { id, liveSharing, sport } = this.state;
    if (id && liveSharing) {
      if (this.sharer) return;
      this.sharer = new LiveSharer({ id, sport, events: () => this.events }, (live) =>
        this.set({ live }),
      );
      this.sharer.start();
    } else if (this.sharer) {
      this.sharer.stop();
      this.sharer = null;
      this.set({ live: null });
    }
  }

  private reset(): void {
    this.live = null;
    this.log = new SessionLog();
    this.events = [];
    this.route = [];
    this.lastPointMs = Number.NEGATIVE_INFINITY;
    this.pace.clear();
    this.set({ id: null, phase: 'idle', error: null });
    this.syncSharer();
    this.refresh();
  }

  /** Recomputes the numbers, the ticker and the wake lock from the current recording. */
  private refresh(): void {
    const phase = this.state.phase;
    const nowS = Date.now() / 1000;
    const totals = (this.live ?? new LiveStats({ sport: this.state.sport })).totals();
    const open = phase === 'running' || phase === 'paused';
    this.set({
      totals,
      timerS: open ? this.log.activeS(nowS) : totals.timer_time,
      elapsedS: open ? this.log.elapsedS(nowS) : totals.elapsed_time,
      currentSpeed: phase === 'running' ? this.pace.speed() : 0,
      route: this.route,
      points: this.route.length,
    });
    if (open) {
      this.wakeLock.acquire();
      this.ticker ??= setInterval(() => this.refresh(), 1000);
    } else {
      this.wakeLock.release();
      if (this.ticker) clearInterval(this.ticker);
      this.ticker = null;
    }
  }

  private set(patch: Partial<RecorderState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}

/** A fix in the API's point shape; values the server would refuse are left out, not sent. */
function toPoint(position: GeolocationPosition, tMs: number): StoredPoint {
  const c = position.coords;
  const p: StoredPoint = { t: tMs / 1000, lat: c.latitude, lng: c.longitude };
  if (c.altitude !== null && c.altitude >= -1000 && c.altitude <= 10000) p.alt = c.altitude;
  if (Number.isFinite(c.accuracy) && c.accuracy >= 0) p.acc = c.accuracy;
  return p;
}

function storageMessage(e: unknown): string {
  const detail = e instanceof Error ? ` (${e.message})` : '';
  return `This device could not store the recording${detail}. Free some space and keep this page open.`;
}
