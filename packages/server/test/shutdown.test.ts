/**
 * A process always exits within STRIDE_SHUTDOWN_TIMEOUT after SIGTERM, whatever happens to its
 * log output: servers whose stdout reader had gone away or stopped reading were seen running
 * minutes after SIGTERM, until a process manager killed them mid-write.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
// Starting runs initdb and every migration: seconds alone, far longer on a busy machine.
const START_DEADLINE_MS = 90_000;
const EXIT_DEADLINE_MS = 30_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls `check` until it is true; fails after `deadlineMs`. */
async function until(check: () => boolean | Promise<boolean>, deadlineMs: number, what: string) {
  const end = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what}: not within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Running {
  child: ChildProcess;
  url: string;
  port: number;
  stderr: () => string;
}

const children: ChildProcess[] = [];
const dirs: string[] = [];
const sockets: Socket[] = [];

afterEach(() => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const c of children.splice(0))
    if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Starts the server from source with its stdout on a pipe the test controls. */
async function start(): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stride-shutdown-'));
  dirs.push(dataDir);
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@stride/source', MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: undefined,
      REDIS_URL: undefined,
      STRIDE_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      STRIDE_SHUTDOWN_TIMEOUT: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  await until(
    async () => {
      if (child.exitCode !== null) throw new Error(`the server exited: ${err}`);
      return (await fetch(`${url}/health`).catch(() => undefined))?.ok === true;
    },
    START_DEADLINE_MS,
    'the server answering /health',
  );
  return { child, url, port, stderr: () => err };
}

/**
 * A request the server is still reading when SIGTERM comes: shutdown waits for it. Sent with
 * `Expect: 100-continue`, so the server's "100 Continue" says it has taken the request in.
 */
async function inFlightRequest(port: number): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  let answer = '';
  const continued = new Promise<void>((resolve) =>
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString();
      if (answer.includes('100 Continue')) resolve();
    }),
  );
  socket.write(
    'POST /api/v1/auth/login HTTP/1.1\r\nHost: stride\r\ncontent-type: application/json\r\n' +
      'content-length: 100\r\nexpect: 100-continue\r\n\r\n',
  );
  await continued;
  socket.write('{"login":');
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function terminate(child: ChildProcess): Promise<number | null> {
  child.kill('SIGTERM');
  const code = exited(child);
  await until(() => child.exitCode !== null || child.signalCode !== null, EXIT_DEADLINE_MS, 'exit');
  return code;
}

describe('shutdown on SIGTERM', () => {
  it('finishes, writes its last log lines and exits 0 when nothing holds it', async () => {
    const s = await start();
    let out = '';
    s.child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    expect(await terminate(s.child)).toBe(0);
    expect(out).toContain('shutting down');
  }, 120_000);

  it('exits when the reader of its stdout is gone', async () => {
    const s = await start();
    s.child.stdout!.destroy();
    await inFlightRequest(s.port);
    // Shutdown cannot finish (a request is still arriving): the timeout ends the process.
    expect(await terminate(s.child)).toBe(1);
  }, 120_000);

  it('exits when the reader of its stdout stopped reading and the pipe is full', async () => {
    const s = await start();
    // Nobody reads stdout: a few hundred requests' log lines fill the pipe and its buffer.
    s.child.stdout!.pause();
    for (let i = 0; i < 1500; i++) expect((await fetch(`${s.url}/health`)).status).toBe(200);
    await inFlightRequest(s.port);
    expect(await terminate(s.child)).toBe(1);
  }, 180_000);
});
