/**
 * Segments in the web app: two athletes run the same route (a real device file, re-timed to
 * today, or a synthetic run when the shared corpus is absent); the faster one cuts a segment
 * from their activity's chart in the UI; the segment page ranks both, the activity page shows
 * the effort with its honours, the explorer finds the segment on its map, and the athlete
 * leaderboard lists both. Screenshots at 360×740 and 1280×800 go to test-artifacts/screenshots.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportGpx, importActivityFile } from '@stride/formats';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeActivity, routeFrom } from '../../packages/server/src/demo/route-activity.js';
import { toGpx } from '../../packages/server/src/demo/synthetic-activity.js';
import {
  hasChromium,
  launchBrowser,
  screenshotPath,
  startTestServer,
  type TestServer,
} from './harness.js';
import { type Athlete, apiGet, signUp } from './recording-helpers.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
// A Forerunner 410 run (4.7 km, GPS and altitude) when the shared corpus sits beside the repository.
const REAL_RUN = resolve(ROOT, '../shared/data/python-tcxparser/test.tcx');

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

/**
 * Athlete boards count an activity on its local day, while "this week" is the UTC week: on a
 * Monday before 06:00 UTC, a run that started an hour ago in North Carolina (where the real
 * file is) is still on Sunday there, last week. Then the test runs the Lyon route instead.
 */
function earlyInUtcWeek(now = new Date()): boolean {
  return now.getUTCDay() === 1 && now.getUTCHours() < 7;
}

/**
 * One go along the route as a GPX file, starting `startsAgoS` seconds ago and taking `pace`
 * times as long as the original: the same positions for everyone, different times.
 */
function runFile(startsAgoS: number, pace: number): Uint8Array {
  const start = Math.floor(Date.now() / 1000) - startsAgoS;
  if (existsSync(REAL_RUN) && !earlyInUtcWeek()) {
    const a = importActivityFile(new Uint8Array(readFileSync(REAL_RUN))).activities[0]!;
    const t0 = a.track.time[0]!;
    const at = (t: number) => start + (t - t0) * pace;
    const time = a.track.time.map(at);
    const retimed = {
      ...a,
      startTime: at(a.startTime),
      track: { ...a.track, time },
      laps: a.laps.map((l) => ({ ...l, startTime: at(l.startTime), endTime: at(l.endTime) })),
      pauses: a.pauses.map((p) => ({ start: at(p.start), end: at(p.end) })),
    };
    return new TextEncoder().encode(exportGpx(retimed));
  }
  // 3.2 km through Lyon with three turns, climbing gently.
  const route = routeFrom(
    [45.76, 4.83],
    [
      [90, 900],
      [30, 800],
      [0, 900],
      [300, 600],
    ],
    (s) => 170 + 0.015 * s + 3 * Math.sin(s / 200),
  );
  const samples = routeActivity(route, {
    seed: 7,
    sport: 'Run',
    startTime: start,
    speedMps: 3 / pace,
  });
  return new TextEncoder().encode(toGpx('Morning run', 'Run', samples));
}

async function upload(server: TestServer, who: Athlete, file: Uint8Array): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([file]), 'run.gpx');
  const res = await fetch(`${server.url}/api/v1/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${who.access_token}` },
    body: form,
  });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };
  // Polled by hand: this runs in beforeAll, where expect.poll is not available.
  const deadline = Date.now() + 60_000;
  let status = { status: 'queued', activity_id: null as string | null, error: null };
  while (status.status === 'queued' || status.status === 'processing') {
    if (Date.now() > deadline) throw new Error(`upload ${id} still ${status.status}`);
    await new Promise((r) => setTimeout(r, 250));
    status = await apiGet(server.url, who, `/uploads/${id}`);
  }
  expect(status.status, String(status.error)).toBe('ready');
  return status.activity_id!;
}

/** A browser context signed in as `who` (tokens where the app keeps them). */
async function signedIn(browser: Browser, who: Athlete, viewport: typeof PHONE) {
  const context = await browser.newContext({ viewport, hasTouch: viewport === PHONE });
  await context.addInitScript((tokens) => {
    if (!localStorage.getItem('stride.tokens'))
      localStorage.setItem('stride.tokens', JSON.stringify(tokens));
  }, who);
  return context;
}

/** Drags the mouse across the first chart of `scope` from one fraction of its width to another. */
async function dragAcross(page: Page, scope: string, from: number, to: number): Promise<void> {
  const over = page.locator(`${scope} .chart .u-over`).first();
  await over.scrollIntoViewIfNeeded();
  const box = (await over.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * from, y);
  await page.mouse.down();
  for (let k = 1; k <= 8; k++)
    await page.mouse.move(box.x + box.width * (from + ((to - from) * k) / 8), y);
  await page.mouse.up();
}

/** Waits until the page stops scrolling (the app scrolls smoothly to the map). */
async function scrollSettled(page: Page): Promise<void> {
  let last = -1;
  await expect
    .poll(async () => {
      const y = await page.evaluate(
        () => new Promise<number>((r) => setTimeout(() => r(window.scrollY), 150)),
      );
      const still = y === last;
      last = y;
      return still;
    })
    .toBe(true);
}

const sliderValue = (page: Page, name: 'Start' | 'End') =>
  page
    .getByRole('slider', { name, exact: true })
    .inputValue()
    .then((v) => Number(v));

describe.runIf(hasChromium)('segments in the web app', () => {
  let server: TestServer;
  let browser: Browser;
  let ana: Athlete;
  let ben: Athlete;
  let anaRun: string;
  let benRun: string;
  let phone: BrowserContext;
  let segmentId: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    ana = await signUp(server.url, 'ana');
    ben = await signUp(server.url, 'ben');
    for (const [who, name] of [
      [ana, 'Ana Costa'],
      [ben, 'Ben Okafor'],
    ] as const) {
      const res = await fetch(`${server.url}/api/v1/me`, {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${who.access_token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ display_name: name, country: 'France', city: 'Lyon' }),
      });
      expect(res.status).toBe(200);
    }
    // Ana runs it 8 % faster than Ben, on the same streets.
    benRun = await upload(server, ben, runFile(3600, 1));
    anaRun = await upload(server, ana, runFile(3000, 0.92));
    phone = await signedIn(browser, ana, PHONE);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('creates a segment from the activity chart, refusing a too-short one with the server’s reason', async () => {
    const page = await phone.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/activities/${anaRun}`);
    await page.locator('.activity-map[data-map-state=ready]').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Create segment' }).click();
    const panel = page.getByRole('form', { name: 'Create a segment' });
    await panel.locator('.chart canvas').waitFor();

    // A stretch of two samples: the server refuses it and the page says why.
    await page.getByRole('slider', { name: 'Start', exact: true }).focus();
    await page.keyboard.press('End');
    expect(await sliderValue(page, 'End')).toBe((await sliderValue(page, 'Start')) + 1);
    await panel.getByLabel('Segment name').fill('Too short');
    await panel.getByRole('button', { name: 'Create segment' }).click();
    const alert = panel.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/at least 100 m/);

    // Drag across the middle of the chart, then nudge the end back with the keyboard.
    await dragAcross(page, '.create-segment', 0.3, 0.7);
    const start = await sliderValue(page, 'Start');
    const end = await sliderValue(page, 'End');
    const streams = await apiGet<{ distance: { data: number[] }; latlng: { data: unknown[] } }>(
      server.url,
      ana,
      `/activities/${anaRun}/streams?keys=distance,latlng`,
    );
    const total = streams.distance.data.at(-1)!;
    expect(streams.distance.data[start]! / total).toBeGreaterThan(0.2);
    expect(streams.distance.data[start]! / total).toBeLessThan(0.4);
    expect(streams.distance.data[end]! / total).toBeGreaterThan(0.6);
    expect(streams.distance.data[end]! / total).toBeLessThan(0.8);
    await page.getByRole('slider', { name: 'End', exact: true }).focus();
    for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowLeft');
    expect(await sliderValue(page, 'End')).toBe(end - 3);
    // The map draws the chosen stretch over the route.
    const map = page.locator('.activity-map');
    expect(Number(await map.getAttribute('data-highlight-points'))).toBe(end - 3 - start + 1);
    await page.locator('.activity-map-frame').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: screenshotPath('create-segment') });

    await panel.getByLabel('Segment name').fill('Riverside tempo');
    await panel.getByRole('button', { name: 'Create segment' }).click();
    await page.waitForURL(/\/segments\/[0-9a-f-]{36}$/);
    segmentId = page.url().split('/').pop()!;

    // The server holds it, cut where the sliders said.
    const s = await apiGet<{ name: string; distance: number; created_by_viewer: boolean }>(
      server.url,
      ana,
      `/segments/${segmentId}`,
    );
    expect(s.name).toBe('Riverside tempo');
    expect(s.created_by_viewer).toBe(true);
    const cut = streams.distance.data[end - 3]! - streams.distance.data[start]!;
    expect(Math.abs(s.distance - cut) / cut).toBeLessThan(0.05);
    expect(errors).toEqual([]);
  }, 120_000);

  it('ranks both athletes on the segment page, the faster first with the crown', async () => {
    const page = await phone.newPage();
    await page.goto(`${server.url}/segments/${segmentId}`);
    await page.getByRole('heading', { name: 'Riverside tempo' }).waitFor();
    // The backfill matches both past runs; the page polls until it is done.
    const rows = page.locator('table.board tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    await page.locator('.notice').waitFor({ state: 'detached', timeout: 30_000 });
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        name: tr.querySelector('.athlete-name')!.textContent,
        crown: !!tr.querySelector('.crown'),
        me: tr.classList.contains('me'),
        time: tr.querySelector('strong')!.textContent,
      })),
    );
    expect(shown.map((r) => r.name)).toEqual(['Ana Costa', 'Ben Okafor']);
    expect(shown.map((r) => r.crown)).toEqual([true, false]);
    expect(shown.map((r) => r.me)).toEqual([true, false]);

    // What the server holds: the same order and times, Ana's KOM and PR.
    const board = await apiGet<{
      entries: { rank: number; athlete: { handle: string }; elapsed_time: number }[];
    }>(server.url, ana, `/segments/${segmentId}/leaderboard`);
    expect(board.entries.map((e) => [e.rank, e.athlete.handle])).toEqual([
      [1, 'ana'],
      [2, 'ben'],
    ]);
    expect(board.entries[0]!.elapsed_time).toBeLessThan(board.entries[1]!.elapsed_time);
    const fmt = (s: number) => {
      const t = Math.round(s);
      return `${Math.floor(t / 60)}:${String(t % 60).padStart(2, '0')}`;
    };
    expect(shown.map((r) => r.time)).toEqual(board.entries.map((e) => fmt(e.elapsed_time)));
    const seg = await apiGet<{ effort_count: number; athlete_count: number }>(
      server.url,
      ana,
      `/segments/${segmentId}`,
    );
    expect(seg).toMatchObject({ effort_count: 2, athlete_count: 2 });
    // The elevation profile comes from the segment's streams.
    await page.locator('.segment-page .chart[data-chart=altitude] canvas').waitFor();
    await page.locator('.activity-map[data-map-state=ready]').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('segment-page') });
    await page.getByRole('heading', { name: 'Leaderboard' }).evaluate((h) => h.scrollIntoView());
    await page.screenshot({ path: screenshotPath('segment-page-board') });

    // A filter that leaves Ana alone (Ben is not followed), and a star.
    await page.getByLabel('Whose efforts').selectOption('following');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByRole('button', { name: /Star/ }).click();
    await page.getByRole('button', { name: /Starred/, pressed: true }).waitFor();
    const starred = await apiGet<{ items: { id: string }[] }>(
      server.url,
      ana,
      '/me/segments/starred',
    );
    expect(starred.items.map((s) => s.id)).toEqual([segmentId]);
  }, 120_000);

  it('lists the effort on the activity page with its PR medal and crown, and shows it on the map', async () => {
    const page = await phone.newPage();
    await page.goto(`${server.url}/activities/${anaRun}`);
    const row = page.locator('table.efforts-table tbody tr', { hasText: 'Riverside tempo' });
    await row.waitFor();
    expect(await row.locator('svg.medal[data-pr="1"]').count()).toBe(1);
    expect(await row.getByRole('img', { name: /KOM/ }).count()).toBe(1);
    const held = await apiGet<{
      segment_efforts: { segment: { id: string }; pr_rank: number; kom_rank: number }[];
    }>(server.url, ana, `/activities/${anaRun}`);
    expect(held.segment_efforts.find((e) => e.segment.id === segmentId)).toMatchObject({
      pr_rank: 1,
      kom_rank: 1,
    });
    // Ben's effort is his own best too (its KOM rank is the one it had when matched, which
    // depends on which run the backfill met first: docs/segments.md, "Ranks").
    const bens = await apiGet<{ segment_efforts: { segment: { id: string }; pr_rank: number }[] }>(
      server.url,
      ben,
      `/activities/${benRun}`,
    );
    expect(bens.segment_efforts.find((e) => e.segment.id === segmentId)?.pr_rank).toBe(1);
    await page.locator('.activity-map[data-map-state=ready]').waitFor({ timeout: 30_000 });
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('activity-efforts') });

    // Showing it: the map draws the effort's stretch and names it.
    await row.getByRole('button', { name: /Show Riverside tempo/ }).click();
    await page.getByRole('button', { name: /Show Riverside tempo/, pressed: true }).waitFor();
    await expect
      .poll(async () =>
        Number(await page.locator('.activity-map').getAttribute('data-highlight-points')),
      )
      .toBeGreaterThan(10);
    await page.locator('.map-caption', { hasText: 'Riverside tempo' }).waitFor();
    await scrollSettled(page);
    await page.locator('.activity-map[data-map-state=ready]').waitFor();
    await page.screenshot({ path: screenshotPath('activity-efforts-map') });
  }, 120_000);

  it('finds the segment on the explorer map, and opens it from its line', async () => {
    const page = await phone.newPage();
    await page.goto(`${server.url}/segments`);
    const map = page.locator('.explore-map');
    await page.locator('.explore-map[data-map-state=ready]').waitFor({ timeout: 30_000 });
    await expect.poll(() => map.getAttribute('data-lines'), { timeout: 20_000 }).toBe('1');
    await page
      .getByRole('list', { name: 'Segments in view' })
      .getByText('Riverside tempo')
      .waitFor();
    // The API agrees: the segment is in the map's area.
    const bbox = await map.evaluate((el) => {
      const b = (
        el as HTMLElement & { maplibreMap: import('maplibre-gl').Map }
      ).maplibreMap.getBounds();
      return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()].join(',');
    });
    const found = await apiGet<{ items: { id: string }[] }>(
      server.url,
      ana,
      `/segments?bbox=${bbox}&sport_type=Run`,
    );
    expect(found.items.map((s) => s.id)).toEqual([segmentId]);
    await page.screenshot({ path: screenshotPath('segment-explorer') });

    // A tap on the drawn line opens the segment.
    const at = await map.evaluate((el) => {
      const m = (el as HTMLElement & { maplibreMap: import('maplibre-gl').Map }).maplibreMap;
      const [f] = m.queryRenderedFeatures({ layers: ['lines-line'] });
      // A rendered line cut at tile edges comes back as several lines.
      const g = f!.geometry as GeoJSON.LineString | GeoJSON.MultiLineString;
      const coords = (g.type === 'LineString' ? g.coordinates : g.coordinates.flat()) as [
        number,
        number,
      ][];
      const r = el.getBoundingClientRect();
      // A vertex well inside the map, clear of the zoom buttons at the top right.
      const inside = coords
        .map((c) => m.project(c))
        .filter((p) => p.x > 30 && p.x < r.width - 70 && p.y > 30 && p.y < r.height - 30);
      const p = inside[Math.floor(inside.length / 2)]!;
      return { x: r.left + p.x, y: r.top + p.y };
    });
    await page.mouse.click(at.x, at.y);
    await page.waitForURL(`${server.url}/segments/${segmentId}`);
  }, 120_000);

  it('ranks athletes by distance this week on the athlete leaderboard', async () => {
    const page = await phone.newPage();
    await page.goto(`${server.url}/leaderboards`);
    const rows = page.locator('table.board tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(2);
    const board = await apiGet<{ entries: { athlete: { display_name: string } }[] }>(
      server.url,
      ana,
      '/leaderboards/athletes?sport=Run&period=week',
    );
    const names = await rows.locator('.athlete-name').allTextContents();
    expect(names).toEqual(board.entries.map((e) => e.athlete.display_name));
    expect(names.sort()).toEqual(['Ana Costa', 'Ben Okafor']);
    expect(await page.locator('table.board tr.me .athlete-name').textContent()).toBe('Ana Costa');
    // The city board is Ana's own city, from her profile.
    await page.getByLabel('Among').selectOption('city');
    await expect.poll(() => page.url()).toContain('scope=city');
    await expect.poll(() => rows.count()).toBe(2);
    await page.screenshot({ path: screenshotPath('athlete-leaderboard') });
  }, 60_000);

  it('lays the same pages out for a desktop screen', async () => {
    const desktop = await signedIn(browser, ana, DESKTOP);
    const page = await desktop.newPage();
    await page.goto(`${server.url}/segments/${segmentId}`);
    await page.locator('table.board tbody tr').first().waitFor();
    await page.locator('.chart[data-chart=altitude] canvas').waitFor();
    await page.locator('.activity-map[data-map-state=ready]').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('segment-page-desktop'), fullPage: true });

    await page.goto(`${server.url}/activities/${anaRun}`);
    await page.locator('.activity-map[data-map-state=ready]').waitFor({ timeout: 30_000 });
    const row = page.locator('table.efforts-table tbody tr', { hasText: 'Riverside tempo' });
    await row.click();
    await page.locator('.map-caption').waitFor();
    await scrollSettled(page);
    await page.locator('.chart canvas').first().waitFor();
    await page.screenshot({ path: screenshotPath('activity-efforts-desktop'), fullPage: true });

    await page.getByRole('button', { name: 'Create segment' }).click();
    await page.locator('.create-segment .chart canvas').waitFor();
    await dragAcross(page, '.create-segment', 0.1, 0.35);
    await page.locator('.activity-map-frame').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: screenshotPath('create-segment-desktop') });

    await page.goto(`${server.url}/segments`);
    await page.locator('.explore-map[data-map-state=ready]').waitFor({ timeout: 30_000 });
    await page.getByRole('list', { name: 'Segments in view' }).waitFor();
    await page.screenshot({ path: screenshotPath('segment-explorer-desktop') });

    await page.goto(`${server.url}/leaderboards`);
    await page.locator('table.board tbody tr').nth(1).waitFor();
    await page.screenshot({ path: screenshotPath('athlete-leaderboard-desktop') });
    await desktop.close();
  }, 120_000);
});
