/**
 * Account and social settings in the web app, driven through the UI in Chromium: approving
 * follower requests (accept and decline), removing a follower, blocking and unblocking an
 * athlete, downloading my data, setting up two-factor login and logging in with a code,
 * deleting my account, and the import-warning notice a recovered FIT file gives its owner alone.
 * Athletes and their data are made through the API to keep the set-up short; what is under test
 * is done and checked in the UI. Screenshots go to test-artifacts/screenshots. Throughout, the
 * server's Content-Security-Policy must not block anything the app does.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'otplib';
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
import { type Athlete, logIn, PASSWORD, testApi } from './test-api.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const FIXTURES = resolve(ROOT, 'e2e/fixtures');
// Ana's followers-only activity: a 5.2 km run. The ride is uploaded later, damaged.
const RUN = resolve(FIXTURES, 'forerunner-run-hr.tcx');
const RIDE = resolve(FIXTURES, 'edge-ride-power.fit');

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

/** The ride with one bit of its file CRC (the last two bytes) flipped: readable, but recovered. */
function damagedRide(): Buffer {
  const bytes = Buffer.from(readFileSync(RIDE));
  bytes[bytes.length - 1]! ^= 0x01;
  return bytes;
}

/** The time step (30 s) of the current TOTP code, as the server counts them. */
const currentStep = () => Math.floor(Date.now() / 30_000);

describe.runIf(hasChromium)('web app in Chromium: followers, blocks, your data, two-factor', () => {
  let server: TestServer;
  let browser: Browser;
  let ana: Athlete;
  let ben: Athlete;
  let cleo: Athlete;
  /** Ana's run, which only her accepted followers may see. */
  let runId: string;

  const { call, signUp } = testApi(() => server.url);

  async function read<T>(who: Athlete, path: string): Promise<T> {
    const res = await call(who, 'GET', path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  }

  /** Who follows `who` (accepted followers), by handle. */
  async function followers(who: Athlete): Promise<string[]> {
    const page = await read<{ items: { handle: string }[] }>(
      who,
      `/athletes/${who.handle}/followers`,
    );
    return page.items.map((p) => p.handle);
  }

  /** `follower` asks to follow `owner`, who accepts: set-up done through the API. */
  async function makeFollower(follower: Athlete, owner: Athlete): Promise<void> {
    const asked = await call(follower, 'PUT', `/athletes/${owner.handle}/follow`);
    expect(await asked.json()).toEqual({ state: 'requested' });
    const accepted = await call(owner, 'POST', `/me/follow-requests/${follower.handle}/accept`);
    expect(accepted.ok).toBe(true);
  }

  /** A page that records its CSP violations and uncaught errors into `problems`. */
  async function open(context: BrowserContext, problems: string[]): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await recordCspViolations(page, problems);
    return page;
  }

  async function signedIn(
    who: Athlete,
    viewport: typeof PHONE,
    problems: string[],
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    const page = await open(context, problems);
    await logIn(page, server.url, who.handle);
    await page.getByRole('tab', { name: 'Following' }).waitFor();
    return { context, page };
  }

  /** Polls the number of elements `locator` matches until it is `n`. */
  const count = (locator: ReturnType<Page['locator']>, n: number) =>
    expect.poll(() => locator.count(), { timeout: 15_000 }).toBe(n);

  beforeAll(async () => {
    // Many sign-ups and logins from one address within a minute: more than the default limit.
    server = await startTestServer({ STRIDE_AUTH_RATE_LIMIT: '1000' });
    browser = await launchBrowser();
    [ana, ben, cleo] = await Promise.all([
      signUp('ana', 'Ana Lima'),
      signUp('ben', 'Ben Okafor'),
      signUp('cleo', 'Cleo Martin'),
    ]);
    const form = new FormData();
    form.append('file', new Blob([readFileSync(RUN)]), 'run.tcx');
    form.append('visibility', 'followers');
    const accepted = await call(ana, 'POST', '/uploads', form);
    expect(accepted.status).toBe(202);
    const { id } = (await accepted.json()) as { id: string };
    // Polled by hand: expect.poll is not available in beforeAll.
    const deadline = Date.now() + 90_000;
    let upload = { status: 'queued', activity_id: null as string | null };
    while (upload.status === 'queued' || upload.status === 'processing') {
      if (Date.now() > deadline) throw new Error(`upload ${id} still ${upload.status}`);
      await new Promise((r) => setTimeout(r, 250));
      upload = await read(ana, `/uploads/${id}`);
    }
    expect(upload.status).toBe('ready');
    runId = upload.activity_id!;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('asks for approval of followers: one request accepted, one declined', async () => {
    const problems: string[] = [];
    const a = await signedIn(ana, PHONE, problems);
    const b = await signedIn(ben, DESKTOP, problems);

    // Ana turns "approve followers" on in her settings.
    await a.page.goto(`${server.url}/settings`);
    const approve = a.page.getByLabel(/Approve followers/);
    expect(await approve.isChecked()).toBe(false);
    await approve.click();
    await expect.poll(() => approve.isChecked()).toBe(true);
    expect((await read<{ approve_followers: boolean }>(ana, '/me')).approve_followers).toBe(true);
    await a.page.reload();
    await a.page.getByRole('heading', { name: 'Follower requests' }).waitFor();
    expect(await approve.isChecked(), 'after a reload').toBe(true);

    // Ben asks to follow her from her profile: the button says the request waits.
    await b.page.goto(`${server.url}/athletes/ana`);
    await b.page.getByRole('heading', { name: 'Ana Lima' }).waitFor();
    await b.page.getByRole('button', { name: 'Follow', exact: true }).click();
    await b.page.getByRole('button', { name: 'Requested', pressed: true }).waitFor();
    // Cleo asks too (through the API).
    const asked = await call(cleo, 'PUT', '/athletes/ana/follow');
    expect(await asked.json()).toEqual({ state: 'requested' });
    expect(await followers(ana)).toEqual([]);
    // A request is not enough to see her followers-only run.
    expect((await call(ben, 'GET', `/activities/${runId}`)).status).toBe(404);

    // Both requests wait in Ana's settings.
    await a.page.reload();
    const accept = a.page.getByRole('button', { name: 'Accept Ben Okafor' });
    const declineCleo = a.page.getByRole('button', { name: 'Decline Cleo Martin' });
    await accept.waitFor();
    await declineCleo.waitFor();
    await a.page.getByRole('heading', { name: 'Follower requests' }).scrollIntoViewIfNeeded();
    await a.page.screenshot({ path: screenshotPath('settings-follower-requests') });

    // She accepts Ben: he moves to her followers.
    await accept.click();
    await a.page.getByRole('button', { name: 'Remove Ben Okafor' }).waitFor();
    await count(accept, 0);
    expect(await followers(ana)).toEqual(['ben']);

    // She declines Cleo: no request waits, and Cleo does not follow her.
    await declineCleo.click();
    await a.page.getByText('No requests waiting.').waitFor();
    await count(a.page.getByRole('button', { name: /Cleo Martin/ }), 0);
    expect(await followers(ana)).toEqual(['ben']);
    expect(
      (await read<{ follow_state: string }>(cleo, '/athletes/ana')).follow_state,
      'Cleo sees',
    ).toBe('none');
    await a.page.screenshot({ path: screenshotPath('settings-followers') });

    // Ben's view of her profile now says he follows her.
    await b.page.reload();
    await b.page.getByRole('button', { name: 'Following', exact: true, pressed: true }).waitFor();

    await a.context.close();
    await b.context.close();
    expect(problems).toEqual([]);
  }, 180_000);

  it('removes a follower, blocks an athlete from their profile and unblocks them in settings', async () => {
    const problems: string[] = [];
    const a = await signedIn(ana, PHONE, problems);
    const b = await signedIn(ben, DESKTOP, problems);
    const followersOnly = `/activities/${runId}`;
    expect((await call(ben, 'GET', followersOnly)).status, 'a follower sees it').toBe(200);

    // Ana removes Ben from her followers: he no longer sees her followers-only run.
    await a.page.goto(`${server.url}/settings`);
    await a.page.getByRole('button', { name: 'Remove Ben Okafor' }).click();
    await a.page.getByText('No followers yet.').waitFor();
    expect(await followers(ana)).toEqual([]);
    expect((await call(ben, 'GET', followersOnly)).status, 'once removed').toBe(404);

    // He follows her again (accepted through the API), and sees the run again.
    await makeFollower(ben, ana);
    expect((await call(ben, 'GET', followersOnly)).status, 'following again').toBe(200);
    await b.page.goto(`${server.url}${followersOnly}`);
    await b.page.locator('.activity-head h1').waitFor();

    // Ana blocks him from his profile, after confirming.
    await a.page.goto(`${server.url}/athletes/ben`);
    await a.page.getByRole('heading', { name: 'Ben Okafor' }).waitFor();
    await a.page.getByRole('button', { name: 'Block', exact: true }).click();
    const confirm = a.page.getByRole('group', { name: 'Block Ben Okafor?' });
    await confirm.waitFor();
    await a.page.screenshot({ path: screenshotPath('athlete-block-confirm') });
    await confirm.getByRole('button', { name: 'Block', exact: true }).click();
    await a.page.getByRole('button', { name: 'Unblock', exact: true }).waitFor();

    // Her settings list him as blocked; the follow between them ended.
    await a.page.goto(`${server.url}/settings`);
    const blocked = a.page.getByRole('region', { name: 'Blocked athletes' });
    const unblock = blocked.getByRole('button', { name: 'Unblock Ben Okafor' });
    await unblock.waitFor();
    await a.page.getByText('No followers yet.').waitFor();
    await blocked.scrollIntoViewIfNeeded();
    await a.page.screenshot({ path: screenshotPath('settings-blocked') });
    expect(await followers(ana)).toEqual([]);

    // Ben can no longer see her run, nor her profile, in the API or the app.
    expect((await call(ben, 'GET', followersOnly)).status, 'once blocked').toBe(404);
    await b.page.reload();
    await b.page.getByRole('heading', { name: 'Activity not found' }).waitFor();
    await b.page.goto(`${server.url}/athletes/ana`);
    await b.page.getByRole('heading', { name: 'Athlete not found' }).waitFor();

    // Unblocked in her settings, he leaves the list.
    await unblock.click();
    await blocked.getByText('You block nobody.').waitFor();
    await count(blocked.getByRole('listitem'), 0);
    expect((await read<{ items: unknown[] }>(ana, '/me/blocks')).items).toEqual([]);
    await b.page.reload();
    await b.page.getByRole('heading', { name: 'Ana Lima' }).waitFor();
    await b.page.getByRole('button', { name: 'Follow', exact: true, pressed: false }).waitFor();

    await a.context.close();
    await b.context.close();
    expect(problems).toEqual([]);
  }, 180_000);

  it('downloads my data as a zip', async () => {
    const problems: string[] = [];
    const a = await signedIn(ana, PHONE, problems);
    await a.page.goto(`${server.url}/settings`);
    const button = a.page.getByRole('button', { name: 'Download my data' });
    const [download] = await Promise.all([a.page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('stride-export.zip');
    const zip = readFileSync((await download.path())!);
    // A zip (a local file header first) holding her profile and her run as GPX: entry names
    // are stored as they are in the zip's headers.
    expect(zip.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const names = zip.toString('latin1');
    expect(names).toContain('profile.json');
    expect(names).toContain(`activities/${runId}.gpx`);
    await a.page.getByRole('button', { name: 'Download my data', disabled: false }).waitFor();
    expect(await a.page.getByRole('alert').count()).toBe(0);
    await a.context.close();
    expect(problems).toEqual([]);
  }, 120_000);

  it('sets up two-factor login, then asks for a code at the next login', async () => {
    const problems: string[] = [];
    const dora = await signUp('dora', 'Dora Ng');
    const d = await signedIn(dora, PHONE, problems);
    const page = d.page;
    await page.goto(`${server.url}/settings`);
    const section = page.getByRole('region', { name: 'Two-factor login' });
    const setUp = section.getByRole('form', { name: 'Set up two-factor login' });
    await setUp.getByLabel('Password').fill(PASSWORD);
    await setUp.getByRole('button', { name: 'Set up' }).click();

    // The secret, in the otpauth link and typed out for the app.
    const link = section.getByRole('link', { name: 'Open in an authenticator app' });
    const uri = new URL((await link.getAttribute('href'))!);
    expect(uri.protocol).toBe('otpauth:');
    const secret = uri.searchParams.get('secret')!;
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect((await section.locator('code.secret').textContent())!.replace(/\s/g, '')).toBe(secret);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('settings-two-factor-setup') });

    // A first code from the "app" turns it on and shows ten recovery codes, once.
    const confirmStep = currentStep();
    const firstCode = await generate({ secret, epoch: confirmStep * 30 });
    await section.getByLabel('Code from the app').fill(firstCode);
    await section.getByRole('button', { name: 'Turn on' }).click();
    await section.getByRole('status').filter({ hasText: 'Two-factor login is on' }).waitFor();
    const codes = await section.locator('.recovery-codes li').allTextContents();
    expect(codes).toHaveLength(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(new Set(codes).size).toBe(10);
    await page.screenshot({ path: screenshotPath('settings-two-factor-recovery-codes') });
    await section.getByRole('button', { name: 'I have saved them' }).click();
    await section.getByText('10 of 10 recovery codes left').waitFor();
    expect(
      await read<{ enabled: boolean; pending: boolean; recovery_codes_left: number }>(
        dora,
        '/me/two-factor',
      ),
    ).toEqual({ enabled: true, pending: false, recovery_codes_left: 10 });

    // Logged out, she logs in again: the password is not enough, the app asks for a code.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await logIn(page, server.url, 'dora');
    await page.getByRole('heading', { name: 'Two-factor login' }).waitFor();
    await page.screenshot({ path: screenshotPath('login-two-factor') });
    // The code already used to turn it on is refused: each code works once.
    const code = page.getByLabel('Code');
    await code.fill(firstCode);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('stride.tokens'))).toBeNull();
    // A fresh code (the next time step at the earliest, which the server allows for drift).
    const step = Math.max(confirmStep + 1, currentStep());
    await code.fill(await generate({ secret, epoch: step * 30 }));
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('tab', { name: 'Following' }).waitFor();
    await page.goto(`${server.url}/settings`);
    await section.getByText('10 of 10 recovery codes left').waitFor();

    await d.context.close();
    expect(problems).toEqual([]);
  }, 180_000);

  it('deletes my account after the confirmation, which signs me out for good', async () => {
    const problems: string[] = [];
    const eli = await signUp('eli', 'Eli Park');
    const e = await signedIn(eli, PHONE, problems);
    const page = e.page;
    await page.goto(`${server.url}/settings`);
    const session = await page.evaluate(
      () => JSON.parse(localStorage.getItem('stride.tokens')!) as { access_token: string },
    );

    await page.getByRole('button', { name: 'Delete my account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    await dialog.waitFor();
    const remove = dialog.getByRole('button', { name: 'Delete my account' });
    // Not before the handle is typed out; a wrong password is refused by the server.
    await dialog.getByLabel('Password').fill('not my password');
    expect(await remove.isDisabled()).toBe(true);
    await dialog.getByLabel(/Type your handle/).fill('eli');
    await remove.click();
    await dialog.getByRole('alert').waitFor();
    expect((await call(session.access_token, 'GET', '/me')).status).toBe(200);
    await page.screenshot({ path: screenshotPath('settings-delete-account') });

    await dialog.getByLabel('Password').fill(PASSWORD);
    await remove.click();
    // Signed out: the app shows the login page, and the old session is dead.
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.evaluate(() => localStorage.getItem('stride.tokens'))).toBeNull();
    expect((await call(session.access_token, 'GET', '/me')).status).toBe(401);
    expect((await call(ana, 'GET', '/athletes/eli')).status).toBe(404);

    // The old password no longer logs in.
    await logIn(page, server.url, 'eli');
    await page.getByRole('alert').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.evaluate(() => localStorage.getItem('stride.tokens'))).toBeNull();
    await page.screenshot({ path: screenshotPath('login-deleted-account') });

    await e.context.close();
    expect(problems).toEqual([]);
  }, 120_000);

  it('tells the owner a damaged FIT file was repaired, and not a follower', async () => {
    const problems: string[] = [];
    await makeFollower(ben, ana);
    const a = await signedIn(ana, PHONE, problems);

    // Ana uploads the ride with a wrong checksum on the upload page: accepted, recovered.
    await a.page.goto(`${server.url}/upload`);
    await a.page.locator('input[type=file]').setInputFiles({
      name: 'damaged-ride.fit',
      mimeType: 'application/octet-stream',
      buffer: damagedRide(),
    });
    const item = a.page.locator('.upload-item');
    await expect
      .poll(() => item.getAttribute('data-status'), { timeout: 90_000 })
      .toMatch(/^(ready|duplicate|error)$/);
    expect(await item.textContent()).toMatch(/View activity/);
    await item.getByRole('link', { name: 'View activity' }).click();

    // Her activity page says what was repaired.
    const notice = a.page.locator('.import-warnings');
    await notice.waitFor();
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await notice.textContent()).toMatch(/The file was repaired when it was read/);
    expect(await notice.textContent()).toMatch(/checksum does not match/);
    await notice.scrollIntoViewIfNeeded();
    await a.page.screenshot({ path: screenshotPath('activity-import-warnings') });
    const rideId = new URL(a.page.url()).pathname.split('/').pop()!;

    // Ben, who follows her, sees the ride but not the notice.
    const b = await signedIn(ben, DESKTOP, problems);
    await b.page.goto(`${server.url}/activities/${rideId}`);
    const title = (await read<{ name: string }>(ana, `/activities/${rideId}`)).name;
    await b.page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await b.page.locator('.stats-grid').waitFor();
    expect(await b.page.locator('.import-warnings').count()).toBe(0);
    expect(await b.page.getByText('The file was repaired').count()).toBe(0);
    const seen = await read<{ analysis?: { warnings?: string[] } }>(ben, `/activities/${rideId}`);
    expect(seen.analysis?.warnings).toBeUndefined();

    await a.context.close();
    await b.context.close();
    expect(problems).toEqual([]);
  }, 180_000);
});
