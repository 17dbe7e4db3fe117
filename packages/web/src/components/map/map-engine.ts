/**
 * The MapLibre side of the map component, loaded only when a map is first shown (its JS,
 * worker and CSS stay out of every page's first load). Imperative on purpose: React owns the
 * container, this owns the WebGL map, the route, the start/end markers and privacy-zone circles.
 */
import type { Feature, FeatureCollection } from 'geojson';
import {
  type GeoJSONSource,
  Map as MapLibreMap,
  type MapSourceDataEvent,
  NavigationControl,
  type StyleSpecification,
  setWorkerUrl,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { boundsOf, circleRing, type LngLat } from './geometry.js';
import { HIGHLIGHT_COLOR, OFFLINE_STYLE, ROUTE_COLOR } from './map-style.js';

/** The built-in world map, starting to load as soon as this chunk does (see world-data.ts). */
const worldData = import('./world-data.js');
worldData.catch(() => {}); // reported by loadWorldStyle

/**
 * The built-in world style (land, borders; nothing fetched). Should its chunk fail to load
 * (offline before it was ever cached), a plain background, so the route still draws.
 */
export function loadWorldStyle(): Promise<StyleSpecification> {
  return worldData.then(
    (m) => m.worldStyle,
    () => OFFLINE_STYLE,
  );
}

// MapLibre looks for its worker beside its own module; bundled, that file is an asset elsewhere.
setWorkerUrl(workerUrl);

export interface MapZone {
  lat: number;
  lng: number;
  radius: number;
  /** A zone being placed, not yet saved: drawn dashed. */
  draft?: boolean;
}

/** A line of its own (the explorer's segments), told apart by id when tapped. */
export interface MapLine {
  id: string;
  coords: LngLat[];
}

/** What the map shows: [minLat, minLng, maxLat, maxLng] (the API's bbox order) and the zoom. */
export interface MapViewport {
  bbox: [number, number, number, number];
  zoom: number;
  center: { lat: number; lng: number };
}

export type MapOpening =
  | { center: { lat: number; lng: number }; zoom: number }
  | { bounds: [LngLat, LngLat] };

export interface MapViewOptions {
  /** The street map's style; null: the world map only. */
  styleUrl: string | null;
  interactive: boolean;
  /** The built-in world style (see loadWorldStyle). */
  world: StyleSpecification;
}

/** A street map that has shown no tile after this long is replaced by the world map. */
const STREET_TIMEOUT_MS = 8000;

/** The GeoJSON sources this adds over any style. */
const OWN_SOURCES = ['route', 'endpoints', 'zones', 'lines', 'highlight', 'dot'];

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

export class MapView {
  readonly map: MapLibreMap;
  private route: LngLat[] = [];
  private markers = true;
  private zones: MapZone[] = [];
  private highlight: LngLat[] = [];
  private lines: MapLine[] = [];
  private dot: LngLat | null = null;
  private pick: ((lat: number, lng: number) => void) | null = null;
  private lineTap: ((id: string) => void) | null = null;
  private styleReady = false;
  private pendingFit = false;
  private readonly interactive: boolean;
  private readonly world: StyleSpecification;
  private basemap: 'street' | 'world';
  private streetTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly container: HTMLElement,
    options: MapViewOptions,
  ) {
    this.interactive = options.interactive;
    this.world = options.world;
    this.basemap = options.styleUrl ? 'street' : 'world';
    this.map = new MapLibreMap({
      container,
      style: options.styleUrl ?? options.world,
      interactive: options.interactive,
      attributionControl: { compact: true },
      center: [0, 20],
      zoom: 1,
    });
    if (options.interactive)
      this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    container.dataset.mapState = 'loading';
    // For browser tests: the map instance, read through the container element.
    Object.defineProperty(container, 'maplibreMap', { value: this.map, configurable: true });

    if (options.styleUrl) this.watchStreet();
    // Every style (re)load drops our layers: add them back each time.
    this.map.on('style.load', () => {
      this.styleReady = true;
      if (this.basemap === 'world') container.dataset.basemap = 'world';
      this.addLayers();
      this.render();
      if (this.pendingFit) this.fit(false);
    });
    this.map.on('idle', () => {
      if (this.styleReady) container.dataset.mapState = 'ready';
    });
    this.map.on('click', (e) => this.pick?.(e.lngLat.lat, e.lngLat.lng));
    this.map.on('click', 'lines-hit', (e) => {
      const id = e.features?.[0]?.properties?.id;
      if (typeof id === 'string') this.lineTap?.(id);
    });
    this.map.on('mouseenter', 'lines-hit', () => {
      if (this.lineTap) this.map.getCanvas().style.cursor = 'pointer';
    });
    this.map.on('mouseleave', 'lines-hit', () => {
      this.map.getCanvas().style.cursor = this.pick ? 'crosshair' : '';
    });
  }

  /**
   * When the street map gives way to the world map. The rule: the street map counts as working
   * once its first tile has loaded (a `sourcedata` event carrying a tile: its style, and the
   * tiles it needs, came through). Until then, any `error` (the style, a tile, its sprite or
   * glyphs failing: offline, blocked, a wrong URL, a server down) or STREET_TIMEOUT_MS without a
   * tile (a request that hangs) switches to the world map, once and for good. Later errors (a
   * missing tile here and there) are MapLibre's to report: the street map is then showing.
   */
  private watchStreet(): void {
    const settle = () => {
      clearTimeout(this.streetTimer);
      this.map.off('sourcedata', onData);
      this.map.off('error', onError);
    };
    const onData = (e: MapSourceDataEvent) => {
      // Our own route sources make tiles too, from data in hand: they prove nothing.
      if (!e.tile || OWN_SOURCES.includes(e.sourceId)) return;
      settle();
      this.container.dataset.basemap = 'street';
    };
    const onError = () => {
      settle();
      this.useWorld();
    };
    this.map.on('sourcedata', onData);
    this.map.on('error', onError);
    this.streetTimer = setTimeout(onError, STREET_TIMEOUT_MS);
  }

  /** Replaces the style with the world map; style.load then adds the route layers back. */
  private useWorld(): void {
    if (this.basemap === 'world') return;
    this.basemap = 'world';
    this.styleReady = false;
    this.container.dataset.mapState = 'loading';
    this.map.setStyle(this.world, { diff: false });
  }

  setRoute(route: LngLat[], markers: boolean): void {
    this.route = route;
    this.markers = markers;
    this.container.dataset.routePoints = String(route.length);
    this.render();
  }

  /** The athlete's position on a live page (moved every animation frame: only this source). */
  setDot(dot: LngLat | null): void {
    this.dot = dot;
    if (!this.styleReady) return;
    (this.map.getSource('dot') as GeoJSONSource | undefined)?.setData(
      dot
        ? { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: dot } }
        : empty(),
    );
  }

  /** Keeps `at` in view without moving the map at every frame (a live viewer's dot). */
  keepInView(at: LngLat): void {
    if (!this.styleReady) return;
    if (!this.map.getBounds().contains(at)) this.map.easeTo({ center: at, duration: 300 });
  }

  /** A stretch of the route drawn over it (an effort, the part chosen for a new segment). */
  setHighlight(coords: LngLat[]): void {
    this.highlight = coords;
    this.container.dataset.highlightPoints = String(coords.length);
    this.render();
  }

  setLines(lines: MapLine[]): void {
    this.lines = lines;
    this.container.dataset.lines = String(lines.length);
    this.render();
  }

  setLineTap(tap: ((id: string) => void) | null): void {
    this.lineTap = tap;
  }

  /** Calls `listener` with the viewport after every pan or zoom (and once the style is ready). */
  onViewChange(listener: (v: MapViewport) => void): void {
    const emit = () => listener(this.viewport());
    this.map.on('moveend', emit);
    if (this.styleReady) emit();
    else this.map.once('style.load', emit);
  }

  viewport(): MapViewport {
    const b = this.map.getBounds();
    const c = this.map.getCenter();
    return {
      bbox: [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()],
      zoom: this.map.getZoom(),
      center: { lat: c.lat, lng: c.lng },
    };
  }

  /** Opens on a view: a centre and zoom, or an area to frame. */
  open(view: MapOpening): void {
    if ('bounds' in view) this.map.fitBounds(view.bounds, { padding: 28, animate: false });
    else this.map.jumpTo({ center: [view.center.lng, view.center.lat], zoom: view.zoom });
  }

  setZones(zones: MapZone[]): void {
    this.zones = zones;
    this.render();
  }

  setPick(pick: ((lat: number, lng: number) => void) | null): void {
    this.pick = pick;
    this.map.getCanvas().style.cursor = pick ? 'crosshair' : '';
  }

  /** Frames the highlighted stretch, else the route (or the zones when there is no route). */
  fit(animate = true, toHighlight = true): void {
    const coords =
      toHighlight && this.highlight.length > 1
        ? this.highlight
        : this.route.length
          ? this.route
          : this.zones.flatMap((z) => circleRing(z.lat, z.lng, z.radius, 8));
    const bounds = boundsOf(coords);
    if (!bounds) return;
    if (!this.styleReady) {
      this.pendingFit = true;
      return;
    }
    this.pendingFit = false;
    // Clear of the zoom buttons (top right) and of a caption over a highlighted stretch.
    const padding = {
      top: 28,
      left: 28,
      right: this.interactive ? 56 : 28,
      bottom: toHighlight && this.highlight.length > 1 ? 60 : 28,
    };
    this.map.fitBounds(bounds, { padding, maxZoom: 16, animate });
  }

  /** Keeps the last point of the route in view (the live recorder). */
  follow(): void {
    const last = this.route.at(-1);
    if (!last) return;
    this.map.easeTo({ center: last, zoom: Math.max(this.map.getZoom(), 15), duration: 300 });
  }

  center(): { lat: number; lng: number } {
    const c = this.map.getCenter();
    return { lat: c.lat, lng: c.lng };
  }

  destroy(): void {
    clearTimeout(this.streetTimer);
    this.map.remove();
  }

  private addLayers(): void {
    const m = this.map;
    for (const id of OWN_SOURCES)
      if (!m.getSource(id)) m.addSource(id, { type: 'geojson', data: empty() });
    m.addLayer({
      id: 'zones-fill',
      type: 'fill',
      source: 'zones',
      paint: { 'fill-color': '#6b6b76', 'fill-opacity': 0.18 },
    });
    m.addLayer({
      id: 'zones-outline',
      type: 'line',
      source: 'zones',
      paint: {
        'line-color': ['case', ['get', 'draft'], ROUTE_COLOR, '#4a4a55'],
        'line-width': 2,
        'line-dasharray': [2, 1.5],
      },
    });
    casedLine(m, 'route', ROUTE_COLOR, 4);
    casedLine(m, 'lines', ROUTE_COLOR, 3.5);
    // Lines are tapped through a wide invisible layer: a 3 px line is no finger's target.
    m.addLayer({
      id: 'lines-hit',
      type: 'line',
      source: 'lines',
      paint: { 'line-color': '#000000', 'line-opacity': 0, 'line-width': 18 },
    });
    casedLine(m, 'highlight', HIGHLIGHT_COLOR, 5);
    m.addLayer({
      id: 'endpoints',
      type: 'circle',
      source: 'endpoints',
      paint: {
        'circle-radius': 6,
        'circle-color': ['match', ['get', 'kind'], 'start', '#1f9d55', '#d7263d'],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    });
    m.addLayer({
      id: 'dot',
      type: 'circle',
      source: 'dot',
      paint: {
        'circle-radius': 8,
        'circle-color': ROUTE_COLOR,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 3,
      },
    });
  }

  private render(): void {
    if (!this.styleReady) return;
    const source = (id: string) => this.map.getSource(id) as GeoJSONSource | undefined;
    const r = this.route;
    source('route')?.setData(line(r));
    source('highlight')?.setData(line(this.highlight));
    source('lines')?.setData({
      type: 'FeatureCollection',
      features: this.lines
        .filter((l) => l.coords.length > 1)
        .map((l) => ({
          type: 'Feature',
          properties: { id: l.id },
          geometry: { type: 'LineString', coordinates: l.coords },
        })),
    });
    const ends: Feature[] = [];
    // Markers mark the highlighted stretch when there is one: where the effort starts and ends.
    const marked = this.highlight.length > 1 ? this.highlight : r;
    if (this.markers && marked.length) {
      ends.push(point(marked[0]!, 'start'));
      if (marked.length > 1) ends.push(point(marked.at(-1)!, 'end'));
    }
    source('endpoints')?.setData({ type: 'FeatureCollection', features: ends });
    this.setDot(this.dot);
    source('zones')?.setData({
      type: 'FeatureCollection',
      features: this.zones.map((z) => ({
        type: 'Feature',
        properties: { draft: !!z.draft },
        geometry: { type: 'Polygon', coordinates: [circleRing(z.lat, z.lng, z.radius)] },
      })),
    });
  }
}

/** `<source>-casing` (white, 3 px wider) under `<source>-line`: lines read on any background. */
function casedLine(m: MapLibreMap, source: string, color: string, width: number): void {
  for (const [part, paint] of [
    ['casing', { 'line-color': '#ffffff', 'line-width': width + 3 }],
    ['line', { 'line-color': color, 'line-width': width }],
  ] as const) {
    m.addLayer({
      id: `${source}-${part}`,
      type: 'line',
      source,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint,
    });
  }
}

function line(coordinates: LngLat[]): Feature | FeatureCollection {
  return coordinates.length > 1
    ? { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } }
    : empty();
}

function point(coordinates: LngLat, kind: 'start' | 'end'): Feature {
  return { type: 'Feature', properties: { kind }, geometry: { type: 'Point', coordinates } };
}
