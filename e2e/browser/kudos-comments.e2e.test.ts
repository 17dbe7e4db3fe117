/**
 * The social loop in the web app, in Chromium: Ben follows Ana; Ana's run (a GPX made here and
 * uploaded through the API, visible to her followers) with a photo shows on Ben's feed, photo
 * and all, where he gives kudos from its card and the count goes up at once. On the run's page
 * he comments with a link and an @mention of Ana. Ana, signed in on her feed the whole time,
 * sees the notifications arrive on the bell without reloading, then reads the comment: the link
 * opens in a new tab without a referrer, the mention links to her page. No
 * Content-Security-Policy violation.
 */
import type { Browser, Page } from 'playwright-core';
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
import { type Athlete, logIn, notificationBadge, testApi } from './test-api.js';

const PHONE = { width: 360, height: 740 };

/** A 20-minute run going north from Lyon, one point every 10 s, as GPX. */
function gpxRun(): string {
  const start = Date.UTC(2026, 5, 1, 7, 0, 0);
  const points = Array.from({ length: 120 }, (_, i) => {
    const lat = (45.75 + i * 0.0003).toFixed(6);
    const time = new Date(start + i * 10_000).toISOString();
    return `<trkpt lat="${lat}" lon="4.85"><ele>170</ele><time>${time}</time></trkpt>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gpx version="1.1" creator="Stride tests" xmlns="http://www.topografix.com/GPX/1/1">' +
    `<trk><name>Morning by the river</name><type>running</type><trkseg>${points.join('')}</trkseg></trk></gpx>`
  );
}

describe.runIf(hasChromium)('web app in Chromium: kudos and comments', () => {
  let server: TestServer;
  let browser: Browser;
  let ana: Athlete;
  let ben: Athlete;

  const { call, signUp } = testApi(() => server.url);

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    [ana, ben] = await Promise.all([signUp('ana', 'Ana Lima'), signUp('ben', 'Ben Okafor')]);
    expect((await call(ben, 'PUT', '/athletes/ana/follow')).status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  /** Ana's run, uploaded through the API for her followers; its id once it is ready. */
  async function uploadRun(): Promise<string> {
    const form = new FormData();
    form.append('visibility', 'followers');
    form.append('file', new Blob([gpxRun()], { type: 'application/gpx+xml' }), 'river.gpx');
    const accepted = await call(ana, 'POST', '/uploads', form);
    expect(accepted.status).toBe(202);
    const upload = (await accepted.json()) as { id: string };
    await expect
      .poll(
        async () =>
          (await (await call(ana, 'GET', `/uploads/${upload.id}`)).json()) as {
            status: string;
            activity_id: string | null;
          },
        { timeout: 60_000 },
      )
      .toMatchObject({ status: 'ready', activity_id: expect.any(String) });
    const runId = (
      (await (await call(ana, 'GET', `/uploads/${upload.id}`)).json()) as {
        activity_id: string;
      }
    ).activity_id;
    // A photo from her phone, added through the API as the app sends it.
    const photo = new FormData();
    const jpeg = await sharp({
      create: { width: 1200, height: 800, channels: 3, background: '#d9822b' },
    })
      .jpeg()
      .toBuffer();
    photo.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'river.jpg');
    expect((await call(ana, 'POST', `/activities/${runId}/photos`, photo)).status).toBe(201);
    return runId;
  }

  async function open(handle: string): Promise<{ page: Page; problems: string[] }> {
    const problems: string[] = [];
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await recordCspViolations(page, problems);
    await logIn(page, server.url, handle);
    // Signed in once the feed shows (going elsewhere before would cut the login short).
    await page.getByRole('tab', { name: 'Following' }).waitFor();
    return { page, problems };
  }

  it('shows a run with its photo on the feed, takes kudos and a comment, and the owner hears at once', async () => {
    const runId = await uploadRun();
    // Ana stays signed in on her feed, never reloaded, while Ben reacts.
    const owner = await open(ana.handle);
    const bell = owner.page.getByTestId('notification-bell');
    await bell.waitFor();
    // Ben's follow is her one unread item so far.
    await expect.poll(() => notificationBadge(owner.page), { timeout: 15_000 }).toBe('1');

    const { page, problems } = await open(ben.handle);
    const card = page.locator('.activity-card', { hasText: 'Morning by the river' });
    await card.waitFor({ timeout: 30_000 });
    const cover = card.locator('img.card-photo-image');
    await expect
      .poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    expect(await card.getByTestId('kudos-count').textContent()).toBe('0 kudos');
    const give = card.getByRole('button', { name: 'Give kudos' });
    await give.click();
    // At once, then confirmed by the server (the button is pressed either way).
    await expect.poll(() => card.getByTestId('kudos-count').textContent()).toBe('1 kudo');
    await card.getByRole('button', { name: 'Take back kudos' }).waitFor();
    await expect
      .poll(
        async () =>
          (
            (await (await call(ana, 'GET', `/activities/${runId}`)).json()) as {
              kudos_count: number;
            }
          ).kudos_count,
      )
      .toBe(1);
    await page.screenshot({ path: screenshotPath('kudos-phone-feed') });

    await card.getByRole('link', { name: '0 comments' }).click();
    await page.getByRole('heading', { name: 'Morning by the river' }).waitFor();
    const kudos = page.getByRole('list', { name: 'Athletes who gave kudos' });
    await expect.poll(() => kudos.textContent()).toContain('Ben Okafor');

    const box = page.getByLabel('Add a comment');
    const text = 'Lovely route @ana! Map: https://example.org/river-loop';
    await box.fill(text);
    expect(await page.locator('#comment-count').textContent()).toBe(`${text.length} / 1000`);
    await page.getByRole('button', { name: 'Post' }).click();
    const comments = page.getByRole('list', { name: 'Comments' });
    await expect.poll(() => comments.getByRole('listitem').count()).toBe(1);
    expect(await box.inputValue()).toBe('');
    await page.screenshot({ path: screenshotPath('comments-phone-thread') });
    expect(problems).toEqual([]);
    await page.context().close();

    // Kudos, then the comment: two more items on Ana's bell, pushed over her open stream.
    await expect.poll(() => notificationBadge(owner.page), { timeout: 30_000 }).toBe('3');
    await bell.click();
    const items = owner.page.getByRole('list', { name: 'Notifications' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(3);
    const texts = await items.allTextContents();
    expect(texts.join('\n')).toContain('Ben Okafor gave kudos to Morning by the river');
    expect(texts.join('\n')).toContain('Ben Okafor commented on Morning by the river');
    await owner.page.screenshot({ path: screenshotPath('kudos-owner-notifications') });
    await owner.page.goto(`${server.url}/activities/${runId}`);
    const thread = owner.page.getByRole('list', { name: 'Comments' });
    const item = thread.getByRole('listitem');
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
    expect(await item.textContent()).toContain(text);
    const link = item.getByRole('link', { name: 'https://example.org/river-loop' });
    expect(await link.getAttribute('href')).toBe('https://example.org/river-loop');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(await item.getByRole('link', { name: '@ana' }).getAttribute('href')).toBe(
      '/athletes/ana',
    );
    // The owner may delete any comment on her activity; her own kudos count shows, no button.
    await item.getByRole('button', { name: 'Delete the comment of Ben Okafor' }).waitFor();
    expect(await owner.page.getByRole('button', { name: 'Give kudos' }).count()).toBe(0);
    expect(owner.problems).toEqual([]);
    await owner.page.context().close();
  });
});
