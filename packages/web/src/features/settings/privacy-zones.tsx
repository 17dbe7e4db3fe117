import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client.js';
import { type MapZone, RouteMap, type RouteMapHandle } from '../../components/map/index.js';
import { Section } from '../../components/section.js';
import { useActivityList } from '../feed/use-activity-list.js';

const KEY = ['privacy-zones'];
const MIN_RADIUS = 200;
const MAX_RADIUS = 1600;

/**
 * Privacy zones drawn on a map: tap (or pan with the keyboard and use the map's centre) to
 * place a centre, choose a radius, save. The latest activity is drawn for orientation.
 */
export function PrivacyZones() {
  const client = useQueryClient();
  const map = useRef<RouteMapHandle>(null);
  const zones = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/privacy-zones', { signal })),
  });
  const latest = useActivityList('USER');
  const context = latest.data?.pages[0]?.items.find((a) => a.map.summary_polyline)?.map
    .summary_polyline;
  const [draft, setDraft] = useState<{ lat: number; lng: number } | null>(null);
  const [radius, setRadius] = useState(400);
  const [locating, setLocating] = useState<'idle' | 'busy' | string>('idle');

  /** Centres the map on where the device says it is; says why when it cannot. */
  const centreOnMe = () => {
    if (!('geolocation' in navigator)) {
      setLocating('This browser cannot tell your location: tap the map or pan to the place.');
      return;
    }
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating('idle');
        map.current?.centerOn(p.coords.latitude, p.coords.longitude);
      },
      (e) =>
        setLocating(
          e.code === e.PERMISSION_DENIED
            ? 'Location access was refused: allow it in your browser’s site settings, or tap the map or pan to the place.'
            : 'Your location is unavailable right now: tap the map or pan to the place.',
        ),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const create = useMutation({
    mutationFn: (z: { lat: number; lng: number; radius: number }) =>
      unwrap(api.POST('/api/v1/me/privacy-zones', { body: z })),
    onSuccess: () => {
      setDraft(null);
      void client.invalidateQueries({ queryKey: KEY });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/me/privacy-zones/{id}', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });

  const shown = useMemo<MapZone[]>(
    () => [
      ...(zones.data ?? []).map((z) => ({ lat: z.lat, lng: z.lng, radius: z.radius })),
      ...(draft ? [{ ...draft, radius, draft: true }] : []),
    ],
    [zones.data, draft, radius],
  );

  return (
    <Section id="zones-title" title="Privacy zones" className="card section stack">
      <p className="muted">
        Others never see your activities inside a zone — put one around your home or work. Tap the
        map to place its centre.
      </p>
      <RouteMap
        ref={map}
        route={context}
        markers={false}
        zones={shown}
        onPick={(lat, lng) => setDraft({ lat, lng })}
        label="Privacy zone map: tap to place a zone's centre"
        className="route-map zones-map"
      />
      <div className="row wrap">
        <button type="button" className="ghost" disabled={locating === 'busy'} onClick={centreOnMe}>
          {locating === 'busy' ? 'Finding you…' : 'Centre on my location'}
        </button>
        <button
          type="button"
          className="ghost"
          onClick={() => {
            const c = map.current?.center();
            if (c) setDraft(c);
          }}
        >
          Place at map centre
        </button>
        <label className="inline grow">
          Radius {radius.toLocaleString()} m
          <input
            type="range"
            min={MIN_RADIUS}
            max={MAX_RADIUS}
            step={100}
            value={radius}
            onChange={(e) => setRadius(Number(e.currentTarget.value))}
          />
        </label>
      </div>
      {locating !== 'idle' && locating !== 'busy' && (
        <p role="status" className="muted">
          {locating}
        </p>
      )}
      {draft && (
        <div className="row">
          <button
            type="button"
            disabled={create.isPending}
            onClick={() => create.mutate({ ...draft, radius })}
          >
            Save zone
          </button>
          <button type="button" className="ghost" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </div>
      )}
      {(create.isError || remove.isError) && (
        <p role="alert" className="error">
          {errorMessage(create.error ?? remove.error)}
        </p>
      )}
      {zones.data && zones.data.length > 0 ? (
        <ul className="zone-list" aria-label="Your privacy zones">
          {zones.data.map((z, i) => (
            <li key={z.id}>
              <span>
                Zone {i + 1}: {z.radius.toLocaleString()} m around {z.lat.toFixed(4)},{' '}
                {z.lng.toFixed(4)}
              </span>
              <button
                type="button"
                className="ghost small danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate(z.id)}
                aria-label={`Delete zone ${i + 1}`}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : (
        zones.isSuccess && <p className="muted">No zones yet.</p>
      )}
    </Section>
  );
}
