import { pino } from 'pino';
import { ConfigError, loadConfig } from '../config.js';
import { DataDirLockedError } from '../platform/db/data-dir-lock.js';
import { createStride } from '../stride.js';
import { DEMO_PASSWORD, seedDemo } from './seed.js';

/** `npm run demo`: fills the configured database with demo athletes and activities, then exits. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  const stride = await createStride(config, { log });
  try {
    const result = await seedDemo(stride);
    log.info(result, 'demo data queued; processing the uploads');
    await stride.worker.drain();
    console.log(
      `stride demo: ${result.athletes} athletes (camille, hugo, lea, malik; password "${DEMO_PASSWORD}"), ` +
        `${result.uploads} activities, ${result.segments} new segments. Start Stride with "npm start" and log in.`,
    );
  } finally {
    await stride.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DataDirLockedError;
  console.error(`stride demo: ${known ? (error as Error).message : error}`);
  process.exit(1);
});
