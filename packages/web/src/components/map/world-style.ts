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
 * as one polygon a feature (a MultiPolygon split up: smaller features tile faster), coasts as
 * the land's outline, borders as the mesh of the lines shared by two countries.
 */
export function buildWorldStyle(land: Topology, countries: Topology): StyleSpecification {
  const landGeo = feature(land, land.objects.land as GeometryCollection) as FeatureCollection;
  const polygons: Feature<Polygon>[] = [];
  for (const f of landGeo.features) {
    const g = f.geometry;
    if (g.type === 'Polygon') polygons.push(polygonFeature(g.coordinates.map(unwrapRing)));
    else if (g.type === 'MultiPolygon')
      for (const rings of g.coordinates) polygons.push(polygonFeature(rings.map(unwrapRing)));
  }
  const borders = splitAtAntimeridian(
    mesh(countries, countries.objects.countries as GeometryCollection, (a, b) => a !== b),
  );
  // Coasts as lines of their own: a line layer over the land polygons would also trace the
  // edges where each tile clips them, a grid of seams on the sea.
  const coasts = splitAtAntimeridian(mesh(land, land.objects.land as GeometryCollection));
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
      coasts: {
        type: 'geojson',
        data: { type: 'Feature', properties: {}, geometry: coasts },
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
        source: 'coasts',
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

type Ring = Polygon['coordinates'][number];

/**
 * The data is spherical: a ring crossing the antimeridian (Chukotka, Fiji) jumps from 180 to
 * -180, which a flat map reads as an edge across the whole world, filling the wrong side. The
 * ring is made continuous instead (longitudes past ±180, which MapLibre wraps), moved so most of
 * it lies within ±180; one that goes all the way round (Antarctica) is closed over its pole.
 */
export function unwrapRing(ring: Ring): Ring {
  let offset = 0;
  const out: Ring = ring.map((p, i) => {
    const prev = ring[i - 1];
    if (prev) {
      const d = p[0]! - prev[0]!;
      if (d > 180) offset -= 360;
      else if (d < -180) offset += 360;
    }
    return [p[0]! + offset, p[1]!];
  });
  if (offset !== 0) {
    // Round the world: along the last point's and the first's side, via the nearer pole.
    const last = out.at(-1)!;
    const first = out[0]!;
    const pole = out.reduce((sum, p) => sum + p[1]!, 0) < 0 ? -90 : 90;
    out.push([last[0]!, pole], [first[0]!, pole], [first[0]!, first[1]!]);
  }
  const mean = out.reduce((sum, p) => sum + p[0]!, 0) / out.length;
  const shift = -360 * Math.round(mean / 360);
  return shift ? out.map((p) => [p[0]! + shift, p[1]!]) : out;
}

/** Lines cut where they jump across the antimeridian, rather than drawn across the world. */
export function splitAtAntimeridian(lines: MultiLineString): MultiLineString {
  const parts: MultiLineString['coordinates'] = [];
  for (const line of lines.coordinates) {
    let part: MultiLineString['coordinates'][number] = [];
    for (const p of line) {
      const prev = part.at(-1);
      if (prev && Math.abs(p[0]! - prev[0]!) > 180) {
        if (part.length > 1) parts.push(part);
        part = [];
      }
      part.push(p);
    }
    if (part.length > 1) parts.push(part);
  }
  return { type: 'MultiLineString', coordinates: parts };
}

function polygonFeature(coordinates: Polygon['coordinates']): Feature<Polygon> {
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } };
}
