import type { StyleSpecification } from 'maplibre-gl';

/**
 * The last resort, when even the built-in world map's chunk cannot load (offline, never
 * cached): one plain background layer, nothing fetched. Route layers go on top of any style.
 */
export const OFFLINE_STYLE: StyleSpecification = {
  version: 8,
  name: 'Stride plain',
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef0eb' } }],
};

export const ROUTE_COLOR = '#fc5200';
/** A stretch picked out of the route (an effort, a new segment): dark blue over the orange. */
export const HIGHLIGHT_COLOR = '#1a4fd6';
