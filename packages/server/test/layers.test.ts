/**
 * The server's layers, checked over its import graph: features stand on `platform/`, never the
 * other way round; routes never reach a repository; a feature never reaches into another
 * feature's repository (it calls that feature's service or listens to its events).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
/**
 * Top-level folders that are not features. `compute/` gathers the features' pure CPU-heavy
 * functions into one worker-thread pool (a composition root for threads).
 */
const NOT_FEATURES = new Set(['platform', 'demo', 'compute']);
/** The composition root and entry points: they may import anything. */
const ROOTS = new Set(['app.ts', 'main.ts', 'stride.ts', 'config.ts']);

interface Edge {
  from: string;
  to: string;
}

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

/** Every relative import (static, dynamic, type-only or re-export) between source files. */
function importGraph(): Edge[] {
  const edges: Edge[] = [];
  const pattern = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(pattern)) {
      const target = resolve(dirname(file), m[1]!).replace(/\.js$/, '.ts');
      edges.push({ from: relative(SRC, file), to: relative(SRC, target) });
    }
  }
  return edges;
}

const top = (path: string) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '');
const isFeature = (path: string) => top(path) !== '' && !NOT_FEATURES.has(top(path));
const isRepository = (path: string) => path.endsWith('.repository.ts');
const isRoutes = (path: string) => path.endsWith('.routes.ts');

const graph = importGraph();
const describeEdges = (edges: Edge[]) => edges.map((e) => `${e.from} → ${e.to}`);

describe('server layers', () => {
  it('reads a graph of the whole server', () => {
    expect(graph.length).toBeGreaterThan(200);
    expect(new Set(graph.map((e) => top(e.from)))).toContain('activities');
  });

  it('keeps the platform free of features', () => {
    const bad = graph.filter((e) => top(e.from) === 'platform' && isFeature(e.to));
    expect(describeEdges(bad)).toEqual([]);
  });

  it('never lets a route import a repository', () => {
    const bad = graph.filter((e) => isRoutes(e.from) && isRepository(e.to));
    expect(describeEdges(bad)).toEqual([]);
  });

  it("never lets a feature reach into another feature's repository", () => {
    const bad = graph.filter(
      (e) =>
        isFeature(e.from) && isFeature(e.to) && isRepository(e.to) && top(e.to) !== top(e.from),
    );
    expect(describeEdges(bad)).toEqual([]);
  });

  it('wires features only in the composition root', () => {
    const bad = graph.filter(
      (e) =>
        (isFeature(e.from) || top(e.from) === 'platform') &&
        ROOTS.has(e.to) &&
        e.to !== 'config.ts',
    );
    expect(describeEdges(bad)).toEqual([]);
  });

  it('gives every feature one module entry point', () => {
    const features = readdirSync(SRC).filter(
      (name) => statSync(join(SRC, name)).isDirectory() && !NOT_FEATURES.has(name),
    );
    expect(features.length).toBeGreaterThanOrEqual(7);
    for (const feature of features) {
      const index = readFileSync(join(SRC, feature, 'index.ts'), 'utf8');
      expect(index, feature).toMatch(/export function create[A-Z][A-Za-z]*Module\(/);
    }
  });

  it('detects a forbidden edge when there is one', () => {
    // The rules above are only as good as the graph: a route importing a repository is seen.
    const sample: Edge[] = [
      { from: 'segments/segments.routes.ts', to: 'segments/segment.repository.ts' },
    ];
    expect(sample.filter((e) => isRoutes(e.from) && isRepository(e.to))).toHaveLength(1);
  });
});
