/**
 * The phone's GPS through `navigator.geolocation.watchPosition`, high accuracy. A watch is
 * never given up on a transient error — no fix right now (code 2) or none within the timeout
 * (code 3), as under trees, between buildings or in a tunnel — the athlete sees "weak GPS"
 * and fixes resume by themselves. Only a refused permission (code 1) ends it.
 */
export type GpsStatus = 'waiting' | 'ready' | 'weak' | 'denied' | 'unsupported';

export interface GpsHandlers {
  fix(position: GeolocationPosition): void;
  status(status: GpsStatus): void;
}

/** No fix for this long counts as weak (the watch's timeout raises code 3). */
export const FIX_TIMEOUT_MS = 15_000;
/** A fix less precise than this (metres) is shown as weak GPS; it is still recorded. */
export const WEAK_ACCURACY_M = 30;

/** Starts watching; returns the function that stops. */
export function watchGps(handlers: GpsHandlers): () => void {
  const geo = typeof navigator !== 'undefined' ? navigator.geolocation : undefined;
  if (!geo) {
    handlers.status('unsupported');
    return () => {};
  }
  handlers.status('waiting');
  const id = geo.watchPosition(
    (position) => {
      handlers.status(position.coords.accuracy > WEAK_ACCURACY_M ? 'weak' : 'ready');
      handlers.fix(position);
    },
    (error) => {
      if (error.code === error.PERMISSION_DENIED) {
        geo.clearWatch(id);
        handlers.status('denied');
      } else handlers.status('weak');
    },
    { enableHighAccuracy: true, maximumAge: 0, timeout: FIX_TIMEOUT_MS },
  );
  return () => geo.clearWatch(id);
}
