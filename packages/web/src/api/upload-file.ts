/**
 * Forms with files sent with XMLHttpRequest, because fetch cannot report upload progress: an
 * activity file (POST /api/v1/uploads) or a photo (POST /api/v1/activities/:id/photos). Sends
 * the bearer token; on a 401 refreshes it once and sends again, like the JSON client.
 */
import type { Photo, Upload } from '@stride/client';
import { getTokens, refresh, toApiError } from './client.js';

export interface UploadHandle<T> {
  done: Promise<T>;
  abort(): void;
}

function send(
  url: string,
  file: File,
  onProgress: (fraction: number) => void,
  xhr: XMLHttpRequest,
) {
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    xhr.open('POST', url);
    const tokens = getTokens();
    if (tokens) xhr.setRequestHeader('authorization', `Bearer ${tokens.access_token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error('No connection: the file was not sent.'));
    xhr.onabort = () => reject(new DOMException('cancelled', 'AbortError'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Sends `file` as the form's `file` part to `url`; resolves with the body of an `ok` answer. */
function sendFile<T>(
  url: string,
  ok: number,
  file: File,
  onProgress: (fraction: number) => void,
): UploadHandle<T> {
  let xhr = new XMLHttpRequest();
  const done = (async () => {
    let res = await send(url, file, onProgress, xhr);
    if (res.status === 401 && (await refresh())) {
      xhr = new XMLHttpRequest();
      onProgress(0);
      res = await send(url, file, onProgress, xhr);
    }
    if (res.status !== ok) throw toApiError(res.status, res.body);
    onProgress(1);
    return res.body as T;
  })();
  return { done, abort: () => xhr.abort() };
}

export function uploadFile(
  file: File,
  onProgress: (fraction: number) => void,
): UploadHandle<Upload> {
  return sendFile('/api/v1/uploads', 202, file, onProgress);
}

/** Adds one photo to the activity: one request each, so each has its own progress and outcome. */
export function uploadPhoto(
  activityId: string,
  file: File,
  onProgress: (fraction: number) => void,
): UploadHandle<Photo> {
  const handle = sendFile<{ items: Photo[] }>(
    `/api/v1/activities/${encodeURIComponent(activityId)}/photos`,
    201,
    file,
    onProgress,
  );
  return { done: handle.done.then((body) => body.items[0]!), abort: handle.abort };
}
