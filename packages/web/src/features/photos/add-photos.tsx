import { useCallback, useId, useRef, useState } from 'react';
import { uploadPhoto } from '../../api/upload-file.js';
import { formatBytes } from '../../lib/format.js';
import { useRefreshPhotos } from './use-photos.js';

/** What the server accepts (docs/social.md, "Photos"). */
const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,image/heic,image/heif,.heic,.heif';
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;
export const MAX_PHOTOS = 20;

interface PhotoUpload {
  key: string;
  file: File;
  /** 0…1 of the bytes sent. */
  progress: number;
  error?: string;
}

/**
 * "Add photos": each chosen file is sent on its own, one after another in the order chosen, with
 * its own progress bar; a photo added leaves the list for the gallery, a refused one stays with
 * the server's reason.
 */
export function AddPhotos({ activityId, count }: { activityId: string; count: number }) {
  const [uploads, setUploads] = useState<PhotoUpload[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const refresh = useRefreshPhotos(activityId);
  const hint = useId();

  const update = useCallback((key: string, change: Partial<PhotoUpload> | null) => {
    setUploads((list) =>
      change === null
        ? list.filter((u) => u.key !== key)
        : list.map((u) => (u.key === key ? { ...u, ...change } : u)),
    );
  }, []);

  const add = (files: FileList) => {
    const fresh = [...files].map((file) => ({
      key: `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}`,
      file,
      progress: 0,
    }));
    setUploads((list) => [...list, ...fresh]);
    for (const u of fresh) {
      if (u.file.size > MAX_PHOTO_BYTES) {
        update(u.key, { error: `Too large: photos up to ${formatBytes(MAX_PHOTO_BYTES)}.` });
        continue;
      }
      queue.current = queue.current.then(async () => {
        try {
          await uploadPhoto(activityId, u.file, (progress) => update(u.key, { progress })).done;
          await refresh();
          update(u.key, null);
        } catch (error) {
          update(u.key, { error: error instanceof Error ? error.message : 'Not sent.' });
        }
      });
    }
  };

  return (
    <div className="add-photos">
      <label className="button ghost small file-button">
        Add photos
        <input
          type="file"
          multiple
          accept={ACCEPT}
          aria-describedby={hint}
          disabled={count >= MAX_PHOTOS}
          onChange={(e) => {
            if (e.currentTarget.files?.length) add(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </label>
      <p id={hint} className="visually-hidden">
        JPEG, PNG, WebP or HEIC, up to 20 MB each; {MAX_PHOTOS - count} more can be added. Where a
        photo was taken is removed from it.
      </p>
      {uploads.length > 0 && (
        <ul className="upload-list photo-uploads" aria-label="Photos being added">
          {uploads.map((u) => (
            <li key={u.key} className="upload-item" data-status={u.error ? 'error' : 'sending'}>
              <div className="upload-row">
                <span className="file-name">{u.file.name}</span>
                <span className="muted">{formatBytes(u.file.size)}</span>
              </div>
              {u.error ? (
                <div className="row">
                  <p role="alert" className="error">
                    {u.error}
                  </p>
                  <button
                    type="button"
                    className="ghost small"
                    onClick={() => update(u.key, null)}
                    aria-label={`Dismiss ${u.file.name}`}
                  >
                    OK
                  </button>
                </div>
              ) : (
                <progress max={1} value={u.progress} aria-label={`Sending ${u.file.name}`} />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
