import { type Ref, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { useClientConfig } from '../../api/client-config.js';
import { RoutePreview } from '../route-preview.js';
import { type RouteInput, routeToLngLat } from './geometry.js';
import type { MapLine, MapOpening, MapView, MapViewport, MapZone } from './map-engine.js';

export type { MapLine, MapOpening, MapViewport, MapZone } from './map-engine.js';

let engine: Promise<typeof import('./map-engine.js')> | undefined;
/** Starts loading MapLibre (JS, worker, CSS) ahead of showing a map, e.g. on the record screen. */
export function preloadMap(): Promise<typeof import('./map-engine.js')> {
  engine ??= import('./map-engine.js').catch((error: unknown) => {
    engine = undefined; // offline with the chunk not cached yet: try again next time
    throw error;
  });
  return engine;
}

export interface RouteMapHandle {
  /** The point at the centre of the view (keyboard users pan there, then place a zone). */
  center(): { lat: number; lng: number } | null;
  /** Frames the route, or the zones when there is none. */
  fit(): void;
  /** Moves the view to centre on a position (the athlete's own, say), at a street zoom. */
  centerOn(lat: number, lng: number, zoom?: number): void;
}

export interface RouteMapProps {
  /** [lat, lng] pairs (nulls skipped) or an encoded polyline. */
  route?: RouteInput;
  /** Start (green) and end (red) markers; default true. */
  markers?: boolean;
  /** Frame the route whenever it changes; default true (ignored while following). */
  fitToRoute?: boolean;
  /** Keep the last point in view as the route grows (the live recorder). */
  follow?: boolean;
  /** Circles to draw: privacy zones, and the one being placed (`draft`). */
  zones?: readonly MapZone[];
  /** A stretch of the route drawn over it, with the start/end markers on its ends. */
  highlight?: RouteInput;
  /** Frame the highlight whenever it changes (default true); the route again when it goes. */
  fitToHighlight?: boolean;
  /** Lines of their own (the explorer's segments); `onLineTap` gets the id of one tapped. */
  lines?: readonly MapLine[];
  onLineTap?: (id: string) => void;
  /** Called after every pan or zoom, and once when the map is ready. */
  onViewChange?: (v: MapViewport) => void;
  /** Where the map opens when it has no route to frame. */
  initialView?: MapOpening;
  /** Makes the map a picker: called with the position the athlete clicked or tapped. */
  onPick?: (lat: number, lng: number) => void;
  /** Pan, zoom and keyboard control; default true. */
  interactive?: boolean;
  /** A position drawn as a dot over the route (a live athlete), kept in view. */
  dot?: { lat: number; lng: number } | null;
  /** Accessible name of the map region. */
  label: string;
  className?: string;
  ref?: Ref<RouteMapHandle>;
}

/**
 * A MapLibre map with a route, start/end markers and optional zone circles. MapLibre loads on
 * first use; the style comes from the server's client config, and the built-in world map
 * (land and borders, nothing fetched) stands in when there is none or it cannot load. Without WebGL it falls back to the static route drawing.
 */
export function RouteMap({
  route,
  markers = true,
  fitToRoute = true,
  follow = false,
  zones,
  highlight,
  fitToHighlight = true,
  lines,
  onLineTap,
  onViewChange,
  initialView,
  onPick,
  interactive = true,
  dot,
  label,
  className = 'route-map',
  ref,
}: RouteMapProps) {
  const container = useRef<HTMLElement>(null);
  const [view, setView] = useState<MapView | null>(null);
  const [failed, setFailed] = useState(false);
  const { config, pending } = useClientConfig();
  const styleUrl = config.map_style_url;
  const coords = useMemo(() => routeToLngLat(route), [route]);
  const highlighted = useMemo(() => routeToLngLat(highlight), [highlight]);
  const viewChange = useRef(onViewChange);
  viewChange.current = onViewChange;
  const opening = useRef(initialView);

  useEffect(() => {
    if (pending) return;
    let live = true;
    let created: MapView | undefined;
    preloadMap()
      .then(async ({ MapView, loadWorldStyle }) => {
        const world = await loadWorldStyle();
        if (!live || !container.current) return;
        created = new MapView(container.current, { styleUrl, interactive, world });
        if (opening.current) created.open(opening.current);
        created.onViewChange((v) => viewChange.current?.(v));
        setView(created);
      })
      .catch(() => {
        // No WebGL (or the chunk failed to load offline): show the static drawing instead.
        if (live) setFailed(true);
      });
    return () => {
      live = false;
      created?.destroy();
      setView(null);
    };
  }, [pending, styleUrl, interactive]);

  useEffect(() => {
    if (!view) return;
    view.setRoute(coords, markers);
    if (follow) view.follow();
    else if (fitToRoute) view.fit(false, fitToHighlight);
  }, [view, coords, markers, follow, fitToRoute, fitToHighlight]);

  // Frame a new highlight, and the whole route again once it is cleared.
  const wasHighlighted = useRef(false);
  useEffect(() => {
    if (!view) return;
    view.setHighlight(highlighted);
    const has = highlighted.length > 1;
    if (fitToHighlight && !follow && (has || wasHighlighted.current)) view.fit(true);
    wasHighlighted.current = has;
  }, [view, highlighted, fitToHighlight, follow]);

  useEffect(() => {
    view?.setLines(lines ? [...lines] : []);
  }, [view, lines]);
  const lineTap = useRef(onLineTap);
  lineTap.current = onLineTap;
  const tappable = !!onLineTap;
  useEffect(() => {
    view?.setLineTap(tappable ? (id) => lineTap.current?.(id) : null);
  }, [view, tappable]);

  useEffect(() => {
    view?.setZones(zones ? [...zones] : []);
  }, [view, zones]);
  // Frame saved zones when there is no route; not while a draft is placed or resized.
  const savedZones = zones?.filter((z) => !z.draft).length ?? 0;
  useEffect(() => {
    if (view && !coords.length && savedZones) view.fit(false);
  }, [view, savedZones, coords.length]);

  const pick = useRef(onPick);
  pick.current = onPick;
  const picking = !!onPick;
  useEffect(() => {
    view?.setPick(picking ? (lat, lng) => pick.current?.(lat, lng) : null);
  }, [view, picking]);

  const dotLat = dot?.lat;
  const dotLng = dot?.lng;
  useEffect(() => {
    if (!view) return;
    const at: [number, number] | null =
      dotLat === undefined || dotLng === undefined ? null : [dotLng, dotLat];
    view.setDot(at);
    if (at) view.keepInView(at);
  }, [view, dotLat, dotLng]);

  useImperativeHandle(
    ref,
    () => ({
      center: () => view?.center() ?? null,
      fit: () => view?.fit(),
      centerOn: (lat, lng, zoom = 14) => view?.open({ center: { lat, lng }, zoom }),
    }),
    [view],
  );

  if (failed)
    return (
      <div className={`${className} map-fallback`} role="img" aria-label={label}>
        <RoutePreview route={route} width={320} height={200} />
      </div>
    );
  return <section ref={container} className={className} aria-label={label} />;
}
