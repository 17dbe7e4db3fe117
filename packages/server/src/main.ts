import { pino } from 'pino';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Role } from './config.js';
import { DEMO_PASSWORD, seedDemo } from './demo/seed.js';
import { DataDirLockedError } from './platform/db/data-dir-lock.js';
import { createStride } from './stride.js';

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
  const log = pino({ level: config.logLevel });
  const stride = await createStride(config, { log });
  const app =
    config.role === 'worker' ? undefined : await buildApp(config, { stride, logger: log });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests and jobs');
    const force = setTimeout(() => {
      log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutS * 1000);
    force.unref();
    try {
      await app?.close();
      await stride.close();
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'error during shutdown');
      process.exit(1);
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
  process.exit(1);
});
