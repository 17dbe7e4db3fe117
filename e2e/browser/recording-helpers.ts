/**
 * What the recording tests share: an athlete signed up through the API, a GPS the test moves
 * (navigator.geolocation replaced by an init script, so each fix is stamped with the page's
 * faked clock — Chromium's own geolocation override stamps fixes with the real time), a route
 * to run, and reads of what the server finally holds.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_PATH, FLAGS, screenshotPath } from './harness.js';

export interface Athlete {
  id: string;
  access_token: string;
  refresh_token: string;
}

export async function signUp(base: string, handle: string): Promise<Athlete> {
  const res = await fetch(`${base}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ handle, email: `${handle}@example.test`, password: 'correct horse 1' }),
  });
  expect(res.status).toBe(201);
  const s = (await res.json()) as Athlete & { athlete: { id: string } };
  return { id: s.athlete.id, access_token: s.access_token, refresh_token: s.refresh_token };
}

export async function apiGet<T>(base: string, athlete: Athlete, path: string): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}`, {
    headers: { authorization: `Bearer ${athlete.access_token}` },
  });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface SavedActivity {
  id: string;
  name: string;
  state: string;
  distance: number;
  moving_time: number;
  elapsed_time: number;
  total_elevation_gain: number | null;
}

/** The athlete's activities on the server, and each one's number of stored samples. */
export async function serverActivities(base: string, athlete: Athlete) {
  const page = await apiGet<{ items: SavedActivity[] }>(base, athlete, '/activities?limit=50');
  return Promise.all(
    page.items.map(async (a) => {
      const streams = await apiGet<Record<string, { data: unknown[] }>>(
        base,
        athlete,
        `/activities/${a.id}/streams?keys=time,latlng`,
      );
      const times = streams.time!.data as number[];
      return { ...a, times, latlng: streams.latlng!.data.length };
    }),
  );
}

/** Replaces navigator.geolocation with a source the test drives through window.__gps. */
export const FAKE_GPS = `(() => {
  const watchers = new Map();
  let nextId = 1;
  let queue = [];
  let timer = null;
  const fire = (lat, lng, alt) => {
    const position = {
      coords: { latitude: lat, longitude: lng, altitude: alt, accuracy: 5, altitudeAccuracy: 8,
        heading: null, speed: null },
      timestamp: Date.now(),
    };
    for (const w of watchers.values()) w.ok(position);
  };
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: {
      watchPosition(ok, err) { const id = nextId++; watchers.set(id, { ok, err }); return id; },
      clearWatch(id) { watchers.delete(id); },
      getCurrentPosition() {},
    },
  });
  window.__gps = {
    /** Emits one fix per intervalMs of the page's clock, from the given [lat, lng, alt]s. */
    play(fixes, intervalMs) {
      queue = queue.concat(fixes);
      if (timer === null) timer = setInterval(() => {
        const f = queue.shift();
        if (f) fire(f[0], f[1], f[2]);
        if (!queue.length) { clearInterval(timer); timer = null; }
      }, intervalMs);
    },
    error(code) {
      for (const w of watchers.values())
        w.err({ code, message: 'emulated', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 });
    },
    watching() { return watchers.size; },
  };
})();`;

export type Fix = [lat: number, lng: number, alt: number];

const M_PER_DEG = 111_320;

/**
 * A run of `n` one-second fixes from `from`, at `speed` m/s, turning every `legS` seconds a
 * quarter turn to the left (a lap of a block), with gentle hills.
 */
export function runRoute(from: Fix, n: number, speed = 3.4, legS = 250): Fix[] {
  const out: Fix[] = [];
  let [lat, lng] = from;
  for (let i = 1; i <= n; i++) {
    const heading = (Math.floor(i / legS) % 4) * (Math.PI / 2); // east, north, west, south
    lat += (speed * Math.sin(heading)) / M_PER_DEG;
    lng += (speed * Math.cos(heading)) / (M_PER_DEG * Math.cos((lat * Math.PI) / 180));
    out.push([lat, lng, from[2] + 12 * Math.sin(i / 90)]);
  }
  return out;
}

/** The athlete standing at `at` for `n` seconds (the fixes a paused phone still gets). */
export const standStill = (at: Fix, n: number): Fix[] => Array.from({ length: n }, () => at);

/** Emits the fixes one second apart on the faked clock. */
export async function playFixes(page: Page, fixes: Fix[]): Promise<void> {
  await page.evaluate((f) => (window as unknown as GpsWindow).__gps.play(f, 1000), fixes);
  await page.clock.runFor(fixes.length * 1000);
}

/** Emits the fixes and waits until the record screen counts `expectRecorded` points. */
export async function runFixes(page: Page, fixes: Fix[], expectRecorded: number): Promise<void> {
  await playFixes(page, fixes);
  await waitForPoints(page, expectRecorded);
}

/**
 * A screenshot for people to look at, after letting the paused clock run past the map's
 * redraw interval so the map shows the latest route (its frames need the clock to move).
 */
export async function snapshot(page: Page, name: string): Promise<void> {
  await page.clock.runFor(11_000);
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshotPath(name) });
}

/**
 * Waits until the service worker controls the page (it precaches the whole build first, map
 * library included, which takes a while on a busy machine). Polls from the test's side:
 * Playwright's own polling runs on animation frames, which the paused clock holds back.
 */
export async function waitForServiceWorker(page: Page, timeoutMs = 45_000): Promise<void> {
  const state = () =>
    page.evaluate(async () => {
      if (navigator.serviceWorker.controller) return 'controlling';
      const r = await navigator.serviceWorker.getRegistration();
      return r
        ? `installing: ${r.installing?.state ?? '-'}, waiting: ${r.waiting?.state ?? '-'}, active: ${r.active?.state ?? '-'}`
        : 'not registered';
    });
  for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
    if ((await state()) === 'controlling') return;
    await page.waitForTimeout(200);
  }
  throw new Error(`the service worker does not control the page (${await state()})`);
}

/** Waits until the app watches the GPS. */
export async function waitForGpsWatch(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as GpsWindow).__gps.watching() > 0);
}

/**
 * Waits for `selector` while nudging the paused clock: React reveals lazily loaded screens
 * after a short timer, which a paused clock would otherwise never fire.
 */
export async function untilShown(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await page.$(selector)) return;
    await page.clock.runFor(100);
    await page.waitForTimeout(50);
  }
  const body = await page.evaluate(() => (document.body.textContent ?? '').slice(0, 400));
  throw new Error(`${selector} did not appear; the page shows:\n${body}`);
}

export async function waitForPoints(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (want) =>
      document.querySelector('[data-testid=record-page]')?.getAttribute('data-points') ===
      String(want),
    n,
    { timeout: 30_000 },
  );
}

interface GpsWindow {
  __gps: {
    play(fixes: Fix[], intervalMs: number): void;
    error(code: number): void;
    watching(): number;
  };
}

export async function gpsError(page: Page, code: number): Promise<void> {
  await page.evaluate((c) => (window as unknown as GpsWindow).__gps.error(c), code);
}

/** The raw number behind a stat on the record screen (metres, seconds). */
export async function statValue(page: Page, testId: string): Promise<number> {
  const v = await page.getAttribute(`[data-testid=${testId}]`, 'data-value');
  return Number(v);
}

/** Opens the app signed in as `athlete` (tokens where the app keeps them). */
export async function signIn(page: Page, base: string, athlete: Athlete): Promise<void> {
  await page.goto(`${base}/login`);
  await page.evaluate((t) => localStorage.setItem('stride.tokens', JSON.stringify(t)), {
    access_token: athlete.access_token,
    refresh_token: athlete.refresh_token,
  });
}

/**
 * A phone-sized page in `context` with the test's GPS and a paused clock from `startIso`,
 * signed in as `athlete`, on the record screen (or `path`).
 */
export async function openRecordScreen(
  context: BrowserContext,
  base: string,
  athlete: Athlete,
  startIso: string,
  path = '/record',
): Promise<Page> {
  await context.addInitScript(FAKE_GPS);
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 760 });
  const start = new Date(startIso).getTime();
  await page.clock.install({ time: start });
  await page.clock.pauseAt(start + 60_000);
  await signIn(page, base, athlete);
  await page.goto(`${base}${path}`);
  return page;
}

export const LYON: Fix = [45.7578, 4.832, 170];

export interface OwnChromium {
  child: ChildProcess;
  browser: Browser;
  /** SIGKILL: no unload handlers, no shutdown of the profile — as when a phone kills the app. */
  kill(): Promise<void>;
}

/**
 * Chromium started as our own process on a given profile folder and driven over CDP, so the
 * test can kill it outright (Playwright's launchers only close browsers politely).
 */
export async function launchOwnChromium(profileDir: string): Promise<OwnChromium> {
  const child = spawn(
    CHROMIUM_PATH,
    [
      ...FLAGS,
      '--headless',
      '--remote-debugging-port=0',
      `--user-data-dir=${profileDir}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ws = await new Promise<string>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${err}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited with ${code}:\n${err}`)));
  });
  const browser = await chromium.connectOverCDP(ws);
  return {
    child,
    browser,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
