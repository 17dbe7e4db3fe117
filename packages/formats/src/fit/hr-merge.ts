import type { FitMesg } from './fit-messages.js';

/**
 * Heart rate stored apart from the records (`hr` messages: straps that buffer HR while the watch
 * cannot receive it, under water) put back into the records, as the SDK decoder does, so both
 * decoders give the same track. Each `hr` message is either an anchor (a timestamp plus one
 * event time) or a batch of event times relative to the last anchor; event times count in
 * 1/1024 s and roll over every 2^22 units. A beat value is held for up to 5 s in 250 ms steps
 * until the next one, and each record takes the rounded mean of the values after the previous
 * record's time up to its own.
 */
const ROLLOVER = 0x400000 / 1024;
const STEP_S = 0.25;
const MAX_STEPS = 20;

export function mergeHeartRates(hrMesgs: FitMesg[], records: FitMesg[]): void {
  if (hrMesgs.length === 0 || records.length === 0) return;
  const samples = heartRateSamples(hrMesgs);
  if (samples.length === 0) return;
  let j = 0;
  let from: number | undefined;
  for (const record of records) {
    const t = record.timestamp;
    if (typeof t !== 'number') continue;
    from ??= t;
    if (from === t) {
      // A record sharing the previous one's time looks back one second (and one sample).
      from = t - 1;
      j = Math.max(0, j - 1);
    }
    let sum = 0;
    let n = 0;
    for (; j < samples.length; j++) {
      const s = samples[j]!;
      if (s.time > t) {
        if (n > 0) record.heartRate = Math.round(sum / n);
        from = t;
        break;
      }
      if (s.time > from) {
        sum += s.bpm;
        n++;
      }
    }
  }
}

interface Sample {
  time: number;
  bpm: number;
}

function heartRateSamples(hrMesgs: FitMesg[]): Sample[] {
  const out: Sample[] = [];
  let anchorTime: number | undefined;
  let anchorEvent = 0;
  for (const m of hrMesgs) {
    const events = list(m.eventTimestamp);
    const bpms = list(m.filteredBpm);
    if (typeof m.timestamp === 'number') {
      // Anchors carry exactly one event time; anything else cannot be placed in time.
      if (events.length !== 1) return out;
      anchorTime =
        m.timestamp + (typeof m.fractionalTimestamp === 'number' ? m.fractionalTimestamp : 0);
      anchorEvent = events[0] ?? 0;
    }
    if (anchorTime === undefined || events.length !== bpms.length) return out;
    for (let i = 0; i < events.length; i++) {
      let event = events[i] ?? 0;
      if (event < anchorEvent) {
        if (anchorEvent - event <= ROLLOVER) return out;
        event += ROLLOVER;
      }
      const time = anchorTime + (event - anchorEvent);
      const prev = out[out.length - 1];
      if (prev) {
        // Hold the previous value across a gap, as the strap would have kept reporting it.
        let gap = Math.abs(time - prev.time);
        for (let step = 1; gap > STEP_S && step <= MAX_STEPS; step++, gap -= STEP_S) {
          out.push({ time: prev.time + STEP_S * step, bpm: prev.bpm });
        }
      }
      out.push({ time, bpm: bpms[i] ?? 0 });
    }
  }
  return out;
}

function list(v: unknown): (number | null)[] {
  if (Array.isArray(v)) return v as (number | null)[];
  return typeof v === 'number' ? [v] : [];
}
