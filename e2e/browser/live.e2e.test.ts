/**
 * Live tracking in the browser: an athlete records with live sharing on and hands out a safety
 * link; a follower (signed in, through "Live now") and a link holder (no account) watch the dot
 * move, see "Last seen" while the recorder is offline, catch up with every point when it is
 * back, and see the activity saved.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, startTestServer, type TestServer } from './harness.js';
import {
  LYON,
  openRecordScreen,
  runFixes,
  runRoute,
  signIn,
  signUp,
  untilShown,
} from './recording-helpers.js';

const POLL = { timeout: 45_000, interval: 250 };

/** What a live page shows: points received, points played, the dot, the status. */
async function viewerState(page: Page) {
  return page.evaluate(() => {
    const map = document.querySelector('[data-testid=live-map]');
    const status = document.querySelector('[data-testid=live-status]');
    return {
      points: Number(map?.getAttribute('data-points') ?? -1),
      played: Number(map?.getAttribute('data-played') ?? -1),
      dot: map?.getAttribute('data-dot') ?? '',
      status: status?.getAttribute('data-status') ?? '',
    };
  });
}

describe.runIf(hasChromium)('live tracking', () => {
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

  it('a follower and a safety-link holder watch a run live, through an offline stretch, to the save', {
    timeout: 240_000,
  }, async () => {
    const base = server.url;
    const ann = await signUp(base, 'live_ann');
    const ben = await signUp(base, 'live_ben');
    const follow = await fetch(`${base}/api/v1/athletes/live_ann/follow`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${ben.access_token}` },
    });
    expect(((await follow.json()) as { state: string }).state).toBe('following');

    // The recorder: the page's clock is paused and moved by the test (the server refuses
    // points far ahead of its own clock, so it starts now).
    const recorderContext = await browser.newContext();
    const rec = await openRecordScreen(recorderContext, base, ann, new Date().toISOString());
    await untilShown(rec, '[data-phase=idle]');
    await rec.getByLabel('Share live with followers').check();
    await rec.getByRole('button', { name: 'Start' }).click();
    await rec.waitForSelector('[data-phase=running]');
    const route = runRoute(LYON, 400);
    await runFixes(rec, route.slice(0, 60), 60);
    await rec.clock.runFor(2000);
    await expect
      .poll(() => rec.getAttribute('[data-testid=live-status]', 'data-pending'), POLL)
      .toBe('0');

    await rec.getByRole('button', { name: 'Add a safety link' }).click();
    const link = await rec
      .getByLabel('New safety link (shown once)')
      .inputValue({ timeout: 20_000 });
    expect(link).toMatch(/\/live\/link\/[A-Za-z0-9_-]{43}$/);
    // The recorder's clock is paused: move it on so the list's refetch is rendered.
    await expect
      .poll(async () => {
        await rec.clock.runFor(100);
        return rec.getByRole('button', { name: 'Revoke' }).count();
      }, POLL)
      .toBe(1);
    const token = link.split('/').at(-1)!;

    // The follower finds the run under "Live now" on the feed.
    const followerContext = await browser.newContext();
    const follower = await followerContext.newPage();
    await signIn(follower, base, ben);
    await follower.goto(`${base}/`);
    const liveNow = follower.getByRole('region', { name: 'Live now' });
    await liveNow.getByRole('link').first().click({ timeout: 20_000 });
    await follower.waitForURL(/\/live\/[0-9a-f-]{36}$/);

    // The link holder has no account.
    const guestContext = await browser.newContext();
    const guest = await guestContext.newPage();
    await guest.goto(link);

    const viewers = [follower, guest];
    for (const v of viewers) {
      await expect.poll(async () => (await viewerState(v)).points, POLL).toBeGreaterThan(0);
      await expect.poll(async () => (await viewerState(v)).dot, POLL).not.toBe('');
      await expect.poll(async () => (await viewerState(v)).status, POLL).toBe('live');
    }
    expect(await guest.getByTestId('live-status').textContent()).toContain('Live');

    // The athlete runs on: the track grows and the dot moves along it.
    const before = await Promise.all(viewers.map(viewerState));
    await runFixes(rec, route.slice(60, 120), 120);
    await rec.clock.runFor(2000);
    for (const [i, v] of viewers.entries()) {
      await expect
        .poll(async () => (await viewerState(v)).points, POLL)
        .toBeGreaterThan(before[i]!.points);
      await expect.poll(async () => (await viewerState(v)).dot, POLL).not.toBe(before[i]!.dot);
      await expect
        .poll(async () => (await viewerState(v)).played, POLL)
        .toBeGreaterThan(before[i]!.played);
    }

    // Offline: the recorder keeps every fix; the viewers hear nothing and say when they last did.
    const sentBefore = await Promise.all(viewers.map(viewerState));
    await recorderContext.setOffline(true);
    await runFixes(rec, route.slice(120, 200), 200);
    await rec.clock.runFor(2000);
    await expect
      .poll(
        async () => Number(await rec.getAttribute('[data-testid=live-status]', 'data-pending')),
        POLL,
      )
      .toBeGreaterThan(10);
    for (const v of viewers) {
      await expect
        .poll(async () => (await viewerState(v)).status, { ...POLL, timeout: 90_000 })
        .toBe('stale');
      await expect(v.getByText(/Last seen \d+ (s|min) ago/).count()).resolves.toBe(1);
    }
    for (const [i, v] of viewers.entries())
      expect((await viewerState(v)).points).toBe(sentBefore[i]!.points);

    // Back online: the backlog goes out in order and the viewers catch up with every point.
    await recorderContext.setOffline(false);
    await rec.clock.runFor(2000);
    await expect
      .poll(async () => {
        await rec.clock.runFor(1000);
        return rec.getAttribute('[data-testid=live-status]', 'data-pending');
      }, POLL)
      .toBe('0');
    const shared = async () => {
      const res = await fetch(`${base}/api/v1/live/${token}`);
      return ((await res.json()) as { snapshot: { points: unknown[] } }).snapshot.points.length;
    };
    const all = await shared();
    expect(all).toBeGreaterThan(sentBefore[1]!.points + 60);
    for (const v of viewers) {
      await expect.poll(async () => (await viewerState(v)).points, POLL).toBe(all);
      await expect.poll(async () => (await viewerState(v)).status, POLL).toBe('live');
    }

    // Save: the follower is offered the activity, the link holder sees it saved.
    await rec.getByRole('button', { name: 'Pause' }).click();
    await rec.getByRole('button', { name: 'Finish' }).click();
    await rec.waitForSelector('[data-phase=finished]');
    await rec.getByLabel('Name').fill('Watched run');
    await rec.getByRole('button', { name: 'Save' }).click();
    await rec.waitForSelector('[data-phase=idle]');
    for (const v of viewers)
      await expect.poll(async () => (await viewerState(v)).status, POLL).toBe('saved');
    const toActivity = follower.getByRole('link', { name: 'Saved — see the activity' });
    expect(await toActivity.getAttribute('href')).toMatch(/^\/activities\/[0-9a-f-]{36}$/);
    expect(await guest.getByRole('link', { name: 'Saved — see the activity' }).count()).toBe(0);
    await toActivity.click();
    await follower.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => follower.getByRole('heading', { name: 'Watched run' }).count(), POLL)
      .toBe(1);

    await Promise.all([recorderContext, followerContext, guestContext].map((c) => c.close()));
  });
});
