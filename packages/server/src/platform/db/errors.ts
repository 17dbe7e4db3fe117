/** PostgreSQL's SQLSTATE for unique_violation; both pg and PGlite surface it as `code`. */
const UNIQUE_VIOLATION = '23505';

/** True when `error` is a unique violation, optionally of the named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e.code !== UNIQUE_VIOLATION) return false;
  if (!constraint) return true;
  return e.constraint === constraint || (e.message ?? '').includes(`"${constraint}"`);
}

/** PostgreSQL's SQLSTATE for foreign_key_violation: a row this one refers to is not there. */
const FOREIGN_KEY_VIOLATION = '23503';

/** True when `error` is a foreign-key violation (e.g. the athlete was deleted meanwhile). */
export function isForeignKeyViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: string }).code === FOREIGN_KEY_VIOLATION
  );
}
