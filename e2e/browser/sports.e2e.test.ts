/**
 * Sports beyond a run or a ride outdoors, in Chromium: an indoor ride and a pool swim (no GPS
 * track) and a multisport file (swim, transition, bike, transition, run), uploaded on the upload
 * page. Their pages draw no map, chart along elapsed time where no distance grows, read a
 * swim's pace per 100 m; the owner changes a sport in the edit form; a leg's page lists its
 * race's legs. Throughout, the Content-Security-Policy must not block anything the app does.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeActivity } from '../../packages/formats/test/helpers/fit-fixtures.js';
import {
  hasChromium,
  launchBrowser,
  recordCspViolations,
  screenshotPath,
  startTestServer,
  type TestServer,
} from './harness.js';
import { indoorRide, poolSwim, RIDE_LAPS, SWIM_LAPS } from './sport-files.js';

const PHONE = { width: 360, height: 740 };

const FILES = {
  ride: { name: 'trainer.fit', bytes: indoorRide() },
  swim: { name: 'pool.fit', bytes: poolSwim() },
  race: {
    name: 'triathlon.fit',
    bytes: encodeActivity({
      segments: [
        { sport: 'swimming', seconds: 60 },
        { sport: 'transition', seconds: 20 },
        { sport: 'cycling', seconds: 120 },
        { sport: 'transition', seconds: 15 },
        { sport: 'running', seconds: 90 },
      ],
    }),
  },
};

interface Leg {
  id: string;
  sport_type: string;
  elapsed_time: number;
  multisport: { leg: number; legs: number } | null;
}

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

/** m:ss, as the app shows a time under an hour. */
const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

/** The activity page once its streams are in: the charts are drawn from them. */
async function openActivity(page: Page, server: TestServer, id: string): Promise<void> {
  await page.goto(`${server.url}/activities/${id}`);
  await page.locator('.charts .chart canvas').first().waitFor({ timeout: 30_000 });
}

/** What the cursor readout of a chart says with the pointer in the middle of the chart. */
async function readoutAtMiddle(page: Page, key: string): Promise<string> {
  const chart = page.locator(`.chart[data-chart=${key}]`);
  await chart.locator('.u-over').hover();
  const readout = chart.locator('.readout');
  await expect.poll(() => readout.textContent()).not.toBe('');
  return (await readout.textContent())!;
}

describe.runIf(hasChromium)('sports in Chromium: indoors, in the pool, multisport', () => {
  let server: TestServer;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;
  let bearer: string;
  const errors: string[] = [];
  const violations: string[] = [];
  /** Each file's activities, by key of FILES, from the links its upload item shows. */
  const made: Record<keyof typeof FILES, string[]> = { ride: [], swim: [], race: [] };

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    phone = await browser.newContext({ viewport: PHONE, hasTouch: true });
    page = await phone.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await recordCspViolations(page, violations);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('uploads an indoor ride, a pool swim and a triathlon, each linking to what it made', async () => {
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Handle').fill('noa');
    await page.getByLabel('Display name').fill('Noa Berg');
    await page.getByLabel('Email').fill('noa@example.com');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('tab', { name: 'Following' }).waitFor();
    bearer = await token(page);

    await page.getByRole('link', { name: 'Upload', exact: true }).click();
    await page.locator('input[type=file]').setInputFiles(
      Object.values(FILES).map((f) => ({
        name: f.name,
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(f.bytes),
      })),
    );
    const items = page.locator('.upload-item');
    await expect
      .poll(() => items.evaluateAll((els) => els.map((el) => el.getAttribute('data-status'))), {
        timeout: 90_000,
      })
      .toEqual(['ready', 'ready', 'ready']);
    for (const [key, file] of Object.entries(FILES) as [keyof typeof FILES, { name: string }][]) {
      const item = items.filter({ has: page.locator('.file-name', { hasText: file.name }) });
      const hrefs = await item
        .locator('a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      made[key] = hrefs.map((h) => h.split('/').pop()!);
    }
    expect(made.ride).toHaveLength(1);
    expect(made.swim).toHaveLength(1);
    const raceItem = items.filter({ hasText: FILES.race.name });
    await page.screenshot({ path: screenshotPath('sports-upload') });
    // The triathlon is five activities (transitions too), each linked in the file's order.
    expect(await raceItem.textContent()).toContain('5 activities');
    expect(made.race).toHaveLength(5);
    expect(
      await raceItem
        .getByRole('link')
        .evaluateAll((as) => as.map((a) => a.getAttribute('aria-label'))),
    ).toEqual([1, 2, 3, 4, 5].map((n) => `Activity ${n} of 5`));
    // The links are the upload's activities, in the file's order.
    const first = await apiGet<{ upload_id: string }>(
      server,
      bearer,
      `/activities/${made.race[0]}`,
    );
    const upload = await apiGet<{ activity_ids: string[] }>(
      server,
      bearer,
      `/uploads/${first.upload_id}`,
    );
    expect(upload.activity_ids).toEqual(made.race);
  }, 180_000);

  it('shows an indoor ride with no map, charts along time and no distance in its laps', async () => {
    const [id] = made.ride;
    await openActivity(page, server, id!);
    // No track: no map, not even an empty frame, and no segment to cut from it.
    expect(await page.locator('.activity-map-frame, .activity-map').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Create segment' }).count()).toBe(0);
    // Heart rate and power along 20 minutes of elapsed time, not at 0 km.
    const charts = page.locator('.charts');
    expect(await charts.getAttribute('data-x-axis')).toBe('time');
    expect(
      await page.locator('.chart').evaluateAll((els) => els.map((e) => e.dataset.chart)),
    ).toEqual(['heartrate', 'watts']);
    const seconds = RIDE_LAPS.reduce((sum, s) => sum + s, 0);
    expect(
      await page.locator('.chart[data-chart=watts] [role=img]').getAttribute('aria-label'),
    ).toMatch(new RegExp(`^Power over ${clock(seconds - 1)}: from \\d+ W to \\d+ W$`));
    expect(await readoutAtMiddle(page, 'watts')).toMatch(/^\d+ W · 1?\d:\d\d$/);
    // The laps have a time but no distance, and so no speed.
    const laps = page.getByRole('region', { name: 'Laps' }).locator('tbody tr');
    expect(await laps.count()).toBe(RIDE_LAPS.length);
    for (let i = 0; i < RIDE_LAPS.length; i++) {
      const [distance, time, speed] = await laps.nth(i).locator('td').allTextContents();
      expect([distance, speed]).toEqual(['–', '–']);
      const [m, sec] = time!.split(':').map(Number);
      expect(Math.abs(m! * 60 + sec! - RIDE_LAPS[i]!)).toBeLessThanOrEqual(1);
    }
    // Nor in the headline: its time, power and heart rate, no "0.00 km".
    const head = page.locator('.activity-head');
    expect(await head.locator('.stats-grid dt').allTextContents()).toEqual(['Moving time']);
    expect(await head.textContent()).not.toContain('0.00 km');
    expect(await head.locator('.stats-more').textContent()).toMatch(/Avg power\d+ W/);
    // Phone shots are of the screen (a full-page shot would draw the fixed tab bar mid-page).
    await page.screenshot({ path: screenshotPath('sports-indoor-ride') });
    await page.getByRole('heading', { name: 'Analysis' }).evaluate((h) => h.scrollIntoView());
    await page.screenshot({ path: screenshotPath('sports-indoor-ride-analysis') });
  }, 60_000);

  it('shows a pool swim with no map, charts along time and pace per 100 m', async () => {
    const [id] = made.swim;
    await openActivity(page, server, id!);
    expect(await page.locator('.activity-map-frame, .activity-map').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Create segment' }).count()).toBe(0);
    expect(await page.locator('.charts').getAttribute('data-x-axis')).toBe('time');
    expect(await readoutAtMiddle(page, 'heartrate')).toMatch(/^\d+ bpm · 1?\d:\d\d$/);
    await page.screenshot({ path: screenshotPath('sports-pool-swim') });
    const lapsTitle = page.getByRole('heading', { name: 'Laps' });
    await lapsTitle.evaluate((h) => h.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: screenshotPath('sports-pool-swim-laps') });
    // A pool has nowhere to climb: no elevation among the headline numbers.
    expect(await page.locator('.stats-grid dt').allTextContents()).not.toContain('Elevation');
    // The swim's pace, per 100 m: in the headline and in each lap.
    const pace = page.locator('.stats-grid .stat', { hasText: 'Pace' }).locator('dd');
    expect(await pace.textContent()).toMatch(/^\d:\d\d \/100m$/);
    const laps = page.getByRole('region', { name: 'Laps' }).locator('tbody tr');
    expect(await laps.count()).toBe(SWIM_LAPS.length);
    for (let i = 0; i < SWIM_LAPS.length; i++)
      expect(await laps.nth(i).locator('td').last().textContent()).toMatch(/^\d:\d\d \/100m$/);
  }, 60_000);

  it('changes the ride’s sport in the edit form, and the page keeps it', async () => {
    const [id] = made.ride;
    await openActivity(page, server, id!);
    const tag = page.locator('.activity-head .sport-tag');
    expect(await tag.textContent()).toBe('Ride');
    await page.getByRole('button', { name: 'Edit' }).click();
    const sport = page.getByLabel('Sport');
    expect(await sport.inputValue()).toBe('Ride');
    // Every sport reads as athletes say it.
    expect(await sport.locator('option').allTextContents()).toEqual(
      expect.arrayContaining(['Mountain bike ride', 'E-bike ride', 'Stand-up paddling', 'Yoga']),
    );
    await sport.selectOption({ label: 'Virtual ride' });
    await page.screenshot({ path: screenshotPath('sports-edit') });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Edit' }).waitFor();
    await expect.poll(() => tag.textContent()).toBe('Virtual ride');
    await page.reload();
    await page.locator('.activity-head .sport-tag', { hasText: 'Virtual ride' }).waitFor();
    const saved = await apiGet<{ sport_type: string }>(server, bearer, `/activities/${id}`);
    expect(saved.sport_type).toBe('VirtualRide');
    // Still no map and still along time: a sport does not make a track.
    await page.locator('.charts[data-x-axis=time]').waitFor();
    expect(await page.locator('.activity-map').count()).toBe(0);
  }, 60_000);

  it('lists a triathlon’s legs on a leg’s page and marks legs on their cards', async () => {
    const legs = (
      await apiGet<{ items: Leg[] }>(server, bearer, `/activities/${made.race[0]}/legs`)
    ).items;
    expect(legs.map((l) => l.id)).toEqual(made.race);
    await page.goto(`${server.url}/activities/${made.race[2]}`);
    const strip = page.getByRole('navigation', { name: /leg 3 of 5/ });
    await strip.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => strip.locator('.legs-title').textContent())
      .toBe('Triathlon · leg 3 of 5');
    const links = strip.getByRole('link');
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
      made.race.map((id) => `/activities/${id}`),
    );
    // Each leg: its sport, distance and time; this one marked as the page.
    const texts = await links.allTextContents();
    expect(texts[0]).toMatch(/^Swim/);
    expect(texts[2]).toMatch(/^Ride/);
    expect(texts[4]).toMatch(/^Run/);
    legs.forEach((l, i) => {
      expect(texts[i]).toContain(clock(l.elapsed_time));
    });
    expect(await strip.locator('[aria-current=page]').getAttribute('href')).toBe(
      `/activities/${made.race[2]}`,
    );
    await strip.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: screenshotPath('sports-legs') });
    // Following a leg's link opens that leg, marked in the same strip.
    await links.nth(4).click();
    await page.getByRole('navigation', { name: /leg 5 of 5/ }).waitFor();
    expect(await page.locator('.legs [aria-current=page]').getAttribute('href')).toBe(
      `/activities/${made.race[4]}`,
    );

    // The feed: each leg's card says which leg it is; the others say nothing of legs.
    await page.goto(`${server.url}/?tab=you`);
    const cards = page.locator('.activity-card');
    await expect.poll(() => cards.count()).toBe(7);
    const marks = await page.locator('.activity-card .leg-of').allTextContents();
    expect(marks.map((m) => m.trim()).sort()).toEqual(
      [1, 2, 3, 4, 5].map((n) => `· Leg ${n} of 5`),
    );
    await page.screenshot({ path: screenshotPath('sports-feed') });
  }, 90_000);

  it('met no page error and no Content-Security-Policy violation on the way', () => {
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
  });
});
