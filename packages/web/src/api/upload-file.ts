/**
 * POST /api/v1/uploads with XMLHttpRequest, because fetch cannot report upload progress. Sends
 * the bearer token; on a 401 refreshes it once and sends again, like the JSON client.
 */
import type { Upload } from '@stride/client';
import { getTokens, refresh, toApiError } from './client.js';

export interface UploadHandle {
  done: Promise<Upload>;
  abort(): void;
}

function send(file: File, onProgress: (fraction: number) => void, xhr: XMLHttpRequest) {
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    xhr.open('POST', '/api/v1/uploads');
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

export function uploadFile(file: File, onProgress: (fraction: number) => void): UploadHandle {
  let xhr = new XMLHttpRequest();
  const done = (async () => {
    let res = await send(file, onProgress, xhr);
    if (res.status === 401 && (await refresh())) {
      xhr = new XMLHttpRequest();
      onProgress(0);
      res = await send(file, onProgress, xhr);
    }
    if (res.status !== 202) throw toApiError(res.status, res.body);
    onProgress(1);
    return res.body as Upload;
  })();
  return { done, abort: () => xhr.abort() };
}
