import type { FastifyInstance } from 'fastify';

export interface SignedIn {
  id: string;
  handle: string;
  token: string;
  headers: { authorization: string };
}

/** Signs up an athlete through the API and returns their id and bearer headers. */
export async function signUp(
  app: FastifyInstance,
  handle: string,
  extra: Record<string, unknown> = {},
): Promise<SignedIn> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/signup',
    payload: { handle, email: `${handle}@example.com`, password: 'password123', ...extra },
  });
  if (res.statusCode !== 201)
    throw new Error(`signup ${handle} failed: ${res.statusCode} ${res.body}`);
  const body = res.json();
  return {
    id: body.athlete.id,
    handle,
    token: body.access_token,
    headers: { authorization: `Bearer ${body.access_token}` },
  };
}

/** A multipart/form-data body with one file part and text fields, for app.inject. */
export function multipart(
  file: { name: string; bytes: Uint8Array; contentType?: string } | null,
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----stride${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/**
 * Saves a whole run recorded on the phone (START at the first point, STOP a second after the
 * last) through `PUT /activities/:id/recording`; throws unless it was stored complete.
 */
export async function saveRun(
  app: FastifyInstance,
  owner: SignedIn,
  id: string,
  points: ReadonlyArray<{ t: number; lat: number; lng: number; alt?: number; hr?: number }>,
): Promise<void> {
  const res = await app.inject({
    method: 'PUT',
    url: `/api/v1/activities/${id}/recording`,
    headers: owner.headers,
    payload: {
      sport_type: 'Run',
      events: [
        { kind: 'START', at: new Date(points[0]!.t * 1000).toISOString() },
        { kind: 'STOP', at: new Date((points.at(-1)!.t + 1) * 1000).toISOString() },
      ],
      points,
    },
  });
  if (res.statusCode !== 200) throw new Error(`saving ${id} failed: ${res.statusCode} ${res.body}`);
}
