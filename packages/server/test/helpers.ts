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
