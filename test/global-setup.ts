/** Says which adapters the contract suites will run on, before any test starts. */
export default function setup(): void {
  const adapters = ['pglite (embedded SQL)', 'in-process rate limits'];
  if (process.env.DATABASE_URL) adapters.push('PostgreSQL (DATABASE_URL)');
  if (process.env.REDIS_URL) adapters.push('Redis (REDIS_URL)');
  console.log(`contract suites run on: ${adapters.join(', ')}`);
}
