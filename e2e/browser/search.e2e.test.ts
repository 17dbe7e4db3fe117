/**
 * Finding people in the web app, in Chromium: a misspelled name typed into the header's search
 * field finds the athlete, who is followed from the results (the button turns to Following in
 * place and the follow exists); an athlete whose feed is empty is shown who to follow, with a
 * friend of a friend and the reason. Athletes and follows are set up through the API; what is
 * under test is done and checked in the UI. Screenshots at phone and desktop sizes go to
 * test-artifacts/screenshots. Throughout, the server's Content-Security-Policy must not block
 * anything the app does.
 */
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
import { type Athlete, logIn, testApi } from './test-api.js';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

describe.runIf(hasChromium)('web app in Chromium: search athletes, who to follow', () => {
  let server: TestServer;
  let browser: Browser;
  let ines: Athlete;
  let nora: Athlete;
  let lea: Athlete;

  const { call, signUp } = testApi(() => server.url);

  async function follow(follower: Athlete, followee: string): Promise<void> {
    const res = await call(follower, 'PUT', `/athletes/${followee}/follow`);
    expect(await res.json()).toEqual({ state: 'following' });
  }

  /** A signed-in page (logged in through the form) that records CSP violations and errors. */
  async function signedIn(
    who: Athlete,
    viewport: typeof PHONE,
    problems: string[],
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, hasTouch: viewport === PHONE });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await recordCspViolations(page, problems);
    await logIn(page, server.url, who.handle);
    await page.getByRole('tab', { name: 'Following' }).waitFor();
    return { context, page };
  }

  beforeAll(async () => {
    server = await startTestServer({ STRIDE_AUTH_RATE_LIMIT: '1000' });
    browser = await launchBrowser();
    ines = await signUp('ines', 'Inès Viewer');
    nora = await signUp('nora', 'Nora Newcomer');
    lea = await signUp('lea_m', 'Léa Martin');
    await signUp('camille_r', 'Camille Rousseau');
    await signUp('camembert', 'Marc Dupont');
    await signUp('hugo_a', 'Hugo Ami');
    // Nora follows Léa, who follows Hugo: Hugo is a friend of a friend of Nora's.
    await follow(nora, 'lea_m');
    await follow(lea, 'hugo_a');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('finds a misspelled name from the header and follows from the results', async () => {
    const problems: string[] = [];
    const { context, page } = await signedIn(ines, PHONE, problems);

    // "camile" (one l short) typed into the header's field, then Enter.
    const header = page.locator('header').getByRole('searchbox', { name: 'Search athletes' });
    await header.fill('camile');
    await page.screenshot({ path: screenshotPath('search-header-phone') });
    await header.press('Enter');
    await page.waitForURL(/\/search\?q=camile$/);
    const results = page.getByRole('list', { name: 'Athletes found' });
    const camille = results.locator('li[data-handle="camille_r"]');
    await camille.getByText('Camille Rousseau').waitFor();
    await expect.poll(() => camille.getByText('@camille_r').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('search-results-phone') });

    // Follow in place: the button says Following, and the follow exists.
    await camille.getByRole('button', { name: 'Follow: Camille Rousseau' }).click();
    await camille
      .getByRole('button', { name: 'Following: Camille Rousseau', pressed: true })
      .waitFor();
    const profile = await call(ines, 'GET', '/athletes/camille_r');
    expect(((await profile.json()) as { follow_state: string }).follow_state).toBe('following');
    const following = await call(ines, 'GET', '/athletes/ines/following');
    expect(((await following.json()) as { items: { handle: string }[] }).items).toEqual([
      expect.objectContaining({ handle: 'camille_r' }),
    ]);
    await page.screenshot({ path: screenshotPath('search-followed-phone') });

    // Typing on the search page searches as one types; accents do not matter.
    const field = page.getByRole('main').getByRole('searchbox', { name: 'Search athletes' });
    await field.fill('lea');
    await page.waitForURL(/\/search\?q=lea$/);
    await results.locator('li[data-handle="lea_m"]').getByText('Léa Martin').waitFor();
    await context.close();
    expect(problems).toEqual([]);
  });

  it('shows who to follow on an empty feed: a friend of a friend, with the reason', async () => {
    const problems: string[] = [];
    const { context, page } = await signedIn(nora, DESKTOP, problems);
    // Léa posted nothing, so Nora's feed is empty and suggests whom to follow.
    const suggestions = page.getByRole('region', { name: 'Who to follow' });
    const hugo = suggestions.locator('li[data-handle="hugo_a"]');
    await hugo.getByText('Hugo Ami').waitFor();
    await hugo.getByText('followed by Léa Martin').waitFor();
    await page.screenshot({ path: screenshotPath('feed-who-to-follow-desktop') });

    // The search page shows the same suggestions before anything is typed; Nora follows Hugo
    // from there, in place.
    await page.getByRole('link', { name: 'Find athletes' }).click();
    await page.getByRole('heading', { name: 'Find athletes' }).waitFor();
    const there = page.getByRole('region', { name: 'Who to follow' });
    const hugoThere = there.locator('li[data-handle="hugo_a"]');
    await hugoThere.getByText('followed by Léa Martin').waitFor();
    await page.screenshot({ path: screenshotPath('search-before-typing-desktop') });
    await hugoThere.getByRole('button', { name: 'Follow: Hugo Ami' }).click();
    await hugoThere.getByRole('button', { name: 'Following: Hugo Ami', pressed: true }).waitFor();
    const profile = await call(nora, 'GET', '/athletes/hugo_a');
    expect(((await profile.json()) as { follow_state: string }).follow_state).toBe('following');
    await context.close();
    expect(problems).toEqual([]);
  });
});
