export {
  boundsOf,
  circleRing,
  isTrack,
  type LatLng,
  type RouteInput,
  routeToLngLat,
} from './geometry.js';
export {
  type MapLine,
  type MapOpening,
  type MapViewport,
  type MapZone,
  preloadMap,
  RouteMap,
  type RouteMapHandle,
  type RouteMapProps,
} from './route-map.js';
