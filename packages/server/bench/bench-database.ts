import pg from 'pg';

/**
 * A PostgreSQL database of a benchmark's own on the server at `adminUrl` (so it never touches
 * real data), with its connection string and a `drop()` that removes it.
 */
export async function createBenchDatabase(
  adminUrl: string,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now()}`;
  const run = async (statement: string) => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await run(`create database "${name}"`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => run(`drop database if exists "${name}" with (force)`) };
}
