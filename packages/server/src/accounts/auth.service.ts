import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { createSigner, createVerifier } from 'fast-jwt';
import type { AthleteService } from '../athletes/athlete.service.js';
import { isUniqueViolation } from '../platform/db/errors.js';
import type { AthleteRow } from '../platform/db/schema.js';
import { Errors } from '../platform/errors.js';
import type { RefreshTokenRepository } from './refresh-token.repository.js';

// OWASP's minimum for argon2id: 19 MiB memory, 2 iterations, 1 lane.
// (algorithm 2 = Argon2id; the package's enum is a const enum that isolated modules cannot read.)
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export interface AuthOptions {
  jwtSecret: string;
  accessTokenTtlS: number;
  refreshTokenTtlS: number;
}

export interface TokenPair {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
}

export interface SignupInput {
  handle: string;
  email: string;
  password: string;
  display_name?: string | undefined;
}

export interface Session {
  athlete: AthleteRow;
  tokens: TokenPair;
}

/** Accounts and sessions: password hashing, access tokens, rotating refresh tokens. */
export class AuthService {
  private readonly sign: (payload: Record<string, unknown>) => string;
  private readonly verifyJwt: (token: string) => { sub?: string };
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly athletes: AthleteService,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly options: AuthOptions,
  ) {
    this.sign = createSigner({
      key: options.jwtSecret,
      algorithm: 'HS256',
      expiresIn: options.accessTokenTtlS * 1000,
      iss: 'stride',
    });
    this.verifyJwt = createVerifier({
      key: options.jwtSecret,
      algorithms: ['HS256'],
      allowedIss: 'stride',
    });
  }

  async signup(input: SignupInput): Promise<Session> {
    const password_hash = await hash(input.password, ARGON2);
    let athlete: AthleteRow;
    try {
      athlete = await this.athletes.create({
        handle: input.handle,
        email: input.email,
        password_hash,
        display_name: input.display_name?.trim() || input.handle,
      });
    } catch (error) {
      if (isUniqueViolation(error, 'athletes_handle_key')) throw Errors.handleTaken();
      if (isUniqueViolation(error, 'athletes_email_key')) throw Errors.emailTaken();
      throw error;
    }
    return { athlete, tokens: await this.issue(athlete.id, randomUUID()) };
  }

  async login(login: string, password: string): Promise<Session> {
    const athlete = await this.athletes.findByLogin(login);
    if (!athlete) {
      // Spend the same time as a real check so response time does not reveal which logins exist.
      this.dummyHash ??= hash(randomBytes(16).toString('hex'), ARGON2);
      await verify(await this.dummyHash, password).catch(() => false);
      throw Errors.invalidCredentials();
    }
    const ok = await verify(athlete.password_hash, password).catch(() => false);
    if (!ok) throw Errors.invalidCredentials();
    return { athlete, tokens: await this.issue(athlete.id, randomUUID()) };
  }

  /**
   * Exchanges a refresh token for a new pair. A token that was already exchanged is a replay
   * (stolen, or a client bug): the whole family is revoked, signing that session out everywhere.
   */
  async refresh(refreshToken: string): Promise<Session> {
    const row = await this.findRefreshToken(refreshToken);
    if (row.revoked_at) throw Errors.invalidToken('this session has been signed out');
    if (row.replaced_by) {
      await this.refreshTokens.revokeFamily(row.family_id);
      throw Errors.invalidToken(
        'this refresh token was already used; the session has been revoked',
      );
    }
    if (row.expires_at.getTime() <= Date.now())
      throw Errors.invalidToken('the refresh token has expired');
    const athlete = await this.athletes.findById(row.athlete_id);
    if (!athlete) throw Errors.invalidToken();
    const next = this.newRefreshToken(athlete.id, row.family_id);
    if (!(await this.refreshTokens.rotate(row.id, next.row))) {
      await this.refreshTokens.revokeFamily(row.family_id);
      throw Errors.invalidToken(
        'this refresh token was already used; the session has been revoked',
      );
    }
    return { athlete, tokens: this.pair(athlete.id, next.token) };
  }

  /** Signs out the session (the token's whole family). Unknown tokens are ignored. */
  async logout(refreshToken: string): Promise<void> {
    const row = await this.findRefreshToken(refreshToken).catch(() => undefined);
    if (row) await this.refreshTokens.revokeFamily(row.family_id);
  }

  /** Returns the athlete id an access token was issued to, or throws INVALID_TOKEN. */
  verifyAccessToken(token: string): string {
    try {
      const claims = this.verifyJwt(token);
      if (typeof claims.sub !== 'string') throw new Error('no subject');
      return claims.sub;
    } catch {
      throw Errors.invalidToken('the access token is invalid or has expired');
    }
  }

  private async issue(athleteId: string, familyId: string): Promise<TokenPair> {
    const next = this.newRefreshToken(athleteId, familyId);
    await this.refreshTokens.insert(next.row);
    return this.pair(athleteId, next.token);
  }

  private pair(athleteId: string, refreshToken: string): TokenPair {
    return {
      access_token: this.sign({ sub: athleteId }),
      token_type: 'Bearer',
      expires_in: this.options.accessTokenTtlS,
      refresh_token: refreshToken,
    };
  }

  private newRefreshToken(athleteId: string, familyId: string) {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    return {
      token: `${id}.${secret}`,
      row: {
        id,
        family_id: familyId,
        athlete_id: athleteId,
        token_hash: sha256(secret),
        expires_at: new Date(Date.now() + this.options.refreshTokenTtlS * 1000),
      },
    };
  }

  private async findRefreshToken(token: string) {
    const [id, secret] = token.split('.');
    if (!id || !secret || !UUID.test(id)) throw Errors.invalidToken();
    const row = await this.refreshTokens.findById(id);
    if (!row) throw Errors.invalidToken();
    const expected = Buffer.from(row.token_hash, 'hex');
    const actual = Buffer.from(sha256(secret), 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      throw Errors.invalidToken();
    }
    return row;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
