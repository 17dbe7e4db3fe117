/**
 * Maps without a reachable tile server: with the network cut to everything but the test
 * server, the default street map (OpenFreeMap) cannot load and the activity map falls back to
 * the built-in world map; with STRIDE_MAP_STYLE_URL=none it shows the world map from the start.
 * Either way the canvas shows land and water, not a blank box, and nothing breaks the page.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  hasChromium,
  launchBrowser,
  recordCspViolations,
  screenshotPath,
  startTestServer,
  type TestServer,
} from './harness.js';
import { type Athlete, logIn, testApi } from './test-api.js';

const RUN = resolve(fileURLToPath(new URL('../fixtures/forerunner-run-hr.tcx', import.meta.url)));
const PHONE = { width: 360, height: 740 };

/**
 * Counts the pixels of the world map's land (#f1efe6) and water (#a9cde3) on the activity
 * map's canvas, zoomed out around the route so that coasts are in view; read inside a render
 * event, while the drawing buffer still holds the frame.
 */
function landAndWater(page: Page): Promise<{ land: number; water: number }> {
  return page.evaluate(async () => {
    const el = document.querySelector('.activity-map') as HTMLElement & {
      maplibreMap: import('maplibre-gl').Map;
    };
    const map = el.maplibreMap;
    map.jumpTo({ zoom: 3 });
    await new Promise<void>((done) => {
      if (map.loaded()) done();
      else map.once('idle', () => done());
    });
    const canvas = map.getCanvas();
    const data = await new Promise<Uint8ClampedArray>((done) => {
      map.once('render', () => {
        const copy = document.createElement('canvas');
        copy.width = canvas.width;
        copy.height = canvas.height;
        const ctx = copy.getContext('2d')!;
        ctx.drawImage(canvas, 0, 0);
        done(ctx.getImageData(0, 0, copy.width, copy.height).data);
      });
      map.triggerRepaint();
    });
    const near = (i: number, [r, g, b]: number[]) =>
      Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 12;
    let land = 0;
    let water = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (near(i, [0xf1, 0xef, 0xe6])) land++;
      else if (near(i, [0xa9, 0xcd, 0xe3])) water++;
    }
    return { land, water };
  });
}

function suite(name: string, env: Record<string, string>, shot: string) {
  describe.runIf(hasChromium)(name, () => {
    let server: TestServer;
    let browser: Browser;
    let ana: Athlete;
    let runId: string;
    const { call, signUp } = testApi(() => server.url);

    beforeAll(async () => {
      server = await startTestServer(env);
      browser = await launchBrowser();
      ana = await signUp('ana', 'Ana Lima');
      const form = new FormData();
      form.append('file', new Blob([readFileSync(RUN)]), 'forerunner-run-hr.tcx');
      const accepted = await call(ana, 'POST', '/uploads', form);
      expect(accepted.status).toBe(202);
      const upload = (await accepted.json()) as { id: string };
      runId = await vi.waitFor(
        async () => {
          const u = (await (await call(ana, 'GET', `/uploads/${upload.id}`)).json()) as {
            status: string;
            activity_id: string | null;
          };
          if (u.status === 'error') throw new Error(`upload failed: ${JSON.stringify(u)}`);
          if (u.status !== 'ready' || !u.activity_id) throw new Error(`upload ${u.status}`);
          return u.activity_id;
        },
        { timeout: 60_000, interval: 200 },
      );
    });
    afterAll(async () => {
      await browser?.close();
      await server?.dispose();
    });

    const problems: string[] = [];
    afterEach(() => {
      expect(problems).toEqual([]);
    });

    it('shows the route on the world map, with land and water, and no errors', async () => {
      const context = await browser.newContext({ viewport: PHONE });
      // No internet: only the test server answers.
      const outside: string[] = [];
      await context.route('**/*', (r) => {
        const host = new URL(r.request().url()).hostname;
        if (host === '127.0.0.1') return r.continue();
        outside.push(host);
        return r.abort();
      });
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      await recordCspViolations(page, problems);
      await logIn(page, server.url, 'ana');
      await page.getByRole('tab', { name: 'Following' }).waitFor();
      await page.goto(`${server.url}/activities/${runId}`);
      const map = page.locator('.activity-map');
      await expect.poll(() => map.getAttribute('data-basemap'), { timeout: 30_000 }).toBe('world');
      await page.locator('.activity-map[data-map-state=ready]').waitFor({ timeout: 30_000 });
      expect(Number(await map.getAttribute('data-route-points'))).toBeGreaterThan(10);
      const pixels = await landAndWater(page);
      await map.screenshot({ path: screenshotPath(shot) });
      expect(pixels.land, 'land pixels').toBeGreaterThan(1000);
      expect(pixels.water, 'water pixels').toBeGreaterThan(1000);
      // With no street map configured, the app does not even try to reach one.
      if (env.STRIDE_MAP_STYLE_URL === 'none') expect(outside).toEqual([]);
      else expect(outside).toContain('tiles.openfreemap.org');
      await context.close();
    });

    it.runIf(env.STRIDE_MAP_STYLE_URL === 'none')(
      'centres the privacy-zone map on the device’s location, and says so when refused',
      async () => {
        const at = { latitude: 48.8566, longitude: 2.3522 };
        const allowed = await browser.newContext({
          viewport: PHONE,
          permissions: ['geolocation'],
          geolocation: at,
        });
        const page = await allowed.newPage();
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        await recordCspViolations(page, problems);
        await logIn(page, server.url, 'ana');
        await page.getByRole('tab', { name: 'Following' }).waitFor();
        await page.goto(`${server.url}/settings`);
        await page.locator('.zones-map[data-map-state=ready]').waitFor({ timeout: 30_000 });
        await page.getByRole('button', { name: 'Centre on my location' }).click();
        const centre = () =>
          page.evaluate(() => {
            const el = document.querySelector('.zones-map') as HTMLElement & {
              maplibreMap: import('maplibre-gl').Map;
            };
            const c = el.maplibreMap.getCenter();
            return [Math.round(c.lat * 100) / 100, Math.round(c.lng * 100) / 100];
          });
        await expect.poll(centre, { timeout: 10_000 }).toEqual([48.86, 2.35]);
        await allowed.close();

        // Refused: a message, and the map stays where it was.
        const refused = await browser.newContext({ viewport: PHONE });
        const other = await refused.newPage();
        other.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        await logIn(other, server.url, 'ana');
        await other.getByRole('tab', { name: 'Following' }).waitFor();
        await other.goto(`${server.url}/settings`);
        await other.locator('.zones-map[data-map-state=ready]').waitFor({ timeout: 30_000 });
        await other.getByRole('button', { name: 'Centre on my location' }).click();
        await other
          .getByRole('status')
          .filter({ hasText: /location/i })
          .waitFor({ timeout: 20_000 });
        await refused.close();
      },
    );
  });
}

suite(
  'maps in Chromium: the street map unreachable falls back to the world map',
  {},
  'map-offline-land',
);
suite(
  'maps in Chromium: STRIDE_MAP_STYLE_URL=none shows the world map',
  { STRIDE_MAP_STYLE_URL: 'none' },
  'map-none-land',
);
