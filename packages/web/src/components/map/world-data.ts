/**
 * The world map's data (about 150 kB of TopoJSON), in a chunk of its own that the map engine
 * starts loading as soon as it loads: never part of a page's first load.
 */
import type { Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';
import land from 'world-atlas/land-110m.json';
import { buildWorldStyle } from './world-style.js';

export const worldStyle = buildWorldStyle(
  land as unknown as Topology,
  countries as unknown as Topology,
);
