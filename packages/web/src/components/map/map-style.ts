import type { StyleSpecification } from 'maplibre-gl';

/**
 * The style used when the operator configures none (STRIDE_MAP_STYLE_URL unset): one plain
 * background layer, no tiles, no glyphs, no sprites — nothing is fetched, so the route still
 * draws with no internet and tests never reach out. Route layers are added on top of any style.
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
