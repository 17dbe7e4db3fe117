import { pino } from 'pino';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Role } from './config.js';
import { DEMO_PASSWORD, seedDemo } from './demo/seed.js';
import { DataDirLockedError } from './platform/db/data-dir-lock.js';
import { LogOutput } from './platform/log-output.js';
import { createStride } from './stride.js';

// Logging never decides whether the process runs or exits: lines go out asynchronously, a
// reader that went away (EPIPE) or stopped reading only loses lines, and exiting never waits
// for them longer than EXIT_LOG_WAIT_MS.
const output = new LogOutput(1);
const EXIT_LOG_WAIT_MS = 200;
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

/** Exits with `code` once the log is written or EXIT_LOG_WAIT_MS have passed. */
function exit(code: number): void {
  process.exitCode = code;
  void output.drained(EXIT_LOG_WAIT_MS).then(() => process.exit(code));
}

/** A log call that cannot throw (a logger failing must not stop a shutdown). */
function quietly(write: () => void): void {
  try {
    write();
  } catch {
    // Nothing to do: the log is the only place this could be reported.
  }
}

/**
 * Starts Stride. `node dist/main.js [api|worker|all] [--demo]` (or STRIDE_ROLE): `all`, the default, serves
 * the API and runs background jobs in this process; `api` and `worker` split them across
 * processes sharing one PostgreSQL database. `--demo` first adds demo athletes and activities;
 * `--rebuild-leaderboards` queues a job that clears the leaderboards and refills them from the
 * database (after switching to Redis, or when Redis lost them); `--recompute-activities` queues
 * computing every activity again with this version's code (after an upgrade). Exits non-zero with a one-line reason when
 * configuration or the data directory is not usable.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const demo = args.includes('--demo');
  const argRole = args.find((a) => !a.startsWith('--'));
  const config = loadConfig(argRole ? { ...process.env, STRIDE_ROLE: argRole } : process.env);
  checkRole(config.role, config.databaseUrl);
  const log = pino({ level: config.logLevel }, output);
  const stride = await createStride(config, { log });
  const app =
    config.role === 'worker' ? undefined : await buildApp(config, { stride, logger: log });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    // Armed before anything else, and exiting without waiting on the log: whatever happens to
    // the output, the process is gone within STRIDE_SHUTDOWN_TIMEOUT.
    const force = setTimeout(() => {
      quietly(() => log.error('shutdown timed out; exiting'));
      process.exit(1);
    }, config.shutdownTimeoutS * 1000);
    force.unref();
    quietly(() => log.info({ signal }, 'shutting down: finishing in-flight requests and jobs'));
    try {
      await app?.close();
      await stride.close();
      exit(0);
    } catch (error) {
      quietly(() => log.error({ err: error }, 'error during shutdown'));
      exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  if (config.role !== 'api') await stride.startWorker();
  if (args.includes('--rebuild-leaderboards')) {
    await stride.leaderboards.leaderboards.requestRebuild();
    log.info('leaderboard rebuild queued');
  }
  if (args.includes('--recompute-activities')) {
    await stride.activities.recompute.requestAll();
    log.info('recompute of every activity queued');
  }
  if (demo) {
    // Uploads go through the worker like any other; the app is usable while they process.
    const result = await seedDemo(stride);
    log.info(
      { ...result, password: DEMO_PASSWORD },
      'demo data queued: log in as camille, hugo, lea or malik',
    );
  }
  if (app) await app.listen({ host: config.host, port: config.port });
  else log.info({ role: config.role }, 'worker started');
}

function checkRole(role: Role, databaseUrl: string | undefined): void {
  if (role !== 'all' && !databaseUrl) {
    throw new ConfigError(
      `STRIDE_ROLE=${role} needs DATABASE_URL: the embedded database serves one process, ` +
        'which runs both the API and the worker (STRIDE_ROLE=all)',
    );
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(`stride: ${error.message}`);
  } else {
    console.error('stride: failed to start:', error);
  }
  exit(1);
});
