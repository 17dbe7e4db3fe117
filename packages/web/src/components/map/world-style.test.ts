import type { Feature, FeatureCollection } from 'geojson';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import countries from 'world-atlas/countries-110m.json';
import land from 'world-atlas/land-110m.json';
import { buildWorldStyle, unwrapRing, WORLD_LAND, WORLD_WATER } from './world-style.js';

const style = buildWorldStyle(land as unknown as Topology, countries as unknown as Topology);

function data(id: string) {
  const source = style.sources[id];
  if (source?.type !== 'geojson') throw new Error(`${id} is not a GeoJSON source`);
  return source.data as Feature | FeatureCollection;
}

describe('the built-in world style', () => {
  it('fills land polygons, hundreds of them, over a water background', () => {
    const landData = data('land') as FeatureCollection;
    expect(landData.features.length).toBeGreaterThan(100);
    for (const f of landData.features) expect(f.geometry.type).toBe('Polygon');
    const rings = landData.features.reduce(
      (n, f) => n + (f.geometry.type === 'Polygon' ? f.geometry.coordinates.length : 0),
      0,
    );
    expect(rings).toBeGreaterThan(100);
    const layer = (id: string) => style.layers.find((l) => l.id === id);
    expect(layer('background')).toMatchObject({ paint: { 'background-color': WORLD_WATER } });
    expect(layer('land')).toMatchObject({ type: 'fill', paint: { 'fill-color': WORLD_LAND } });
    expect(layer('coastline')).toMatchObject({ type: 'line', source: 'coasts' });
    expect((data('coasts') as Feature).geometry.type).toBe('MultiLineString');
  });

  it('crosses the antimeridian without an edge across the world', () => {
    // An edge along a pole (closing Antarctica) is the one allowed to go round the world.
    const jumps = (ring: number[][]) =>
      ring.some(
        (p, i) => i > 0 && Math.abs(p[0]! - ring[i - 1]![0]!) > 180 && Math.abs(p[1]!) !== 90,
      );
    for (const f of (data('land') as FeatureCollection).features)
      if (f.geometry.type === 'Polygon')
        for (const ring of f.geometry.coordinates) expect(jumps(ring)).toBe(false);
    for (const id of ['coasts', 'borders']) {
      const g = (data(id) as Feature).geometry;
      if (g.type === 'MultiLineString') for (const l of g.coordinates) expect(jumps(l)).toBe(false);
    }
    // Antarctica, all the way round, is closed over the south pole.
    expect(
      unwrapRing([
        [-180, -80],
        [0, -70],
        [170, -80],
        [-180, -80],
      ]),
    ).toEqual([
      [-180, -80],
      [0, -70],
      [170, -80],
      [180, -80],
      [180, -90],
      [-180, -90],
      [-180, -80],
    ]);
  });

  it('draws country borders as a line', () => {
    const borders = data('borders') as Feature;
    expect(borders.geometry.type).toBe('MultiLineString');
    if (borders.geometry.type === 'MultiLineString')
      expect(borders.geometry.coordinates.length).toBeGreaterThan(100);
    expect(style.layers.find((l) => l.id === 'borders')).toMatchObject({
      type: 'line',
      source: 'borders',
    });
  });

  it('fetches nothing: no URL anywhere, no glyphs, no sprite', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:|\/\/|\{z\}/);
    for (const source of Object.values(style.sources)) expect(source.type).toBe('geojson');
  });
});
