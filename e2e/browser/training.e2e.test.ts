/**
 * Training in the web app, in Chromium, on the demo data (`--demo`: four athletes with three
 * weeks of runs and rides sent through the real upload path): the demo athlete's Training tab
 * draws the progress and fitness charts and the training log from the API's numbers; a goal set
 * in the form shows its progress, and when an upload reaches it the notification arrives on the
 * bell and lists on the notifications page. Screenshots at phone and desktop sizes go to
 * test-artifacts/screenshots. Throughout, the server's Content-Security-Policy must not block
 * anything the app does.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticActivity, toGpx } from '../../packages/server/src/demo/synthetic-activity.js';
import {
  hasChromium,
  launchBrowser,
  recordCspViolations,
  screenshotPath,
  startTestServer,
  type TestServer,
} from './harness.js';
import { notificationBadge, testApi } from './test-api.js';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const DEMO = { handle: 'camille', password: 'stride-demo' };
/** Activities the demo gives its first athlete: 21 days, every third one a rest day. */
const DEMO_ACTIVITIES = 14;

const today = () => new Date().toISOString().slice(0, 10);

/** Polls `read` until `done` holds of its answer; fails with the last answer at the deadline. */
async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 240_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > deadline)
      throw new Error(`gave up waiting: ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe.runIf(hasChromium)('web app in Chromium: training', () => {
  let server: TestServer;
  let browser: Browser;
  let token: string;
  const { call } = testApi(() => server.url);
  const get = async <T>(path: string): Promise<T> => {
    const res = await call(token, 'GET', path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  const calendarCount = async () =>
    (
      await get<{ days: Array<{ activities: unknown[] }> }>(
        `/athletes/camille/calendar?to=${today()}`,
      )
    ).days.reduce((n, d) => n + d.activities.length, 0);

  beforeAll(async () => {
    // The demo queues its uploads before the server listens: minutes on a busy machine.
    server = await startTestServer({}, ['--demo'], 300_000);
    browser = await launchBrowser();
    const login = await call(null, 'POST', '/auth/login', {
      login: DEMO.handle,
      password: DEMO.password,
    });
    expect(login.status).toBe(200);
    token = ((await login.json()) as { access_token: string }).access_token;
    // The demo's uploads are processed by the worker; then their training jobs run.
    await until(calendarCount, (n) => n === DEMO_ACTIVITIES);
    await until(
      () => get<{ days: Array<{ load: number }> }>(`/athletes/camille/fitness?to=${today()}`),
      (f) => f.days.filter((d) => d.load > 0).length >= 10,
    );
  }, 720_000);
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  async function signIn(page: Page) {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email or handle').fill(DEMO.handle);
    await page.getByLabel('Password').fill(DEMO.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('tab', { name: 'Following' }).waitFor();
  }

  it('shows the demo athlete’s progress, training log and fitness with the API’s values', async () => {
    const problems: string[] = [];
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await recordCspViolations(page, problems);
    await signIn(page);

    await page.goto(`${server.url}/athletes/camille`);
    await page.getByRole('link', { name: 'Training' }).first().click();
    await page.getByRole('heading', { name: 'Your training' }).waitFor();

    // Charts are drawn (uPlot canvases), with the numbers the API gives.
    for (const id of ['progress-chart', 'rolling-chart', 'fitness-chart'])
      await page.getByTestId(id).locator('canvas').first().waitFor();
    const fitness = await get<{ days: Array<{ fitness: number; fatigue: number; form: number }> }>(
      `/athletes/camille/fitness?to=${today()}`,
    );
    const last = fitness.days.at(-1)!;
    expect(last.fitness).toBeGreaterThan(0);
    const words = await page.locator('.fitness-today strong').textContent();
    expect(words).toContain(`Fitness ${Math.round(last.fitness)}`);
    expect(words).toContain(`fatigue ${Math.round(last.fatigue)}`);

    // The training log has a dot for each of the athlete's activities, each linking to it.
    const dots = page.getByTestId('training-calendar').locator('a.log-dot');
    await until(
      () => dots.count(),
      (n) => n === DEMO_ACTIVITIES,
      30_000,
    );
    expect(await dots.first().getAttribute('href')).toMatch(/^\/activities\/[0-9a-f-]{36}$/);

    // This week against last week, as the API counts them.
    const progress = await get<{ current: { count: number }; previous: { count: number } }>(
      `/athletes/camille/progress?to=${today()}`,
    );
    expect(progress.current.count + progress.previous.count).toBeGreaterThan(0);

    await page.screenshot({ path: screenshotPath('training-desktop'), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: screenshotPath('training-phone'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('sets a goal in the form, shows its progress, and notifies when an upload reaches it', async () => {
    const problems: string[] = [];
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await recordCspViolations(page, problems);
    // What the demo announced (followers, records) is read: the bell starts empty.
    expect((await call(token, 'POST', '/notifications/read', { all: true })).status).toBeLessThan(
      300,
    );
    await signIn(page);
    await page.goto(`${server.url}/athletes/camille/training#goals-title`);

    // A weekly distance goal 2 km above what the week holds so far.
    const week = await get<{ current: { distance: number } }>(
      `/athletes/camille/progress?to=${today()}`,
    );
    const targetKm = Math.ceil(week.current.distance / 1000) + 2;
    const form = page.getByRole('form', { name: 'Add a goal' });
    await form.getByLabel('Sport').selectOption('all');
    await form.getByLabel('Period').selectOption('week');
    await form.getByLabel('Counting').selectOption('distance');
    await form.getByLabel(/Target/).fill(String(targetKm));
    await form.getByRole('button', { name: 'Add goal' }).click();
    const bar = page.getByTestId('goal-row').getByRole('progressbar');
    await bar.waitFor();
    const before = Number(await bar.getAttribute('aria-valuenow'));
    expect(before).toBeGreaterThanOrEqual(0);
    expect(before).toBeLessThan(100);
    expect(await notificationBadge(page)).toBe(null);

    // A 4 km run uploaded now reaches it.
    const start = Math.floor(Date.now() / 1000) - 3600;
    const gpx = toGpx(
      'Goal run',
      'Run',
      syntheticActivity({
        seed: 4242,
        sport: 'Run',
        startLat: 45.76,
        startLng: 4.83,
        startTime: start,
        distanceM: 4000,
      }),
    );
    const body = new FormData();
    body.append('file', new Blob([gpx], { type: 'application/gpx+xml' }), 'goal-run.gpx');
    const upload = await call(token, 'POST', '/uploads', body);
    expect(upload.status).toBe(202);

    // The bell counts it without a reload (the notification stream), and the list says it.
    await until(
      () => notificationBadge(page),
      (b) => b !== null,
      120_000,
    );
    await page.getByTestId('notification-bell').click();
    await page
      .getByText(/You reached your weekly distance goal with /)
      .first()
      .waitFor();
    await page.screenshot({ path: screenshotPath('training-goal-notification-phone') });

    await page.goto(`${server.url}/athletes/camille/training#goals-title`);
    const after = page.getByTestId('goal-row').getByRole('progressbar');
    await after.waitFor();
    expect(Number(await after.getAttribute('aria-valuenow'))).toBe(100);
    expect(await after.getAttribute('aria-valuetext')).toMatch(/reached/i);
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);
});
