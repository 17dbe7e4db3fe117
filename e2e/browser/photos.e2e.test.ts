/**
 * Photos in the web app: Ann's run (uploaded through the API, visible to everyone) gets photos
 * from its page's "Add photos" control, each with its progress bar; the gallery shows their
 * thumbs, the viewer shows them large (next, previous, Escape), and Ann deletes one there. Ben,
 * who follows Ann, sees the first photo on the run's card in his feed. No Content-Security-
 * Policy violation throughout; screenshots go to test-artifacts/screenshots.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator } from 'playwright-core';
import sharp from 'sharp';
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
const RUN = resolve(ROOT, 'e2e/fixtures/forerunner-run-hr.tcx');
const PHONE = { width: 360, height: 740 };

interface Tokens {
  access_token: string;
  refresh_token: string;
}

async function signUp(server: TestServer, handle: string, name: string): Promise<Tokens> {
  const res = await fetch(`${server.url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      handle,
      email: `${handle}@example.com`,
      password: 'password123',
      display_name: name,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as Tokens;
}

async function apiGet<T>(server: TestServer, tokens: Tokens, path: string): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    headers: { authorization: `Bearer ${tokens.access_token}` },
  });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

/** A browser profile signed in as this athlete (the app keeps its tokens in localStorage). */
function signedIn(browser: Browser, server: TestServer, tokens: Tokens): Promise<BrowserContext> {
  return browser.newContext({
    viewport: PHONE,
    storageState: {
      cookies: [],
      origins: [
        {
          origin: server.url,
          localStorage: [{ name: 'stride.tokens', value: JSON.stringify(tokens) }],
        },
      ],
    },
  });
}

/** Whether an <img> has drawn its picture (decoded, with a size). */
function loaded(img: Locator): Promise<boolean> {
  return img.evaluate(
    (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0,
  );
}

describe.runIf(hasChromium)('photos in the web app, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let folder: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    folder = mkdtempSync(join(tmpdir(), 'stride-photos-'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('adds photos with progress, shows them in a gallery and a viewer, and on a follower’s feed', async () => {
    const ann = await signUp(server, 'ann', 'Ann Lee');
    const ben = await signUp(server, 'ben', 'Ben Roy');
    const follow = await fetch(`${server.url}/api/v1/athletes/ann/follow`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${ben.access_token}` },
    });
    expect(follow.status).toBeLessThan(300);

    // Ann's run, uploaded through the API for everyone to see.
    const form = new FormData();
    form.append('file', new Blob([readFileSync(RUN)]), 'forerunner-run-hr.tcx');
    form.append('visibility', 'everyone');
    const accepted = await fetch(`${server.url}/api/v1/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ann.access_token}` },
      body: form,
    });
    expect(accepted.status).toBe(202);
    const uploadId = ((await accepted.json()) as { id: string }).id;
    await expect
      .poll(
        async () => (await apiGet<{ status: string }>(server, ann, `/uploads/${uploadId}`)).status,
        { timeout: 60_000 },
      )
      .toBe('ready');
    const { activity_id: runId } = await apiGet<{ activity_id: string }>(
      server,
      ann,
      `/uploads/${uploadId}`,
    );

    // Two photos from a phone: a large one (about 2 MB of noise, slow to send on purpose) with
    // the camera's GPS position, and a small one.
    const big = join(folder, 'IMG_0101.jpg');
    const small = join(folder, 'IMG_0102.jpg');
    writeFileSync(
      big,
      await sharp({
        create: {
          width: 2400,
          height: 1600,
          channels: 3,
          noise: { type: 'gaussian', mean: 120, sigma: 40 },
        },
      })
        .jpeg({ quality: 90 })
        .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 45/1 36/1' } })
        .toBuffer(),
    );
    writeFileSync(
      small,
      await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#2a7de1' } })
        .jpeg()
        .toBuffer(),
    );

    const phone = await signedIn(browser, server, ann);
    const page = await phone.newPage();
    const errors: string[] = [];
    const violations: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await recordCspViolations(page, violations);
    await page.goto(`${server.url}/activities/${runId}`);
    const photos = page.getByRole('region', { name: 'Photos' });
    await photos.waitFor();

    // A slow uplink (150 kB/s), so the first photo's progress bar is seen moving.
    const cdp = await phone.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 150_000,
    });
    await photos.locator('input[type=file]').setInputFiles([big, small]);
    const bar = photos.getByRole('progressbar', { name: 'Sending IMG_0101.jpg' });
    await expect
      .poll(async () => Number((await bar.getAttribute('value').catch(() => '0')) ?? 0), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    await photos.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: screenshotPath('photos-progress') });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    // Both arrive in the gallery, in the order chosen, and the list of uploads empties.
    const thumbs = photos.getByRole('list', { name: 'Photos of this activity' }).locator('img');
    await expect.poll(() => thumbs.count(), { timeout: 60_000 }).toBe(2);
    await expect.poll(() => photos.locator('.upload-item').count()).toBe(0);
    for (const i of [0, 1]) await expect.poll(() => loaded(thumbs.nth(i))).toBe(true);
    const listed = await apiGet<{ items: { id: string; width: number; height: number }[] }>(
      server,
      ann,
      `/activities/${runId}/photos`,
    );
    expect(listed.items.map((p) => [p.width, p.height])).toEqual([
      [1600, 1067],
      [900, 1200],
    ]);
    await photos.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: screenshotPath('photos-gallery') });

    // The viewer: large, next and previous by button and key, closed with Escape.
    await photos.getByRole('button', { name: 'Open photo 1 of 2' }).click();
    const viewer = page.getByRole('dialog', { name: 'Photo 1 of 2' });
    await viewer.waitFor();
    const large = viewer.locator('img.photo-large');
    await expect.poll(() => loaded(large)).toBe(true);
    expect(await large.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1600);
    await page.screenshot({ path: screenshotPath('photos-viewer') });
    await viewer.getByRole('button', { name: 'Next photo' }).click();
    await page.getByRole('dialog', { name: 'Photo 2 of 2' }).waitFor();
    await expect
      .poll(() =>
        page
          .locator('dialog img.photo-large')
          .evaluate((el) => (el as HTMLImageElement).naturalWidth),
      )
      .toBe(900);
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('dialog', { name: 'Photo 1 of 2' }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('dialog.photo-viewer').waitFor({ state: 'detached' });

    // Ben, following Ann, sees the first photo on her run's card.
    const bens = await signedIn(browser, server, ben);
    const feed = await bens.newPage();
    await recordCspViolations(feed, violations);
    feed.on('pageerror', (e) => errors.push(e.message));
    await feed.goto(`${server.url}/`);
    const card = feed.locator('.activity-card', { hasText: 'Ann Lee' });
    await card.waitFor();
    const cover = card.locator('img.card-photo-image');
    await expect.poll(() => cover.count()).toBe(1);
    await expect.poll(() => loaded(cover)).toBe(true);
    expect(await cover.getAttribute('data-photo')).toBe(
      `/api/v1/activities/${runId}/photos/${listed.items[0]!.id}/thumb`,
    );
    expect(await card.locator('.photo-count').textContent()).toBe('+1');
    await feed.screenshot({ path: screenshotPath('photos-feed-card') });
    // Not his run: he sees the photos but cannot add any.
    await feed.goto(`${server.url}/activities/${runId}`);
    await feed.getByRole('region', { name: 'Photos' }).locator('img').first().waitFor();
    expect(await feed.getByText('Add photos').count()).toBe(0);

    // Ann deletes the first photo from the viewer, behind a confirmation.
    await photos.getByRole('button', { name: 'Open photo 1 of 2' }).click();
    const open = page.getByRole('dialog', { name: 'Photo 1 of 2' });
    await open.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this photo?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Photo 1 of 1' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => thumbs.count()).toBe(1);
    const left = await apiGet<{ items: { id: string }[] }>(
      server,
      ann,
      `/activities/${runId}/photos`,
    );
    expect(left.items.map((p) => p.id)).toEqual([listed.items[1]!.id]);

    // The same page at desktop size.
    const desktop = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      storageState: await phone.storageState(),
    });
    const wide = await desktop.newPage();
    await recordCspViolations(wide, violations);
    await wide.goto(`${server.url}/activities/${runId}`);
    const widePhotos = wide.getByRole('region', { name: 'Photos' });
    await expect.poll(() => loaded(widePhotos.locator('img').first())).toBe(true);
    await widePhotos.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await wide.screenshot({ path: screenshotPath('photos-desktop') });
    await desktop.close();

    await phone.close();
    await bens.close();
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
  }, 240_000);
});
