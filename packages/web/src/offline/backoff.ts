/**
 * When to try an upload again after `attempts` failures in a row: exponential from 5 s,
 * capped at 10 minutes, with "equal jitter" (half fixed, half random) so that many phones
 * coming back online after one outage do not retry in lockstep. `random` is injectable so the
 * schedule can be tested.
 */
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 10 * 60_000;

export function backoffMs(attempts: number, random: () => number = Math.random): number {
  if (attempts <= 0) return 0;
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempts - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
