/**
 * What browser tests share to set the scene through the API and to log in through the form:
 * athletes signed up with one password, calls with or without an athlete's token.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const PASSWORD = 'correct horse battery';

export interface Athlete {
  handle: string;
  token: string;
}

/**
 * API calls against the test server at `baseUrl()` (read at each call: the server starts in a
 * suite's beforeAll). A body that is not FormData is sent as JSON.
 */
export function testApi(baseUrl: () => string) {
  async function call(
    who: Athlete | string | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Response> {
    const token = typeof who === 'string' ? who : who?.token;
    const json = body !== undefined && !(body instanceof FormData);
    return fetch(`${baseUrl()}/api/v1${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(json ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: json ? JSON.stringify(body) : (body as FormData) } : {}),
    });
  }

  async function signUp(handle: string, name: string): Promise<Athlete> {
    const res = await call(null, 'POST', '/auth/signup', {
      handle,
      email: `${handle}@example.test`,
      password: PASSWORD,
      display_name: name,
    });
    expect(res.status).toBe(201);
    return { handle, token: ((await res.json()) as { access_token: string }).access_token };
  }

  return { call, signUp };
}

/** Logs in through the form with the tests' password (the feed shows once the athlete is in). */
export async function logIn(page: Page, baseUrl: string, handle: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email or handle').fill(handle);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** The notification bell's badge text on `page`, or null while there is none. */
export const notificationBadge = (page: Page): Promise<string | null> =>
  page
    .getByTestId('notification-badge')
    .textContent({ timeout: 200 })
    .catch(() => null);
