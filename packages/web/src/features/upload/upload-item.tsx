import type { Upload } from '@stride/client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'wouter';
import { api, unwrap } from '../../api/client.js';
import { formatBytes } from '../../lib/format.js';
import { ACTIVITY_LISTS } from '../feed/use-activity-list.js';
import { archiveProgress, inProgress } from './archive-progress.js';

export interface UploadEntry {
  key: string;
  file: File;
  /** 0…1 of the bytes sent. */
  progress: number;
  /** The server's upload once the file is accepted. */
  upload?: Upload;
  /** Why the file was not accepted (or could not be sent). */
  error?: string;
}

const POLL_MS = 1000;

/** Polls GET /uploads/:id until the server has processed the file (an archive: all its files). */
function useUploadStatus(initial: Upload | undefined) {
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ['upload', initial?.id],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/uploads/{id}', { params: { path: { id: initial!.id } }, signal })),
    enabled: !!initial,
    initialData: initial,
    refetchInterval: (query) => (inProgress(query.state.data) ? POLL_MS : false),
    // The first answer is already old news: poll at once.
    initialDataUpdatedAt: 0,
  });
  const status = q.data?.status;
  // An archive's activities arrive one by one: refresh the lists as its count grows.
  const imported = q.data?.counts?.ready ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `imported` re-runs it as the count grows
  useEffect(() => {
    if (status === 'ready') void client.invalidateQueries({ queryKey: ACTIVITY_LISTS });
  }, [status, imported, client]);
  return q.data;
}

const LABEL: Record<Upload['status'], string> = {
  queued: 'Waiting to be processed…',
  processing: 'Processing…',
  ready: 'Ready',
  duplicate: 'Already uploaded',
  error: 'Could not be imported',
};

const ARCHIVE_LABEL: Partial<Record<Upload['status'], string>> = {
  queued: 'Waiting to be opened…',
  processing: 'Reading the archive…',
  error: 'Could not be read',
};

/** Every activity the file made, in its order; older answers name only the first. */
const activityIds = (u: Upload): string[] =>
  u.activity_ids?.length ? u.activity_ids : u.activity_id ? [u.activity_id] : [];

/**
 * A link to the activity a file made, or, when it made several (a multisport file: one per
 * leg), a link to each, numbered in the file's order.
 */
function ActivityLinks({ ids, one, many }: { ids: string[]; one: string; many: string }) {
  if (!ids.length) return null;
  if (ids.length === 1)
    return (
      <>
        {' · '}
        <Link href={`/activities/${ids[0]}`}>{one}</Link>
      </>
    );
  return (
    <>
      {' · '}
      {many}:{' '}
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && ', '}
          <Link href={`/activities/${id}`} aria-label={`Activity ${i + 1} of ${ids.length}`}>
            {i + 1}
          </Link>
        </span>
      ))}
    </>
  );
}

/**
 * One file: name, size, a progress bar while sending, then the processing outcome. An archive
 * shows how many of its activities are imported so far.
 */
export function UploadItem({ entry }: { entry: UploadEntry }) {
  const upload = useUploadStatus(entry.upload);
  const sending = !entry.upload && !entry.error;
  const state = entry.error ? 'error' : (upload?.status ?? 'sending');
  return (
    <li className={`card upload-item status-${state}`} data-status={state}>
      <div className="upload-row">
        <span className="file-name">{entry.file.name}</span>
        <span className="muted">{formatBytes(entry.file.size)}</span>
      </div>
      {sending && (
        <>
          <progress max={1} value={entry.progress} aria-label={`Sending ${entry.file.name}`} />
          <p className="muted small">Sending… {Math.round(entry.progress * 100)} %</p>
        </>
      )}
      <div aria-live="polite">
        {entry.error && (
          <p role="alert" className="error">
            {entry.error}
          </p>
        )}
        {upload?.kind === 'archive' && (
          <p className={`upload-status ${upload.status}`}>
            {upload.status === 'ready' && upload.counts
              ? archiveProgress(upload.counts)
              : ARCHIVE_LABEL[upload.status]}
            {upload.status === 'error' && upload.error && (
              <span className="error">: {upload.error}</span>
            )}
          </p>
        )}
        {upload && upload.kind !== 'archive' && (
          <p className={`upload-status ${upload.status}`}>
            {LABEL[upload.status]}
            {upload.status === 'ready' && (
              <ActivityLinks
                ids={activityIds(upload)}
                one="View activity"
                many={`${activityIds(upload).length} activities`}
              />
            )}
            {upload.status === 'duplicate' && (
              <ActivityLinks
                ids={activityIds(upload)}
                one="See the existing one"
                many="the existing ones"
              />
            )}
            {upload.status === 'error' && upload.error && (
              <span className="error">: {upload.error}</span>
            )}
          </p>
        )}
      </div>
    </li>
  );
}
