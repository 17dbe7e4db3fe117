/**
 * The built-in world map: Natural Earth land and country borders (1:110m, from world-atlas)
 * drawn from GeoJSON held in the app. No tiles, glyphs or sprites, so nothing is fetched: it
 * is the map with STRIDE_MAP_STYLE_URL=none, and the fallback when a street style can't load.
 */
import type { Feature, FeatureCollection, MultiLineString, Polygon } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export const WORLD_WATER = '#a9cde3';
export const WORLD_LAND = '#f1efe6';
const COAST = '#7fa9c4';
const BORDER = '#b3a9a0';

/**
 * `land`: world-atlas's land-110m.json; `countries`: its countries-110m.json. Land comes out
 * as one polygon a feature (a MultiPolygon split up: smaller features tile faster), borders as
 * the mesh of the lines shared by two countries (coasts are the land's own outline).
 */
export function buildWorldStyle(land: Topology, countries: Topology): StyleSpecification {
  const landGeo = feature(land, land.objects.land as GeometryCollection) as FeatureCollection;
  const polygons: Feature<Polygon>[] = [];
  for (const f of landGeo.features) {
    const g = f.geometry;
    if (g.type === 'Polygon') polygons.push(polygonFeature(g.coordinates));
    else if (g.type === 'MultiPolygon')
      for (const rings of g.coordinates) polygons.push(polygonFeature(rings));
  }
  const borders: MultiLineString = mesh(
    countries,
    countries.objects.countries as GeometryCollection,
    (a, b) => a !== b,
  );
  const attribution = 'Natural Earth';
  return {
    version: 8,
    name: 'Stride world',
    sources: {
      land: {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: polygons },
        attribution,
      },
      borders: {
        type: 'geojson',
        data: { type: 'Feature', properties: {}, geometry: borders },
      },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': WORLD_WATER } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': WORLD_LAND } },
      {
        id: 'coastline',
        type: 'line',
        source: 'land',
        paint: { 'line-color': COAST, 'line-width': 0.8 },
      },
      {
        id: 'borders',
        type: 'line',
        source: 'borders',
        paint: { 'line-color': BORDER, 'line-width': 0.8 },
      },
    ],
  };
}

function polygonFeature(coordinates: Polygon['coordinates']): Feature<Polygon> {
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } };
}
