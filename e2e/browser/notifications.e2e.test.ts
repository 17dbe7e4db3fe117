/**
 * Notifications in the web app, in Chromium: an athlete signed in on the feed sees the bell's
 * badge count a new follower the moment another athlete follows her (through the API), with no
 * reload — the live stream over Server-Sent Events — and the notifications page lists it and
 * marks it read. The offer of notifications on this device waits for that first follower; it
 * never shows on first load. Screenshots at phone and desktop sizes go to
 * test-artifacts/screenshots. Throughout, the server's Content-Security-Policy must not block
 * anything the app does.
 */
import type { Browser } from 'playwright-core';
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
const DESKTOP = { width: 1280, height: 800 };

describe.runIf(hasChromium)('web app in Chromium: notifications', () => {
  let server: TestServer;
  let browser: Browser;
  let ana: Athlete;
  let ben: Athlete;

  const { call, signUp } = testApi(() => server.url);

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    [ana, ben] = await Promise.all([signUp('ana', 'Ana Lima'), signUp('ben', 'Ben Okafor')]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('counts a new follower on the bell at once, and lists it on the notifications page', async () => {
    const problems: string[] = [];
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await recordCspViolations(page, problems);

    await logIn(page, server.url, ana.handle);
    await page.getByRole('tab', { name: 'Following' }).waitFor();
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    expect(await bell.getAttribute('aria-label')).toBe('Notifications');
    expect(await notificationBadge(page)).toBe(null);
    // Never asked on first load.
    const prompt = page.getByRole('complementary', { name: 'Notifications on this device' });
    expect(await prompt.count()).toBe(0);
    // Whether the stream opens before or after the follow, the badge gets there: the stream's
    // first event is the count as it is then.
    const follow = await call(ben, 'PUT', '/athletes/ana/follow');
    expect(await follow.json()).toEqual({ state: 'following' });
    await expect.poll(() => notificationBadge(page), { timeout: 15_000 }).toBe('1');
    expect(await bell.getAttribute('aria-label')).toBe('Notifications, 1 unread');
    // The first follower is the moment to offer notifications on this device (when the
    // browser has not been asked yet).
    if ((await page.evaluate(() => Notification.permission)) === 'default') {
      await prompt.waitFor();
      await page.screenshot({ path: screenshotPath('notifications-phone-prompt') });
      await prompt.getByRole('button', { name: 'Not now' }).click();
      expect(await prompt.count()).toBe(0);
    }
    await page.screenshot({ path: screenshotPath('notifications-phone-badge') });

    await bell.click();
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    const item = page.getByRole('list', { name: 'Notifications' }).getByRole('listitem');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.first().textContent()).toContain('Ben Okafor started following you');
    expect(
      await item
        .first()
        .getByRole('link', { name: 'Ben Okafor started following you' })
        .getAttribute('href'),
    ).toBe('/athletes/ben');
    expect(await item.first().getByRole('link', { name: 'Ben Okafor', exact: true }).count()).toBe(
      1,
    );
    await page.screenshot({ path: screenshotPath('notifications-phone-list') });

    await page.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => notificationBadge(page)).toBe(null);
    expect(await page.getByRole('button', { name: 'Mark all read' }).isDisabled()).toBe(true);
    const unread = (await (await call(ana, 'GET', '/notifications/unread-count')).json()) as {
      unread_count: number;
    };
    expect(unread.unread_count).toBe(0);

    // On a desktop the bell sits beside the main navigation; the list is the same. Settings
    // have a row per kind: in the app, and pushed.
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: screenshotPath('notifications-desktop-list') });
    await page.goto(`${server.url}/settings`);
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    // Kudos off in the app: nothing of them is kept, so nothing could be pushed either.
    await page.getByRole('checkbox', { name: 'Kudos on my activities in the app' }).click();
    const pushed = page.getByRole('checkbox', { name: 'Kudos on my activities pushed' });
    // Both change once the setting is saved (the row is also disabled while it is being saved).
    await expect
      .poll(async () => ({
        disabled: await pushed.isDisabled(),
        checked: await pushed.isChecked(),
      }))
      .toEqual({ disabled: true, checked: false });
    const settings = (await (await call(ana, 'GET', '/me/notification-settings')).json()) as Record<
      string,
      { in_app: boolean; push: boolean }
    >;
    expect(settings.kudos).toEqual({ in_app: false, push: false });
    expect(settings.follower).toEqual({ in_app: true, push: true });
    await page
      .getByRole('region', { name: 'Notifications' })
      .screenshot({ path: screenshotPath('notifications-desktop-settings') });
    await context.close();
    expect(problems).toEqual([]);
  });
});
