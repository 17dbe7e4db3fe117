import { RouteTrace } from './route-trace.js';

/**
 * The route so far on the record screen.
 * MAP SPOT: the shared MapLibre component (components/map) goes here, loaded lazily so the
 * record screen's first load stays small; RouteTrace is its fallback while it loads.
 */
export function RouteMap(props: {
  route: ReadonlyArray<readonly [number, number]>;
  points: number;
}) {
  return (
    <div className="rec-map" data-testid="route-map">
      <RouteTrace {...props} />
    </div>
  );
}
