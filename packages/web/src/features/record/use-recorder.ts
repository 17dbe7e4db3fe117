import { useEffect, useSyncExternalStore } from 'react';
import { Recorder, type RecorderState } from './recorder.js';

const SPORT_KEY = 'stride.record.sport';
let instance: Recorder | null = null;

/** The page's one recorder: it outlives the record screen, so a run goes on while you browse. */
export function recorder(): Recorder {
  instance ??= new Recorder(localStorage.getItem(SPORT_KEY) ?? 'Run');
  return instance;
}

/** Remembers the athlete's last sport for the next recording. */
export function rememberSport(sport: string): void {
  localStorage.setItem(SPORT_KEY, sport);
  recorder().setSport(sport);
}

export function useRecorder(): [RecorderState, Recorder] {
  const r = recorder();
  useEffect(() => {
    void r.init();
  }, [r]);
  return [useSyncExternalStore(r.subscribe, () => r.snapshot), r];
}
