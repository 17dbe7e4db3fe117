import type { Segment, SegmentSport } from '@stride/client';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { api, unwrap } from '../../api/client.js';
import {
  boundsOf,
  type MapOpening,
  type MapViewport,
  RouteMap,
  routeToLngLat,
} from '../../components/map/index.js';
import { SportToggle } from '../../components/sport-toggle.js';
import { useUnits } from '../auth/use-me.js';
import { ExploreNav } from './explore-nav.js';
import { SegmentList } from './segment-list.js';

/** The API answers for a map view, not a continent (its bbox may span 10° at most). */
const MAX_SPAN_DEG = 10;
const VIEW_KEY = 'stride.explore.view';
const NONE: Segment[] = [];

type View = { center: { lat: number; lng: number }; zoom: number };

function storedView(): View | null {
  try {
    const v = JSON.parse(sessionStorage.getItem(VIEW_KEY) ?? 'null') as View | null;
    return v && Number.isFinite(v.center?.lat) && Number.isFinite(v.zoom) ? v : null;
  } catch {
    return null;
  }
}

/** Where the explorer opens: where the athlete left it, else around where they last went out. */
function useOpeningView(): { view: MapOpening | null; ready: boolean } {
  const [stored] = useState(storedView);
  const latest = useQuery({
    queryKey: ['activities', 'latest-route'],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/activities', { params: { query: { mode: 'USER', limit: 5 } }, signal }),
      ),
    enabled: !stored,
  });
  if (stored) return { view: stored, ready: true };
  const route = latest.data?.items.find((a) => a.map.summary_polyline)?.map.summary_polyline;
  const bounds = boundsOf(routeToLngLat(route));
  return { view: bounds ? { bounds } : null, ready: !latest.isPending };
}

/** The query's bbox, rounded so that a tiny pan does not ask again for the same segments. */
function bboxParam(v: MapViewport): string {
  return v.bbox.map((x) => x.toFixed(4)).join(',');
}

/**
 * /segments — a map of the segments around: panning or zooming loads those in view (most
 * popular first), drawn as lines and listed below; a tap on either opens the segment.
 */
export function ExplorePage() {
  const [params, setParams] = useSearchParams();
  const sport: SegmentSport = params.get('sport') === 'Ride' ? 'Ride' : 'Run';
  const units = useUnits();
  const [, navigate] = useLocation();
  const opening = useOpeningView();
  const [viewport, setViewport] = useState<MapViewport | null>(null);
  const [minLat, minLng, maxLat, maxLng] = viewport?.bbox ?? [0, 0, 0, 0];
  const tooWide = !!viewport && (maxLat - minLat > MAX_SPAN_DEG || maxLng - minLng > MAX_SPAN_DEG);
  const bbox = viewport && !tooWide ? bboxParam(viewport) : null;
  const found = useQuery({
    queryKey: ['segments', 'explore', sport, bbox],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/segments', {
          params: { query: { bbox: bbox ?? '', sport_type: sport, limit: 50 } },
          signal,
        }),
      ),
    enabled: bbox !== null,
    placeholderData: (previous) => previous,
  });
  const items = useMemo(() => (bbox && found.data?.items) || NONE, [bbox, found.data]);
  const lines = useMemo(
    () => items.map((s) => ({ id: s.id, coords: routeToLngLat(s.map.polyline) })),
    [items],
  );

  const onView = (v: MapViewport) => {
    setViewport(v);
    sessionStorage.setItem(VIEW_KEY, JSON.stringify({ center: v.center, zoom: v.zoom }));
  };
  const status = !viewport
    ? 'Loading the map…'
    : tooWide
      ? 'Zoom in to see segments.'
      : found.isPending
        ? 'Looking for segments…'
        : found.isError
          ? 'Could not load segments here.'
          : items.length
            ? `${items.length} ${sport.toLowerCase()} ${items.length === 1 ? 'segment' : 'segments'} in view`
            : `No ${sport.toLowerCase()} segments here yet: create one from an activity.`;

  return (
    <main className="page explore-page">
      <ExploreNav />
      <div className="row explore-tools">
        <SportToggle value={sport} onChange={(s) => setParams({ sport: s })} />
        <p className="muted small grow" role="status">
          {status}
        </p>
      </div>
      {opening.ready && (
        <RouteMap
          label="Map of segments"
          className="route-map explore-map"
          lines={lines}
          onLineTap={(id) => navigate(`/segments/${id}`)}
          onViewChange={onView}
          {...(opening.view ? { initialView: opening.view } : {})}
        />
      )}
      {items.length > 0 && <SegmentList segments={items} units={units} label="Segments in view" />}
    </main>
  );
}
