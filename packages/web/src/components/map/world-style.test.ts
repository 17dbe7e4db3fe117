import type { Feature, FeatureCollection } from 'geojson';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import countries from 'world-atlas/countries-110m.json';
import land from 'world-atlas/land-110m.json';
import { buildWorldStyle, WORLD_LAND, WORLD_WATER } from './world-style.js';

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
    expect(layer('coastline')).toMatchObject({ type: 'line', source: 'land' });
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
