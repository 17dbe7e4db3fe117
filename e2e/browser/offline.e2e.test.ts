/**
 * Recording with no connection, and surviving the page or the browser dying: the athlete
 * loses no point, and the activity reaches the server exactly once when it can.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, startTestServer, type TestServer } from './harness.js';
import {
  type Fix,
  LYON,
  launchOwnChromium,
  openRecordScreen,
  playFixes,
  runFixes,
  runRoute,
  serverActivities,
  signUp,
  snapshot,
  statValue,
  untilShown,
  waitForGpsWatch,
  waitForPoints,
  waitForServiceWorker,
} from './recording-helpers.js';

/** Pause, Finish, name it, Save. */
async function finishAndSave(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Finish' }).click();
  await page.waitForSelector('[data-phase=finished]');
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForSelector('[data-phase=idle]');
}

function expectStrictlyIncreasing(times: number[]): void {
  for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThan(times[i - 1]!);
}

describe.runIf(hasChromium)('recording offline', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('uploads a run saved offline, after two reloads, once and with every point', {
    timeout: 60_000,
  }, async () => {
    const athlete = await signUp(server.url, 'offline_runner');
    const context = await browser.newContext();
    const page = await openRecordScreen(context, server.url, athlete, '2026-05-03T17:00:00Z');
    await untilShown(page, '[data-phase=idle]');
    // The first visit installed the service worker; it now controls the page.
    await waitForServiceWorker(page);

    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForSelector('[data-phase=running]');
    const route = runRoute(LYON, 600);
    const legs: Fix[][] = [
      route.slice(0, 200),
      route.slice(200, 350),
      route.slice(350, 500),
      route.slice(500),
    ];
    await runFixes(page, legs[0]!, 200);

    await context.setOffline(true);
    // Offline for the service worker too, so the reloads below are served from its cache.
    const [worker] = context.serviceWorkers();
    expect(
      await worker!.evaluate(() =>
        fetch('/health').then(
          () => 'reached',
          () => 'offline',
        ),
      ),
    ).toBe('offline');
    await runFixes(page, legs[1]!, 350);

    for (const [i, upTo] of [
      [2, 500],
      [3, 600],
    ] as const) {
      const before = await statValue(page, 'distance');
      const count = i === 2 ? 350 : 500;
      await page.reload();
      await untilShown(page, '[data-phase=running]');
      await waitForPoints(page, count);
      expect(await statValue(page, 'distance')).toBe(before);
      await runFixes(page, legs[i]!, upTo);
    }

    await finishAndSave(page, 'Offline run');
    const shown = await page.evaluate(
      () => document.querySelector('[data-testid=outbox] h2')?.textContent,
    );
    expect(shown).toBe('1 activity waiting to upload');
    expect(await page.getAttribute('[data-testid=sync-badge]', 'data-count')).toBe('1');
    await snapshot(page, 'record-offline-waiting-360');
    // A minute more offline: the worker keeps it and the server has nothing.
    await page.clock.runFor(60_000);
    expect(await serverActivities(server.url, athlete)).toHaveLength(0);
    expect(await page.getAttribute('[data-testid=sync-badge]', 'data-count')).toBe('1');

    await context.setOffline(false);
    await page.waitForSelector('[data-testid=outbox]', { state: 'detached', timeout: 20_000 });
    // A reload after the upload sends nothing again.
    await page.reload();
    await untilShown(page, '[data-phase=idle]');
    await page.clock.runFor(60_000);

    const saved = await serverActivities(server.url, athlete);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toBe('Offline run');
    // The service worker cached the shell only, never an API answer.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
      return urls;
    });
    expect(cached).toContain('/');
    expect(cached.filter((u) => u.startsWith('/api/'))).toEqual([]);
    expect(saved[0]!.times).toHaveLength(600);
    expectStrictlyIncreasing(saved[0]!.times);
    await context.close();
  });

  it('resumes the same recording after the browser was killed', { timeout: 60_000 }, async () => {
    const athlete = await signUp(server.url, 'killed_browser');
    const profile = mkdtempSync(join(tmpdir(), 'stride-profile-'));
    const route = runRoute(LYON, 400);
    try {
      const open = async (at: string, path?: string) => {
        const chrome = await launchOwnChromium(profile);
        const context = chrome.browser.contexts()[0]!;
        return { chrome, page: await openRecordScreen(context, server.url, athlete, at, path) };
      };

      const first = await open('2026-05-04T07:00:00Z');
      await untilShown(first.page, '[data-phase=idle]');
      await first.page.getByRole('button', { name: 'Start' }).click();
      await first.page.waitForSelector('[data-phase=running]');
      await runFixes(first.page, route.slice(0, 300), 300);
      const distance = await statValue(first.page, 'distance');
      await first.chrome.kill();

      // Ten minutes later the athlete opens Stride again, on the feed. (Chromium writes local
      // storage to disk lazily, so a kill this soon after signing in may have lost the
      // session; the recording, in IndexedDB, is there either way. openRecordScreen signs in.)
      const second = await open('2026-05-04T07:16:00Z', '/');
      await untilShown(second.page, '[data-testid=recording-badge]');
      // The recording went on before the record screen was opened.
      await waitForGpsWatch(second.page);
      await playFixes(second.page, route.slice(300, 350));
      await second.page.getByTestId('recording-badge').click();
      await untilShown(second.page, '[data-phase=running]');
      await waitForPoints(second.page, 350);
      expect(await statValue(second.page, 'distance')).toBeGreaterThan(distance + 100);
      await runFixes(second.page, route.slice(350), 400);
      await finishAndSave(second.page, 'Survivor');
      await second.page.waitForSelector('[data-testid=outbox]', {
        state: 'detached',
        timeout: 20_000,
      });
      await second.chrome.kill();

      const saved = await serverActivities(server.url, athlete);
      expect(saved).toHaveLength(1);
      expect(saved[0]!.times).toHaveLength(400);
      expect(saved[0]!.elapsed_time).toBeGreaterThan(600);
    } finally {
      // A killed Chromium's helper processes may still be writing to the profile for a moment.
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  });
});
