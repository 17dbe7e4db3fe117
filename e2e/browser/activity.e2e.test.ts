/**
 * Scenario 3 of the web app: sign up through the UI, upload two real device files on the upload
 * page, wait until both are ready, then check the activity page draws the route on a MapLibre
 * map and the charts with uPlot; the feed lists both; a privacy zone is drawn in settings.
 * Screenshots at phone (360×740) and desktop (1280×800) sizes go to test-artifacts/screenshots.
 * Throughout, the server's Content-Security-Policy must not block anything the app does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeActivity } from '@stride/core';
import { importActivityFile } from '@stride/formats';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launchBrowser,
  recordCspViolations,
  screenshotPath,
  startTestServer,
  type TestServer,
} from './harness.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SHARED = resolve(ROOT, '../shared/data');
const FIXTURES = resolve(ROOT, 'e2e/fixtures');
// A run with heart rate and a ride with power: real device files when the shared corpus sits
// beside the repository (CI), else device files of the same kinds made by e2e/fixtures/generate.ts.
const FILES = existsSync(SHARED)
  ? [
      resolve(SHARED, 'python-tcxparser/test.tcx'), // Forerunner 410 run with heart rate
      resolve(SHARED, 'python-fitparse/Edge810-Vector-2013-08-16-15-35-10.fit'), // ride with power
    ]
  : [
      resolve(FIXTURES, 'forerunner-run-hr.tcx'), // 5.2 km, heart rate, auto laps, one pause
      resolve(FIXTURES, 'edge-ride-power.fit'), // 31 km, 1 h 3 min, heart rate and power
    ];
// Dropped on the upload page later: a run that is neither of FILES (which would be a duplicate),
// in two GPX track segments with the runner moving 130 m between them.
const DROPPED = resolve(FIXTURES, 'evening-run-two-segments.gpx');

/**
 * The distance a file states: the device's own total when it wrote one, else core's over the
 * file's track as an import computes it, with the file's pauses (nothing counts across a pause,
 * such as the gap between two GPX track segments) and laps.
 */
function reference(file: string): number {
  const a = importActivityFile(new Uint8Array(readFileSync(file))).activities[0]!;
  return (
    a.deviceTotals?.distanceM ??
    computeActivity(a.track, { sport: a.sport ?? 'Workout', pauses: a.pauses, laps: a.laps }).stats
      .distance
  );
}

/** Waits until every upload item has an outcome, then says what each is, by file name. */
async function outcomes(page: Page, count: number): Promise<Record<string, string>> {
  const items = page.locator('.upload-item');
  const read = () =>
    items.evaluateAll((els) =>
      els.map((el) => ({
        name: el.querySelector('.file-name')?.textContent ?? '',
        status: el.getAttribute('data-status') ?? '',
        text: el.textContent ?? '',
      })),
    );
  await expect
    .poll(
      async () => (await read()).filter((i) => ['ready', 'duplicate', 'error'].includes(i.status)),
      { timeout: 90_000 },
    )
    .toHaveLength(count);
  return Object.fromEntries((await read()).map((i) => [i.name, `${i.status}: ${i.text}`]));
}

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

async function token(page: Page): Promise<string> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('stride.tokens')!).access_token);
}

async function apiGet<T>(server: TestServer, bearer: string, path: string): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    headers: { authorization: `Bearer ${bearer}` },
  });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

/** How many pixels of the map canvas are the route's orange, read during a render. */
function routePixels(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const el = document.querySelector('.activity-map') as HTMLElement & {
      maplibreMap: import('maplibre-gl').Map;
    };
    const map = el.maplibreMap;
    const canvas = map.getCanvas();
    // The drawing buffer is readable inside the render event, before the browser clears it.
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
    let orange = 0;
    for (let i = 0; i < data.length; i += 4) {
      // #fc5200, allowing for antialiasing.
      if (data[i]! > 220 && data[i + 1]! > 50 && data[i + 1]! < 120 && data[i + 2]! < 60) orange++;
    }
    return orange;
  });
}

/** A finger dragged down 250 px from near the top of the page, as on a phone. */
async function pull(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const at = (y: number) => [{ x: 180, y }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(140) });
  for (let y = 160; y <= 390; y += 25)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(y) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

describe.runIf(hasChromium)(
  'web app in Chromium: upload, activity page, feed, profile, settings',
  () => {
    let server: TestServer;
    let browser: Browser;
    let phone: BrowserContext;

    beforeAll(async () => {
      server = await startTestServer();
      browser = await launchBrowser();
      phone = await browser.newContext({ viewport: PHONE, hasTouch: true, acceptDownloads: true });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.dispose();
    });

    it('uploads two real files, shows the route on a map with charts, and lists both', async () => {
      const page = await phone.newPage();
      const errors: string[] = [];
      const violations: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await recordCspViolations(page, violations);

      // Sign up through the form, on a page sent with a strict policy.
      const shell = await page.goto(`${server.url}/signup`);
      expect(shell!.headers()['content-security-policy']).toContain("script-src 'self'");
      await page.getByLabel('Handle').fill('lou');
      await page.getByLabel('Display name').fill('Lou Martin');
      await page.getByLabel('Email').fill('lou@example.com');
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.getByRole('tab', { name: 'Following' }).waitFor();

      // Set a maximum heart rate first, so the uploads get heart-rate zones.
      await page.goto(`${server.url}/settings`);
      await page.getByLabel(/Maximum heart rate/).fill('186');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

      // Upload both files through the picker; each reaches ready with a link to its activity.
      await page.getByRole('link', { name: 'Upload', exact: true }).click();
      // A slow uplink (60 kB/s), so the progress bars are seen moving before the files arrive.
      const cdp = await phone.newCDPSession(page);
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 20,
        downloadThroughput: -1,
        uploadThroughput: 60_000,
      });
      await page.locator('input[type=file]').setInputFiles(FILES);
      const items = page.locator('.upload-item');
      await expect.poll(() => items.count()).toBe(2);
      const bar = page.locator('.upload-item progress').first();
      await expect
        .poll(async () => Number(await bar.getAttribute('value').catch(() => '0')), {
          timeout: 20_000,
        })
        .toBeGreaterThan(0);
      await page.screenshot({ path: screenshotPath('upload-progress') });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      // Both imported (not refused as a duplicate or an error), each with a link to its activity.
      const done = await outcomes(page, 2);
      for (const file of FILES) {
        expect(done[basename(file)], basename(file)).toMatch(/^ready: .*View activity/);
      }
      await page.screenshot({ path: screenshotPath('upload') });

      // The server holds both activities, with the distances the files state.
      const bearer = await token(page);
      const list = await apiGet<{ items: { id: string; distance: number; name: string }[] }>(
        server,
        bearer,
        '/activities?mode=USER',
      );
      expect(list.items).toHaveLength(2);
      const uploads = await page.locator('.upload-item').evaluateAll((els) =>
        els.map((el) => ({
          name: el.querySelector('.file-name')!.textContent!,
          href: el.querySelector('a')!.getAttribute('href')!,
        })),
      );
      for (const file of FILES) {
        const u = uploads.find((x) => x.name === basename(file))!;
        const id = u.href.split('/').pop()!;
        const held = list.items.find((a) => a.id === id)!;
        expect(held, basename(file)).toBeDefined();
        const ref = reference(file);
        expect(Math.abs(held.distance - ref) / ref, basename(file)).toBeLessThan(0.02);
      }

      // The activity page: a MapLibre canvas whose route source holds the streamed positions,
      // drawn in the route's colour, and one uPlot chart per stream.
      const ride = list.items.find(
        (a) => a.distance === Math.max(...list.items.map((x) => x.distance)),
      )!;
      await page.goto(`${server.url}/activities/${ride.id}`);
      await page.locator('.activity-map[data-map-state=ready]').waitFor({ timeout: 30_000 });
      expect(await page.locator('.activity-map canvas.maplibregl-canvas').count()).toBe(1);
      const streams = await apiGet<{ latlng: { data: ([number, number] | null)[] } }>(
        server,
        bearer,
        `/activities/${ride.id}/streams?keys=latlng`,
      );
      const positions = streams.latlng.data.filter((p) => p !== null);
      const drawn = await page.evaluate(async () => {
        const el = document.querySelector('.activity-map') as HTMLElement & {
          maplibreMap: import('maplibre-gl').Map;
        };
        const map = el.maplibreMap;
        const source = map.getSource('route') as import('maplibre-gl').GeoJSONSource;
        const data = (await source.getData()) as GeoJSON.Feature<GeoJSON.LineString>;
        return {
          coordinates: data.geometry.coordinates,
          rendered: map.queryRenderedFeatures({ layers: ['route-line'] }).length,
          endpoints: map.queryRenderedFeatures({ layers: ['endpoints'] }).length,
        };
      });
      expect(drawn.coordinates).toHaveLength(positions.length);
      expect(drawn.coordinates[0]).toEqual([positions[0]![1], positions[0]![0]]);
      expect(drawn.coordinates.at(-1)).toEqual([positions.at(-1)![1], positions.at(-1)![0]]);
      expect(drawn.rendered).toBeGreaterThan(0);
      expect(drawn.endpoints).toBe(2);
      expect(await routePixels(page)).toBeGreaterThan(200);

      await page.locator('.chart canvas').first().waitFor();
      const charts = await page.locator('.chart').evaluateAll((els) =>
        els.map((el) => ({
          key: el.getAttribute('data-chart'),
          canvas: !!el.querySelector('canvas'),
        })),
      );
      expect(charts.every((c) => c.canvas)).toBe(true);
      expect(charts.map((c) => c.key)).toEqual(expect.arrayContaining(['altitude', 'speed']));
      // The page shows the distance the server holds.
      const shown = await page
        .locator('.stats-grid .stat', { hasText: 'Distance' })
        .locator('dd')
        .textContent();
      expect(shown).toBe(`${(ride.distance / 1000).toFixed(2)} km`);
      expect(await page.getByRole('heading', { name: 'Splits' }).count()).toBe(1);
      // A ride's best efforts are its best power and speed over fixed times; zones at 186 bpm.
      const bests = page.locator('table.ride-bests tbody tr');
      expect(await bests.locator('th').allTextContents()).toEqual([
        '5 s',
        '1 min',
        '5 min',
        '20 min',
        '1 h',
      ]);
      expect(await bests.nth(3).locator('td').first().textContent()).toMatch(/^\d+ W$/);
      // Choosing the best 20 minutes of power draws that stretch on the map and names it.
      const twenty = bests.nth(3).getByRole('button').first();
      await twenty.click();
      await bests.nth(3).getByRole('button', { pressed: true }).first().waitFor();
      await expect
        .poll(async () =>
          Number(await page.locator('.activity-map').getAttribute('data-highlight-points')),
        )
        .toBeGreaterThan(1000 / 5);
      await page.locator('.map-caption', { hasText: 'Best 20 min power' }).waitFor();
      await page.getByRole('button', { name: 'Show the whole activity' }).click();
      await expect
        .poll(() => page.locator('.activity-map').getAttribute('data-highlight-points'))
        .not.toMatch(/^[1-9]/);
      const zoneRows = page.locator('.hr-zones li');
      expect(await zoneRows.count()).toBe(5);
      expect(await zoneRows.nth(1).locator('.hr-zone-range').textContent()).toBe(
        `${Math.round(0.6 * 186)}–${Math.round(0.7 * 186) - 1} bpm`,
      );
      // Phone shots are of the screen (a full-page shot would draw the fixed tab bar mid-page).
      await page.screenshot({ path: screenshotPath('activity-page') });
      await page.getByRole('heading', { name: 'Analysis' }).evaluate((h) => h.scrollIntoView());
      await page.screenshot({ path: screenshotPath('activity-page-analysis') });

      // The feed: both cards with a drawn route each.
      await page.getByRole('link', { name: 'Feed' }).click();
      await page.getByRole('tab', { name: 'You' }).click();
      await expect.poll(() => page.locator('.activity-card').count()).toBe(2);
      expect(await page.locator('.activity-card svg.route-preview path').count()).toBe(4);
      await page.screenshot({ path: screenshotPath('feed') });

      // Pull to refresh: renamed elsewhere, the card shows the new name after a pull from the top.
      const patched = await fetch(`${server.url}/api/v1/activities/${ride.id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Renamed on another device' }),
      });
      expect(patched.status).toBe(200);
      await pull(page);
      await page
        .getByRole('link', { name: 'Renamed on another device' })
        .waitFor({ timeout: 10_000 });

      // Desktop sizes of the same pages, same session.
      const desktop = await browser.newContext({
        viewport: DESKTOP,
        storageState: await phone.storageState(),
      });
      const wide = await desktop.newPage();
      await recordCspViolations(wide, violations);
      await wide.goto(`${server.url}/activities/${ride.id}`);
      await wide.locator('.activity-map[data-map-state=ready]').waitFor({ timeout: 30_000 });
      await wide.locator('.chart canvas').first().waitFor();
      await wide.screenshot({ path: screenshotPath('activity-page-desktop'), fullPage: true });
      await wide.goto(`${server.url}/?tab=you`);
      await expect.poll(() => wide.locator('.activity-card').count()).toBe(2);
      await wide.screenshot({ path: screenshotPath('feed-desktop') });
      await wide.goto(`${server.url}/upload`);
      await wide.screenshot({ path: screenshotPath('upload-desktop') });
      await desktop.close();

      expect(errors).toEqual([]);
      expect(violations).toEqual([]);
    }, 240_000);

    it('shows the API docs under their own policy without a violation', async () => {
      const page = await phone.newPage();
      const violations: string[] = [];
      await recordCspViolations(page, violations);
      const res = await page.goto(`${server.url}/docs/`);
      expect(res!.headers()['content-security-policy']).toContain("script-src 'self'");
      await page.locator('.swagger-ui .opblock').first().waitFor({ timeout: 30_000 });
      expect(violations).toEqual([]);
    }, 60_000);

    it('draws a privacy zone on the settings map and saves it', async () => {
      const page = await phone.newPage();
      const violations: string[] = [];
      await recordCspViolations(page, violations);
      await page.goto(`${server.url}/settings`);
      const map = page.locator('.zones-map');
      await map.locator('canvas').waitFor();
      await page.locator('.zones-map[data-map-state=ready]').waitFor({ timeout: 30_000 });
      // A tap on the map places the zone's centre there (the locator scrolls it into view).
      await map.click();
      await page.getByLabel(/Radius/).fill('800');
      await page.getByRole('button', { name: 'Save zone' }).click();
      await page.getByRole('list', { name: 'Your privacy zones' }).getByRole('listitem').waitFor();
      const zones = await apiGet<{ radius: number; lat: number; lng: number }[]>(
        server,
        await token(page),
        '/me/privacy-zones',
      );
      expect(zones).toHaveLength(1);
      expect(zones[0]!.radius).toBe(800);
      await map.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: screenshotPath('settings-zones') });

      const desktop = await browser.newContext({
        viewport: DESKTOP,
        storageState: await phone.storageState(),
      });
      const wide = await desktop.newPage();
      await wide.goto(`${server.url}/settings`);
      await wide.locator('.zones-map[data-map-state=ready]').waitFor({ timeout: 30_000 });
      await wide.locator('.zones-map').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await wide.screenshot({ path: screenshotPath('settings-zones-desktop') });
      await desktop.close();
      expect(violations).toEqual([]);
    }, 120_000);
    it('follows another athlete from their profile and then sees their activity under Following', async () => {
      // Another athlete, signed up and uploading through the API.
      const signup = await fetch(`${server.url}/api/v1/auth/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          handle: 'max',
          email: 'max@example.com',
          password: 'password123',
          display_name: 'Max Weber',
        }),
      });
      const max = (await signup.json()) as { access_token: string };
      const form = new FormData();
      form.append('file', new Blob([readFileSync(FILES[0]!)]), basename(FILES[0]!));
      const accepted = await fetch(`${server.url}/api/v1/uploads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${max.access_token}` },
        body: form,
      });
      const upload = (await accepted.json()) as { id: string };
      await expect
        .poll(
          async () =>
            (await apiGet<{ status: string }>(server, max.access_token, `/uploads/${upload.id}`))
              .status,
          { timeout: 60_000 },
        )
        .toBe('ready');

      const page = await phone.newPage();
      await page.goto(`${server.url}/athletes/max`);
      await page.getByRole('heading', { name: 'Max Weber' }).waitFor();
      await expect.poll(() => page.locator('.activity-card').count()).toBe(1);
      // Their totals: one run, of the distance the server holds.
      const [maxRun] = (
        await apiGet<{ items: { distance: number }[] }>(server, max.access_token, '/activities')
      ).items;
      const runs = page.locator('table.totals tr', { hasText: 'Runs' });
      await runs.waitFor();
      expect(await runs.locator('td').last().textContent()).toContain(
        `${(maxRun!.distance / 1000).toFixed(2)} km`,
      );
      await page.getByRole('button', { name: 'Follow', exact: true }).click();
      await page.getByRole('button', { name: 'Following', exact: true, pressed: true }).waitFor();
      expect(
        await page
          .getByRole('button', { name: 'Following', exact: true })
          .getAttribute('aria-pressed'),
      ).toBe('true');
      const following = await apiGet<{ items: { handle: string }[] }>(
        server,
        await token(page),
        '/athletes/lou/following',
      );
      expect(following.items.map((f) => f.handle)).toEqual(['max']);
      await page.getByRole('button', { name: /Followers/ }).click();
      await page.getByRole('link', { name: 'Lou Martin' }).waitFor();
      await page.screenshot({ path: screenshotPath('athlete-profile') });

      // The Following feed now holds Lou's two activities and Max's.
      await page.getByRole('link', { name: 'Feed' }).click();
      await page.getByRole('tab', { name: 'Following' }).click();
      await expect.poll(() => page.locator('.activity-card').count()).toBe(3);
      expect(
        await page.locator('.activity-card .athlete-name', { hasText: 'Max Weber' }).count(),
      ).toBe(1);
    }, 120_000);
    it('exports, edits and deletes an activity from its page', async () => {
      const page = await phone.newPage();
      const bearer = await (async () => {
        await page.goto(`${server.url}/?tab=you`);
        return token(page);
      })();
      const { items } = await apiGet<{ items: { id: string; sport_type: string }[] }>(
        server,
        bearer,
        '/activities?mode=USER',
      );
      const run = items.find((a) => a.sport_type === 'Run')!;

      // Drag and drop onto the upload page works like the picker.
      await page.goto(`${server.url}/upload`);
      const transfer = await page.evaluateHandle(
        ({ name, text }) => {
          const dt = new DataTransfer();
          dt.items.add(new File([text], name, { type: 'application/gpx+xml' }));
          return dt;
        },
        { name: basename(DROPPED), text: readFileSync(DROPPED, 'utf8') },
      );
      await page.dispatchEvent('.dropzone', 'dragover', { dataTransfer: transfer });
      await page.dispatchEvent('.dropzone', 'drop', { dataTransfer: transfer });
      const droppedOutcome = (await outcomes(page, 1))[basename(DROPPED)];
      expect(droppedOutcome).toMatch(/^ready: .*View activity/);
      // Imported as the file states it: the stretch between its two segments does not count.
      const droppedId = (await page.locator('.upload-item a').getAttribute('href'))!
        .split('/')
        .pop()!;
      const droppedRun = await apiGet<{ distance: number }>(
        server,
        bearer,
        `/activities/${droppedId}`,
      );
      const stated = reference(DROPPED);
      expect(Math.abs(droppedRun.distance - stated) / stated).toBeLessThan(0.02);
      await page.goto(`${server.url}/activities/${run.id}`);

      // GPX export: fetched with the token and saved as a file.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'GPX' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.gpx$/);
      const gpx = readFileSync((await download.path())!, 'utf8');
      expect(gpx).toContain('<gpx');
      expect(gpx).toContain('<trkpt');

      // Edit the title and visibility.
      await page.getByRole('button', { name: 'Edit' }).click();
      await page.getByLabel('Title').fill('Tempo by the river');
      await page.getByLabel('Who can see it').selectOption('followers');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { name: 'Tempo by the river' }).waitFor();
      const edited = await apiGet<{ name: string; visibility: string }>(
        server,
        bearer,
        `/activities/${run.id}`,
      );
      expect(edited).toMatchObject({ name: 'Tempo by the river', visibility: 'followers' });

      // Delete behind the confirmation dialog: cancel first, then confirm.
      await page.getByRole('button', { name: 'Delete' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete this activity?' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(
        (
          await fetch(`${server.url}/api/v1/activities/${run.id}`, {
            headers: { authorization: `Bearer ${bearer}` },
          })
        ).status,
      ).toBe(200);
      await page.getByRole('button', { name: 'Delete' }).click();
      await dialog.getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('tab', { name: 'You', selected: true }).waitFor();
      const gone = await fetch(`${server.url}/api/v1/activities/${run.id}`, {
        headers: { authorization: `Bearer ${bearer}` },
      });
      expect(gone.status).toBe(404);
      // Left: the ride and the dropped run.
      await expect.poll(() => page.locator('.activity-card').count()).toBe(2);
    }, 120_000);
  },
);
