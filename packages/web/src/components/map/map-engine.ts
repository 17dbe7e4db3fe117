/**
 * The MapLibre side of the map component, loaded only when a map is first shown (its JS,
 * worker and CSS stay out of every page's first load). Imperative on purpose: React owns the
 * container, this owns the WebGL map, the route, the start/end markers and privacy-zone circles.
 */
import type { Feature, FeatureCollection } from 'geojson';
import {
  type GeoJSONSource,
  Map as MapLibreMap,
  NavigationControl,
  setWorkerUrl,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { boundsOf, circleRing, type LngLat } from './geometry.js';
import { OFFLINE_STYLE, ROUTE_COLOR } from './map-style.js';

// MapLibre looks for its worker beside its own module; bundled, that file is an asset elsewhere.
setWorkerUrl(workerUrl);

export interface MapZone {
  lat: number;
  lng: number;
  radius: number;
  /** A zone being placed, not yet saved: drawn dashed. */
  draft?: boolean;
}

export interface MapViewOptions {
  styleUrl: string | null;
  interactive: boolean;
}

/** A configured style that has not loaded after this long is replaced by the offline one. */
const STYLE_TIMEOUT_MS = 6000;

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

export class MapView {
  readonly map: MapLibreMap;
  private route: LngLat[] = [];
  private markers = true;
  private zones: MapZone[] = [];
  private pick: ((lat: number, lng: number) => void) | null = null;
  private styleReady = false;
  private pendingFit = false;

  constructor(
    private readonly container: HTMLElement,
    options: MapViewOptions,
  ) {
    this.map = new MapLibreMap({
      container,
      style: options.styleUrl ?? OFFLINE_STYLE,
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

    if (options.styleUrl) {
      // An unreachable tile server (offline, misconfigured) must not hide the route.
      const fallback = () => {
        if (!this.styleReady) this.map.setStyle(OFFLINE_STYLE);
      };
      const timer = setTimeout(fallback, STYLE_TIMEOUT_MS);
      this.map.once('error', fallback);
      this.map.once('style.load', () => clearTimeout(timer));
    }
    // Every style (re)load drops our layers: add them back each time.
    this.map.on('style.load', () => {
      this.styleReady = true;
      this.addLayers();
      this.render();
      if (this.pendingFit) this.fit(false);
    });
    this.map.on('idle', () => {
      if (this.styleReady) container.dataset.mapState = 'ready';
    });
    this.map.on('click', (e) => this.pick?.(e.lngLat.lat, e.lngLat.lng));
  }

  setRoute(route: LngLat[], markers: boolean): void {
    this.route = route;
    this.markers = markers;
    this.container.dataset.routePoints = String(route.length);
    this.render();
  }

  setZones(zones: MapZone[]): void {
    this.zones = zones;
    this.render();
  }

  setPick(pick: ((lat: number, lng: number) => void) | null): void {
    this.pick = pick;
    this.map.getCanvas().style.cursor = pick ? 'crosshair' : '';
  }

  /** Frames the route (or the zones when there is no route). */
  fit(animate = true): void {
    const coords = this.route.length
      ? this.route
      : this.zones.flatMap((z) => circleRing(z.lat, z.lng, z.radius, 8));
    const bounds = boundsOf(coords);
    if (!bounds) return;
    if (!this.styleReady) {
      this.pendingFit = true;
      return;
    }
    this.pendingFit = false;
    this.map.fitBounds(bounds, { padding: 28, maxZoom: 16, animate });
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
    this.map.remove();
  }

  private addLayers(): void {
    const m = this.map;
    for (const id of ['route', 'endpoints', 'zones'])
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
    m.addLayer({
      id: 'route-casing',
      type: 'line',
      source: 'route',
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 7 },
    });
    m.addLayer({
      id: 'route-line',
      type: 'line',
      source: 'route',
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': ROUTE_COLOR, 'line-width': 4 },
    });
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
  }

  private render(): void {
    if (!this.styleReady) return;
    const source = (id: string) => this.map.getSource(id) as GeoJSONSource | undefined;
    const r = this.route;
    source('route')?.setData(
      r.length > 1
        ? { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: r } }
        : empty(),
    );
    const ends: Feature[] = [];
    if (this.markers && r.length) {
      ends.push(point(r[0]!, 'start'));
      if (r.length > 1) ends.push(point(r.at(-1)!, 'end'));
    }
    source('endpoints')?.setData({ type: 'FeatureCollection', features: ends });
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

function point(coordinates: LngLat, kind: 'start' | 'end'): Feature {
  return { type: 'Feature', properties: { kind }, geometry: { type: 'Point', coordinates } };
}
