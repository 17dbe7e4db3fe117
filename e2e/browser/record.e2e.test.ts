/**
 * Recording a run in a real browser, online: the numbers on the record screen are the numbers
 * the server saves, and the server holds every point. Time runs on Playwright's clock, so a
 * 3 km run with a 2-minute pause takes seconds.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, startTestServer, type TestServer } from './harness.js';
import {
  type Athlete,
  gpsError,
  LYON,
  openRecordScreen,
  runFixes,
  runRoute,
  serverActivities,
  signUp,
  snapshot,
  standStill,
  statValue,
  untilShown,
} from './recording-helpers.js';

describe.runIf(hasChromium)('record screen (online)', () => {
  let server: TestServer;
  let browser: Browser;
  let athlete: Athlete;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    athlete = await signUp(server.url, 'runner_one');
    context = await browser.newContext();
    page = await openRecordScreen(context, server.url, athlete, '2026-05-02T06:30:00Z');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('saves a 3 km run with a 2-minute pause with every point and the numbers the screen showed', {
    timeout: 60_000,
  }, async () => {
    await untilShown(page, '[data-phase=idle]');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // Start and the first Pause from the keyboard: the controls are plain buttons.
    await page.getByRole('button', { name: 'Start' }).press('Enter');
    await page.waitForSelector('[data-phase=running]');

    const first = runRoute(LYON, 450);
    await runFixes(page, first, 450);
    await expect
      .poll(() => page.getAttribute('[data-testid=gps-status]', 'data-status'))
      .toBe('ready');

    // A tunnel: the GPS reports no fix, then a timeout; the watch goes on and so does the run.
    await gpsError(page, 2);
    await gpsError(page, 3);
    await expect
      .poll(() => page.getAttribute('[data-testid=gps-status]', 'data-status'))
      .toBe('weak');
    await snapshot(page, 'record-running-360');
    // A second tab does not record the same run twice: it says where the recording is.
    const otherTab = await context.newPage();
    await otherTab.goto(`${server.url}/record`);
    await untilShown(otherTab, '[data-phase=elsewhere]');
    await otherTab.close();

    await page.getByRole('button', { name: 'Pause' }).press(' ');
    await page.waitForSelector('[data-phase=paused]');
    const beforePause = await statValue(page, 'distance');
    // Two minutes standing at a crossing: fixes keep coming, none is recorded while paused.
    await runFixes(page, standStill(first.at(-1)!, 120), 450);
    expect(await statValue(page, 'distance')).toBe(beforePause);
    await snapshot(page, 'record-paused-360');

    await page.getByRole('button', { name: 'Resume' }).click();
    await page.waitForSelector('[data-phase=running]');
    const second = runRoute(first.at(-1)!, 450);
    await runFixes(page, second, 900);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.waitForSelector('[data-phase=finished]');

    const shown = {
      distance: await statValue(page, 'distance'),
      moving: await statValue(page, 'moving-time'),
      elapsed: await statValue(page, 'elapsed-time'),
      gain: await statValue(page, 'elevation-gain'),
    };
    expect(shown.distance).toBeGreaterThan(2900);
    expect(shown.distance).toBeLessThan(3200);
    const shownDistance = await page.textContent('[data-testid=distance] .rec-value');
    await snapshot(page, 'record-finished-360');

    await page.getByLabel('Name').fill('Block laps');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForSelector('[data-phase=idle]');
    await page.waitForSelector('[data-testid=outbox]', { state: 'detached', timeout: 20_000 });

    const saved = await serverActivities(server.url, athlete);
    expect(saved).toHaveLength(1);
    const a = saved[0]!;
    expect(a.name).toBe('Block laps');
    expect(a.state).toBe('complete');
    expect(a.times).toHaveLength(900);
    expect(a.latlng).toBe(900);
    expect(a.distance).toBe(shown.distance);
    expect(a.moving_time).toBe(shown.moving);
    expect(a.elapsed_time).toBe(shown.elapsed);
    expect((a.distance / 1000).toFixed(2)).toBe(shownDistance);
    // Elapsed counts the pause, moving time does not.
    expect(a.elapsed_time).toBeGreaterThanOrEqual(900 + 120);
    expect(a.moving_time).toBeLessThanOrEqual(900);
    // Elevation gain too: the phone and the server smooth GPS altitude the same way.
    expect(a.total_elevation_gain).toBe(shown.gain);
    expect(a.total_elevation_gain).toBeGreaterThan(0);
  });

  it('lays the map beside the numbers on a desktop screen', async () => {
    const wide = await browser.newContext();
    const p = await openRecordScreen(wide, server.url, athlete, '2026-05-02T12:00:00Z');
    await p.setViewportSize({ width: 1280, height: 800 });
    await untilShown(p, '[data-phase=idle]');
    await p.getByRole('button', { name: 'Ride', exact: true }).click();
    await p.getByRole('button', { name: 'Start' }).click();
    await untilShown(p, '[data-phase=running]');
    await runFixes(p, runRoute(LYON, 240, 7), 240);
    await snapshot(p, 'record-running-desktop');
    const map = (await p.getByTestId('route-map').boundingBox())!;
    const stats = (await p.getByLabel('Live statistics').boundingBox())!;
    expect(stats.x).toBeGreaterThan(map.x + map.width - 1);
    expect(stats.y).toBeLessThan(map.y + map.height);
    // A ride reads speed, not pace.
    expect(await p.getByTestId('speed').textContent()).toMatch(/km\/h/);
    await wide.close();
  }, 120_000);

  it('tells the athlete clearly when location is refused', async () => {
    const denied = await browser.newContext();
    const p = await openRecordScreen(denied, server.url, athlete, '2026-05-02T09:00:00Z');
    await untilShown(p, '[data-phase=idle]');
    await gpsError(p, 1);
    await expect
      .poll(() => p.getAttribute('[data-testid=gps-status]', 'data-status'))
      .toBe('denied');
    await expect.poll(() => p.getByRole('alert').textContent()).toContain('Allow location');
    expect(await p.getByRole('button', { name: 'Start' }).isDisabled()).toBe(true);
    await denied.close();
  });
});
