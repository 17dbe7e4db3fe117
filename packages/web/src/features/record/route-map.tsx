import { useEffect, useRef, useState } from 'react';
import { preloadMap, RouteMap } from '../../components/map/index.js';

/**
 * Redraw the map at most this often: an animated WebGL pan per fix would spend a phone's
 * battery on a line that grows by 3 m, and the numbers, not the map, are what an athlete
 * glances at. (At 10 s a runner moves ~30 m, a rider ~80 m: a few pixels at street zoom.)
 */
export const MAP_REFRESH_MS = 10_000;

/**
 * The route so far on the shared map, following the athlete. MapLibre loads on its own chunk
 * (started as soon as the record screen opens), so the screen's first load stays small.
 */
export function RecordMap({
  route,
  points,
}: {
  route: ReadonlyArray<readonly [number, number]>;
  points: number;
}) {
  // The recorder grows one array in place; the map redraws when it gets a new one.
  const [shown, setShown] = useState(() => route.slice(0, points));
  const drawnAt = useRef(0);
  useEffect(() => {
    const draw = () => {
      drawnAt.current = Date.now();
      setShown(route.slice(0, points));
    };
    const wait = drawnAt.current + MAP_REFRESH_MS - Date.now();
    if (wait <= 0) {
      draw();
      return;
    }
    const timer = setTimeout(draw, wait);
    return () => clearTimeout(timer);
  }, [route, points]);
  return (
    <div className="rec-map" data-testid="route-map" data-points={shown.length}>
      <RouteMap route={shown} follow label="Route so far" className="route-map rec-map-view" />
    </div>
  );
}

/** Starts fetching the map library before Start is pressed. */
export function usePreloadMap(): void {
  useEffect(() => {
    preloadMap().catch(() => {}); // offline before it was cached: the map shows its fallback
  }, []);
}
