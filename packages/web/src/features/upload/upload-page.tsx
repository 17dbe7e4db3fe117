import { type DragEvent, useCallback, useId, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useClientConfig } from '../../api/client-config.js';
import { uploadFile } from '../../api/upload-file.js';
import { formatBytes } from '../../lib/format.js';
import { type UploadEntry, UploadItem } from './upload-item.js';

const ACCEPT =
  '.gpx,.tcx,.fit,.gz,.zip,application/gpx+xml,application/vnd.garmin.tcx+xml,application/zip';

/**
 * Upload GPX, TCX or FIT files (or .gz), or a ZIP of them such as a Strava export: drop several
 * or pick them; each shows its progress.
 */
export function UploadPage() {
  const [entries, setEntries] = useState<UploadEntry[]>([]);
  const [over, setOver] = useState(false);
  const { config } = useClientConfig();
  const hint = useId();

  const update = useCallback((key: string, change: Partial<UploadEntry>) => {
    setEntries((list) => list.map((e) => (e.key === key ? { ...e, ...change } : e)));
  }, []);

  const add = (files: FileList | File[]) => {
    const fresh = [...files].map((file) => ({
      key: `${file.name}-${file.size}-${file.lastModified}-${Math.random().toString(36).slice(2)}`,
      file,
      progress: 0,
    }));
    setEntries((list) => [...fresh, ...list]);
    for (const e of fresh) {
      if (e.file.size > config.max_upload_bytes) {
        update(e.key, {
          error: `Too large: files up to ${formatBytes(config.max_upload_bytes)} are accepted.`,
        });
        continue;
      }
      const handle = uploadFile(e.file, (progress) => update(e.key, { progress }));
      handle.done.then(
        (upload) => update(e.key, { upload, progress: 1 }),
        (error: unknown) =>
          update(e.key, {
            error:
              error instanceof ApiError || error instanceof Error
                ? error.message
                : 'Upload failed.',
          }),
      );
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) add(e.dataTransfer.files);
  };

  return (
    <main className="page">
      <h1>Upload activities</h1>
      <section
        aria-label="Drop files to upload"
        className={over ? 'dropzone over' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p className="drop-title">Drop files here</p>
        <p id={hint} className="muted">
          GPX, TCX or FIT from your watch, bike computer or app, also gzip-compressed. Several at
          once, or a ZIP of them: your Strava archive imports whole, with names and sports.
        </p>
        <label className="button file-button">
          Choose files
          <input
            type="file"
            multiple
            accept={ACCEPT}
            aria-describedby={hint}
            onChange={(e) => {
              if (e.currentTarget.files?.length) add(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </section>
      {entries.length > 0 && (
        <ul className="upload-list" aria-label="Uploads">
          {entries.map((e) => (
            <UploadItem key={e.key} entry={e} />
          ))}
        </ul>
      )}
    </main>
  );
}
