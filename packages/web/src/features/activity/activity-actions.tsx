import type { ActivityUpdate, Visibility } from '@stride/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import { api, errorMessage, saveDownload, unwrap } from '../../api/client.js';
import { ConfirmDelete } from '../../components/confirm-delete.js';
import { VisibilitySelect } from '../../components/visibility-select.js';
import { SPORT_CHOICES, sportName } from '../../lib/format.js';
import { ACTIVITY_LISTS } from '../feed/use-activity-list.js';
import {
  type ActivityDetail,
  activityDetail,
  activityKey,
  legsKey,
  streamsKey,
} from './use-activity.js';

/** GPX, TCX and FIT downloads (fetched with the token, then saved). */
export function ExportButtons({ a }: { a: ActivityDetail }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const save = async (format: 'gpx' | 'tcx' | 'fit') => {
    setBusy(format);
    setError(null);
    try {
      await saveDownload(
        api.GET('/api/v1/activities/{id}/export.{format}', {
          params: { path: { id: a.id, format } },
          parseAs: 'blob',
        }),
        `activity.${format}`,
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="export">
      <span className="muted">Export</span>
      {(['gpx', 'tcx', 'fit'] as const).map((f) => (
        <button
          key={f}
          type="button"
          className="ghost small"
          disabled={busy !== null}
          onClick={() => void save(f)}
        >
          {busy === f ? '…' : f.toUpperCase()}
        </button>
      ))}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The sports an activity can be set to: every one the API knows, and the activity's own when it
 * is another (a client may have sent any name), so saving never changes it unasked.
 */
function sportOptions(current: string) {
  return SPORT_CHOICES.some((c) => c.value === current)
    ? SPORT_CHOICES
    : [{ value: current, label: sportName(current) }, ...SPORT_CHOICES];
}

/** The owner's edit form: name, description, sport, visibility. */
export function EditActivity({ a, onDone }: { a: ActivityDetail; onDone: () => void }) {
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: async (body: ActivityUpdate) =>
      activityDetail(
        await unwrap(
          api.PATCH('/api/v1/activities/{id}', { params: { path: { id: a.id } }, body }),
        ),
      ),
    onSuccess: (updated, body) => {
      client.setQueryData(activityKey(a.id), updated);
      // Another sport is another reading of the same file: moving time, speed and the streams
      // derived from them are computed again, so what the page drew is redrawn.
      if (body.sport_type) {
        void client.invalidateQueries({ queryKey: streamsKey(a.id) });
        void client.invalidateQueries({ queryKey: legsKey(a.id) });
      }
      void client.invalidateQueries({ queryKey: ACTIVITY_LISTS });
      onDone();
    },
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const description = String(f.get('description') ?? '').trim();
    const sport = String(f.get('sport_type'));
    save.mutate({
      name: String(f.get('name')).trim(),
      description: description || null,
      visibility: f.get('visibility') as Visibility,
      // Sent only when changed: a new sport makes the server compute the activity again.
      ...(sport !== a.sport_type ? { sport_type: sport } : {}),
    });
  };
  return (
    <form className="card section stack" onSubmit={submit} aria-label="Edit activity">
      <label>
        Title
        <input name="name" defaultValue={a.name} required maxLength={200} />
      </label>
      <label>
        Description
        <textarea
          name="description"
          defaultValue={a.description ?? ''}
          rows={3}
          maxLength={10000}
        />
      </label>
      <label>
        Sport
        <select name="sport_type" defaultValue={a.sport_type}>
          {sportOptions(a.sport_type).map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <VisibilitySelect label="Who can see it" name="visibility" value={a.visibility} />
      {save.isError && (
        <p role="alert" className="error">
          {errorMessage(save.error)}
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={save.isPending}>
          Save
        </button>
        <button type="button" className="ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Delete, behind a confirmation dialog. */
export function DeleteActivity({ a }: { a: ActivityDetail }) {
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const remove = useMutation({
    mutationFn: () =>
      unwrap(api.DELETE('/api/v1/activities/{id}', { params: { path: { id: a.id } } })),
    onSuccess: () => {
      client.removeQueries({ queryKey: activityKey(a.id) });
      void client.invalidateQueries({ queryKey: ACTIVITY_LISTS });
      navigate('/?tab=you');
    },
  });
  return (
    <ConfirmDelete
      title="Delete this activity?"
      busy={remove.isPending}
      error={remove.isError ? errorMessage(remove.error) : null}
      onConfirm={() => remove.mutate()}
    >
      <p>“{a.name}” and its streams and files are removed for good.</p>
    </ConfirmDelete>
  );
}
