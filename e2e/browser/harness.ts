/**
 * Browser tests drive Debian's Chromium through playwright-core (no browser is downloaded).
 * Each test gets the built server on embedded defaults in its own data folder, and a fresh
 * browser profile; screenshots go to test-artifacts/screenshots for a person to look at.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type ServerProcess, startServer } from '../server-process.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** False on a machine without Chromium: the browser suites then do not run (CI installs it). */
export const hasChromium = existsSync(CHROMIUM_PATH);

const ARTIFACTS = resolve(fileURLToPath(new URL('../../test-artifacts', import.meta.url)));
export const SCREENSHOTS = join(ARTIFACTS, 'screenshots');
/** Each browser test server's log, kept so a failure can be read after the run. */
export const SERVER_LOGS = join(ARTIFACTS, 'server-logs');

// Without the background-networking flags Chromium keeps trying to reach Google's hosts, which a
// closed network refuses; tests never reach the internet.
export const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}

export interface TestServer extends ServerProcess {
  dataDir: string;
  /** Stops the server and removes its data folder. */
  dispose(): Promise<void>;
}

/**
 * The built server (API and web app on one port) on embedded defaults, in a fresh data folder,
 * with command-line `args` (`--demo`).
 */
export async function startTestServer(
  env: Record<string, string | undefined> = {},
  args: readonly string[] = [],
  timeoutMs?: number,
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stride-browser-'));
  const server = await startServer({ STRIDE_DATA_DIR: dataDir, ...env }, timeoutMs, args);
  return Object.assign(server, {
    dataDir,
    async dispose() {
      mkdirSync(SERVER_LOGS, { recursive: true });
      writeFileSync(join(SERVER_LOGS, `${basename(dataDir)}.log`), server.output());
      await server.stop('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/** Where a named screenshot is written (the folder is created on first use). */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}

/**
 * Collects every Content-Security-Policy violation `page` reports into `into`: the document's
 * `securitypolicyviolation` events and the browser's own console reports (which also cover
 * workers). Call it before the page's first navigation.
 */
export async function recordCspViolations(page: Page, into: string[]): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `Content Security Policy violation: ${e.violatedDirective} blocked ` +
          `${e.blockedURI || 'inline code'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) into.push(m.text());
  });
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (/Content Security Policy/i.test(entry.text)) into.push(entry.text);
  });
  await cdp.send('Log.enable');
}
