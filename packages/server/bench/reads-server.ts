/**
 * A real Stride server process for the reads benchmark: started on 127.0.0.1 from the build
 * (or from source through tsx when there is no build), its log written to a file, stopped on
 * demand or when the benchmark exits. Also a PostgreSQL database of the benchmark's own.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUILT_MAIN = join(ROOT, 'packages/server/dist/main.js');
const SOURCE_MAIN = join(ROOT, 'packages/server/src/main.ts');

export interface StrideServer {
  url: string;
  pid: number;
  /** How it was started: from the build or from source. */
  from: string;
  /** Resident and peak resident memory of the server process, MiB (Linux; null elsewhere). */
  memory(): { rssMiB: number; peakMiB: number } | null;
  /** The last lines of its log, to explain a failure. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
const cleanups = new Set<() => Promise<void>>();
// Whatever happens to the benchmark, its servers do not outlive it.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of running) child.kill('SIGKILL');
    const timeout = new Promise((r) => setTimeout(r, 10_000).unref());
    const all = Promise.allSettled([...cleanups].map((c) => c()));
    void Promise.race([all, timeout]).then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

/** The newest modification time of the TypeScript sources the server is built from. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** How the server will be started, and whether a build is older than its sources. */
function launch(): { args: string[]; from: string } {
  if (!existsSync(BUILT_MAIN))
    return {
      args: ['--conditions=@stride/source', '--import', 'tsx', SOURCE_MAIN],
      from: 'source (tsx; no build)',
    };
  const sources = ['core', 'formats', 'server'].map((p) => join(ROOT, 'packages', p, 'src'));
  const stale = Math.max(...sources.map(newestSource)) > statSync(BUILT_MAIN).mtimeMs;
  return {
    args: [BUILT_MAIN],
    from: stale ? 'build, OLDER THAN ITS SOURCES (run npm run build)' : 'build',
  };
}

/** The server's environment: its defaults, except what the benchmark sets (nothing inherited). */
function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(STRIDE_|S3_|DATABASE_URL$|REDIS_URL$|PORT$|HOST$|LOG_LEVEL$)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...extra };
}

/** Starts Stride with `env` on a fresh data folder; resolves once it listens. */
export async function startServer(
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<StrideServer> {
  const dir = mkdtempSync(join(tmpdir(), 'stride-reads-'));
  const logPath = join(dir, 'server.log');
  const log = openSync(logPath, 'w');
  const { args, from } = launch();
  // BENCH_CPU_PROF=<folder>: the server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child = spawn(process.execPath, [...profile, ...args], {
    cwd: ROOT,
    env: serverEnv({ STRIDE_DATA_DIR: join(dir, 'data'), ...env }),
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));

  // The log grows with every request: read only its first or last 64 KiB.
  const readLog = (end: boolean) => {
    if (!existsSync(logPath)) return '';
    const fd = openSync(logPath, 'r');
    try {
      const size = fstatSync(fd).size;
      const length = Math.min(size, 65_536);
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, end ? size - length : 0);
      return buffer.toString('utf8');
    } finally {
      closeSync(fd);
    }
  };
  const logTail = (lines = 30) => readLog(true).split('\n').slice(-lines).join('\n');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killed);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  let url: string | undefined;
  while (!url) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const tail = logTail();
      await stop();
      throw new Error(`the server exited before listening:\n${tail}`);
    }
    if (Date.now() > deadline) {
      const tail = logTail();
      await stop();
      throw new Error(`the server did not listen within ${timeoutMs / 1000} s:\n${tail}`);
    }
    url = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(readLog(false))?.[1];
    if (!url) await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    from,
    memory: () => processMemory(child.pid!),
    logTail,
    stop,
  };
}

function processMemory(pid: number): { rssMiB: number; peakMiB: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/**
 * A database named `stride_bench_<random>` on the server at `adminUrl`, its connection string,
 * and `drop()` to remove it (and nothing else) afterwards.
 */
export async function createBenchDatabase(
  adminUrl: string,
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `stride_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  const drop = () => admin(`drop database if exists "${name}" with (force)`);
  cleanups.add(drop);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    name,
    url: u.toString(),
    async drop() {
      cleanups.delete(drop);
      await drop();
    },
  };
}
