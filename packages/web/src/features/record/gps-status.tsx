import type { GpsStatus } from './geolocation.js';

const TEXT: Record<GpsStatus, string> = {
  waiting: 'Looking for GPS…',
  ready: 'GPS ready',
  weak: 'Weak GPS — still recording',
  denied: 'Location blocked',
  unsupported: 'No GPS on this device',
};

/** The GPS state in a word, and what to do when the browser refuses location. */
export function GpsStatusLine({
  status,
  accuracyM,
}: {
  status: GpsStatus;
  accuracyM: number | null;
}) {
  return (
    <>
      <p
        className={`rec-gps rec-gps-${status}`}
        role="status"
        data-testid="gps-status"
        data-status={status}
      >
        <span className="rec-gps-dot" aria-hidden="true" />
        {TEXT[status]}
        {(status === 'ready' || status === 'weak') && accuracyM !== null && (
          <span className="rec-gps-acc"> ±{Math.round(accuracyM)} m</span>
        )}
      </p>
      {status === 'denied' && (
        <p role="alert" className="error">
          Stride cannot see your location, so it cannot record a route. Allow location for this site
          in your browser's settings, then reload the page.
        </p>
      )}
      {status === 'unsupported' && (
        <p role="alert" className="error">
          This browser gives no location. Record on a phone, or upload a file from your watch.
        </p>
      )}
    </>
  );
}
