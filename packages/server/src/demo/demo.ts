import { pino } from 'pino';
import { ConfigError, loadConfig } from '../config.js';
import { createContainer } from '../container.js';
import { DataDirLockedError } from '../platform/db/data-dir-lock.js';
import { DEMO_PASSWORD, seedDemo } from './seed.js';

/** `npm run demo`: fills the configured database with demo athletes and activities, then exits. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  const container = await createContainer(config, { log });
  try {
    const result = await seedDemo(container);
    log.info(result, 'demo data queued; processing the uploads');
    await container.runner.drain();
    console.log(
      `stride demo: ${result.athletes} athletes (camille, hugo, lea, malik; password "${DEMO_PASSWORD}"), ` +
        `${result.uploads} activities, ${result.segments} new segments. Start Stride with "npm start" and log in.`,
    );
  } finally {
    await container.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DataDirLockedError;
  console.error(`stride demo: ${known ? (error as Error).message : error}`);
  process.exit(1);
});
