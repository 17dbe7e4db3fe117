import type { FitMesg, FitMessages } from './fit-messages.js';

/** Seconds between the Unix epoch and the FIT epoch (1989-12-31T00:00:00Z). */
export const FIT_EPOCH_S = 631_065_600;
/** FIT date_time values below this are seconds since device power-on, not dates. */
export const FIT_MIN_DATE = 0x10000000;
export const SEMICIRCLE_DEG = 180 / 2 ** 31;

export const num = (m: FitMesg | undefined, key: string): number | undefined => {
  const v = m?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};
export const str = (m: FitMesg | undefined, key: string): string | undefined => {
  const v = m?.[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
};

/** Offset from device system time to FIT time, from a timestamp_correlation message. */
export function timeOffset(messages: FitMessages): number {
  const c = messages.timestampCorrelations[0];
  const ts = num(c, 'timestamp');
  const system = num(c, 'systemTimestamp');
  return ts !== undefined && system !== undefined && ts >= FIT_MIN_DATE ? ts - system : 0;
}

export function fitTime(m: FitMesg | undefined, key: string, offset = 0): number | undefined {
  const v = num(m, key);
  if (v === undefined) return undefined;
  return v + (v < FIT_MIN_DATE ? offset : 0) + FIT_EPOCH_S;
}
