import { type Kysely, sql } from 'kysely';

/**
 * Sessions and two-factor login.
 *
 * A session is a refresh-token family with a row of its own, so that every request can check
 * its access token's session with one primary-key read: signing out (or a replayed refresh
 * token) revokes the session, deleting the account deletes it. Existing families become
 * sessions, revoked when every token of theirs was.
 *
 * Two-factor login keeps one TOTP secret per athlete (pending until confirmed with a first
 * code), the last time step a code was accepted for (a code works once), the failed attempts
 * that lock code checks for a while, and ten single-use recovery codes stored as hashes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('athlete_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('sessions_athlete_idx').on('sessions').column('athlete_id').execute();
  await sql`
    insert into sessions (id, athlete_id, created_at, revoked_at)
    select family_id, athlete_id, min(created_at),
           case when bool_and(revoked_at is not null) then max(revoked_at) end
    from refresh_tokens
    group by family_id, athlete_id
  `.execute(db);
  await db.schema
    .alterTable('refresh_tokens')
    .addForeignKeyConstraint(
      'refresh_tokens_session_fkey',
      ['family_id'],
      'sessions',
      ['id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('two_factor')
    .addColumn('athlete_id', 'uuid', (c) =>
      c.primaryKey().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('enabled_at', 'timestamptz')
    .addColumn('last_step', 'integer')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('two_factor_recovery_codes')
    .addColumn('athlete_id', 'uuid', (c) =>
      c.notNull().references('two_factor.athlete_id').onDelete('cascade'),
    )
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addPrimaryKeyConstraint('two_factor_recovery_codes_pkey', ['athlete_id', 'code_hash'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('two_factor_recovery_codes').execute();
  await db.schema.dropTable('two_factor').execute();
  await db.schema
    .alterTable('refresh_tokens')
    .dropConstraint('refresh_tokens_session_fkey')
    .execute();
  await db.schema.dropTable('sessions').execute();
}
