import { useMemo } from 'react';

/**
 * The route so far as a plain SVG line: what shows while the map library loads, and when it
 * cannot. Projected equirectangularly around the route's mean latitude (exact enough at the
 * scale of one activity) and fitted to the box.
 */
export function RouteTrace({
  route,
  points,
}: {
  route: ReadonlyArray<readonly [number, number]>;
  points: number;
}) {
  const path = useMemo(() => tracePath(route.slice(0, points)), [route, points]);
  if (!path)
    return (
      <div className="rec-map-empty">
        <p>Your route appears here once recording starts.</p>
      </div>
    );
  return (
    <svg className="rec-trace" viewBox="-5 -5 110 110" role="img" aria-label="Route so far">
      <polyline
        points={path.line}
        fill="none"
        stroke="var(--accent)"
        strokeWidth="2.5"
        strokeLinejoin="round"
        strokeLinecap="round"
        vectorEffect="non-scaling-stroke"
      />
      <circle
        cx={path.end[0]}
        cy={path.end[1]}
        r="2.5"
        fill="#2a6ef5"
        stroke="#fff"
        strokeWidth="1"
      />
    </svg>
  );
}

function tracePath(route: ReadonlyArray<readonly [number, number]>) {
  if (!route.length) return null;
  let meanLat = 0;
  for (const [, lat] of route) meanLat += lat;
  const k = Math.cos(((meanLat / route.length) * Math.PI) / 180);
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [lng, lat] of route) {
    const x = lng * k;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, lat);
    maxY = Math.max(maxY, lat);
  }
  const span = Math.max(maxX - minX, maxY - minY, 1e-5);
  const ox = (100 - ((maxX - minX) / span) * 100) / 2;
  const oy = (100 - ((maxY - minY) / span) * 100) / 2;
  const xy = route.map(([lng, lat]) => [
    ox + ((lng * k - minX) / span) * 100,
    oy + ((maxY - lat) / span) * 100,
  ]);
  return {
    line: xy.map(([x, y]) => `${x!.toFixed(2)},${y!.toFixed(2)}`).join(' '),
    end: xy.at(-1)! as [number, number],
  };
}
