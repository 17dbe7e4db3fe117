import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Kysely's view of the schema: one interface per table, kept in step with migrations/. */
export interface Database {
  athletes: AthletesTable;
  refresh_tokens: RefreshTokensTable;
  settings: SettingsTable;
}

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export type Units = 'metric' | 'imperial';
export type Visibility = 'everyone' | 'followers' | 'only_me';
export type Sex = 'M' | 'F' | 'X';

export interface AthletesTable {
  id: Generated<string>;
  handle: string;
  email: string;
  password_hash: string;
  display_name: string;
  sex: Sex | null;
  birth_year: number | null;
  weight_kg: number | null;
  country: string | null;
  region: string | null;
  city: string | null;
  units: Generated<Units>;
  default_visibility: Generated<Visibility>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
export type AthleteRow = Selectable<AthletesTable>;
export type NewAthlete = Insertable<AthletesTable>;
export type AthleteUpdate = Updateable<AthletesTable>;

/**
 * Refresh tokens rotate: each use replaces the token with a new one in the same family. Only a
 * hash of the secret part is stored. Presenting a token that was already replaced revokes the
 * whole family (it was stolen or replayed).
 */
export interface RefreshTokensTable {
  id: string;
  family_id: string;
  athlete_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Date;
  replaced_by: string | null;
  revoked_at: Date | null;
}
export type RefreshTokenRow = Selectable<RefreshTokensTable>;

/** Instance-wide settings that all processes share (e.g. the generated token secret). */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: UpdatedAt;
}
