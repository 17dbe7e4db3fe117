import type { Units } from '@stride/client';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo } from 'react';
import { useLocation } from 'wouter';
import { api, errorMessage, unwrap } from '../../api/client.js';
import { StreamCharts } from '../../components/charts/stream-charts.js';
import { Stat } from '../../components/stat.js';
import { formatDistance, formatElevation, formatGrade } from '../../lib/format.js';
import type { Streams } from '../../lib/streams.js';
import { indexAtDistance, type Range, stretchFigures } from '../../lib/stretch.js';
import type { ActivityDetail } from './use-activity.js';

/** One handle of the stretch: a slider over the samples, announced as a distance. */
function RangeField({
  label,
  max,
  value,
  text,
  onChange,
}: {
  label: string;
  max: number;
  value: number;
  text: string;
  onChange: (v: number) => void;
}) {
  const id = useId();
  return (
    <div className="range-field">
      <label htmlFor={id}>{label}</label>
      <output htmlFor={id} className="muted">
        {text}
      </output>
      <input
        id={id}
        type="range"
        min={0}
        max={max}
        value={value}
        aria-valuetext={text}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      />
    </div>
  );
}

/**
 * "Create segment" on the owner's activity: drag across the chart (with a mouse) or move the
 * start and end sliders (touch, and arrow keys: one sample a press, Page Up/Down in bigger
 * steps); the page's map and charts show the stretch meanwhile. The server measures it again
 * from the full-resolution track and says why when it refuses one (too short, standing still).
 */
export function CreateSegment({
  a,
  streams,
  units,
  range,
  onRange,
  onClose,
}: {
  a: ActivityDetail;
  streams: Streams;
  units: Units;
  range: Range;
  onRange: (r: Range) => void;
  onClose: () => void;
}) {
  const [, navigate] = useLocation();
  const distance = streams.distance?.data ?? [];
  const last = distance.length - 1;
  const figures = stretchFigures(distance, streams.altitude?.data, range.start, range.end);
  const stretch = useMemo(
    () => [distance[range.start] ?? 0, distance[range.end] ?? 0] as const,
    [distance, range.start, range.end],
  );
  const create = useMutation({
    mutationFn: (name: string) =>
      unwrap(
        api.POST('/api/v1/segments', {
          body: { activity_id: a.id, start_index: range.start, end_index: range.end, name },
        }),
      ),
    onSuccess: (s) => navigate(`/segments/${s.id}`),
  });

  const setStart = (v: number) => onRange({ start: Math.min(v, range.end - 1), end: range.end });
  const setEnd = (v: number) => onRange({ start: range.start, end: Math.max(v, range.start + 1) });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    create.mutate(String(new FormData(e.currentTarget).get('name')).trim());
  };

  return (
    <form
      className="card section stack create-segment"
      aria-labelledby="create-title"
      onSubmit={submit}
    >
      <h2 id="create-title">Create a segment</h2>
      <p className="muted small">
        Drag across the chart, or move the start and end sliders (arrow keys move them one point at
        a time).
      </p>
      <StreamCharts
        streams={streams}
        sport={a.sport_type}
        units={units}
        only={['altitude', 'pace', 'speed']}
        first
        highlight={stretch}
        onSelect={(from, to) => {
          const start = indexAtDistance(distance, from);
          const end = Math.max(start + 1, Math.min(last, indexAtDistance(distance, to) + 1));
          onRange({ start, end });
        }}
      />
      <div className="range-pair">
        <RangeField
          label="Start"
          max={last}
          value={range.start}
          text={formatDistance(distance[range.start], units)}
          onChange={setStart}
        />
        <RangeField
          label="End"
          max={last}
          value={range.end}
          text={formatDistance(distance[range.end], units)}
          onChange={setEnd}
        />
      </div>
      <dl className="stats-row preview" aria-live="polite">
        <Stat label="Distance" value={formatDistance(figures.distanceM, units)} />
        <Stat label="Avg grade" value={formatGrade(figures.gradePct)} />
        <Stat label="Rise" value={formatElevation(figures.riseM, units)} />
      </dl>
      <label>
        Segment name
        <input name="name" required maxLength={200} placeholder="e.g. Riverside sprint" />
      </label>
      {create.isError && (
        <p role="alert" className="error">
          {errorMessage(create.error)}
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create segment'}
        </button>
        <button type="button" className="ghost" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
