import { useMemo } from 'react';
import { type RouteInput, routeToLngLat, svgPath } from './map/geometry.js';

/**
 * A static drawing of a route (the summary polyline as SVG): cheap enough for every card of a
 * feed, where a WebGL map per card would cost a context each. Decorative: the card says the rest.
 */
export function RoutePreview({
  route,
  width = 120,
  height = 80,
  className = 'route-preview',
}: {
  route: RouteInput;
  width?: number;
  height?: number;
  className?: string;
}) {
  const d = useMemo(() => svgPath(routeToLngLat(route), width, height, 6), [route, width, height]);
  if (!d) return null;
  return (
    <svg
      className={className}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} fill="none" stroke="#fff" strokeWidth={5} strokeLinejoin="round" />
      <path
        d={d}
        fill="none"
        stroke="var(--accent)"
        strokeWidth={2.5}
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}
