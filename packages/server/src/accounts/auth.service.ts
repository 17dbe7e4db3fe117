import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { AthleteService } from '../athletes/athlete.service.js';
import { isUniqueViolation } from '../platform/db/errors.js';
import type { AthleteRow } from '../platform/db/schema.js';
import { Errors } from '../platform/errors.js';
import type { PubSub } from '../platform/pubsub/pubsub.js';
import { checkPassword, hashPassword } from './password.js';
import type { NewRefreshToken, SessionRepository } from './session.repository.js';
import { SessionCheck } from './session-check.js';
import { type AccessClaims, Tokens } from './tokens.js';
import type { TwoFactorService } from './two-factor.service.js';

export interface AuthOptions {
  jwtSecret: string;
  accessTokenTtlS: number;
  refreshTokenTtlS: number;
  /** How long a password's two-factor challenge may be answered, seconds. */
  challengeTtlS?: number;
  /** How long another process may still take a signed-out session's access token for a read. */
  sessionCheckTtlMs?: number;
}

/** Five minutes to type the code; five seconds for another process to hear of a sign-out. */
export const CHALLENGE_TTL_S = 300;
/** A stream ticket is used at once, by the page that asked for it. */
export const STREAM_TICKET_TTL_S = 60;
export const SESSION_CHECK_TTL_MS = 5_000;

/** Where processes tell each other of ended sessions. */
const REVOKED_CHANNEL = 'sessions.revoked';

/** A session, or every session of an athlete (account deleted), that ended. */
interface Revocation {
  sessionId?: string;
  athleteId?: string;
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

/**
 * Accounts and sessions: password hashing, access tokens, rotating refresh tokens, the
 * second factor at login. A session is one refresh-token family; its access tokens name it
 * and are refused from the moment it is signed out, replayed or its account deleted.
 */
export class AuthService {
  private readonly tokens: Tokens;
  private readonly check: SessionCheck;
  private readonly challengeTtlS: number;
  private pubsub: PubSub | undefined;

  constructor(
    private readonly athletes: AthleteService,
    private readonly sessions: SessionRepository,
    private readonly twoFactor: TwoFactorService,
    private readonly options: AuthOptions,
  ) {
    this.challengeTtlS = options.challengeTtlS ?? CHALLENGE_TTL_S;
    this.tokens = new Tokens(
      options.jwtSecret,
      options.accessTokenTtlS,
      this.challengeTtlS,
      STREAM_TICKET_TTL_S,
    );
    this.check = new SessionCheck((id) => sessions.findSession(id), {
      ttlMs: options.sessionCheckTtlMs ?? SESSION_CHECK_TTL_MS,
      max: 10_000,
    });
  }

  async signup(input: SignupInput): Promise<Session> {
    const password_hash = await hashPassword(input.password);
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
    return { athlete, tokens: await this.open(athlete.id) };
  }

  /**
   * Signs in with a password. When the account has two-factor login on, the password alone
   * opens no session: the answer is TOTP_REQUIRED with a short-lived challenge, to be sent
   * back with a code to `loginWithCode`.
   */
  async login(login: string, password: string): Promise<Session> {
    const athlete = await this.athletes.findByLogin(login);
    if (!(await checkPassword(athlete?.password_hash, password)) || !athlete)
      throw Errors.invalidCredentials();
    if (await this.twoFactor.isEnabled(athlete.id)) {
      throw Errors.totpRequired(undefined, {
        challenge: this.tokens.challenge(athlete.id),
        expires_in: this.challengeTtlS,
      });
    }
    return { athlete, tokens: await this.open(athlete.id) };
  }

  /** The second step of a two-factor login: the challenge and a code from the app (or a recovery code). */
  async loginWithCode(challenge: string, code: string): Promise<Session> {
    const athleteId = this.tokens.verifyChallenge(challenge);
    const athlete = await this.athletes.findById(athleteId);
    if (!athlete) throw Errors.invalidToken('this account no longer exists');
    if (!(await this.twoFactor.isEnabled(athleteId))) {
      // Turned off since the password was checked: the password alone signs in again.
      return { athlete, tokens: await this.open(athlete.id) };
    }
    if (!(await this.twoFactor.check(athleteId, code, { recovery: true })))
      throw Errors.invalidCode();
    return { athlete, tokens: await this.open(athlete.id) };
  }

  /**
   * Exchanges a refresh token for a new pair. A token that was already exchanged is a replay
   * (stolen, or a client bug): the whole session is revoked, its access tokens with it.
   */
  async refresh(refreshToken: string): Promise<Session> {
    const row = await this.findRefreshToken(refreshToken);
    if (row.revoked_at) throw Errors.invalidToken('this session has been signed out');
    if (row.replaced_by) {
      await this.revoke(row.family_id);
      throw Errors.invalidToken(
        'this refresh token was already used; the session has been revoked',
      );
    }
    if (row.expires_at.getTime() <= Date.now())
      throw Errors.invalidToken('the refresh token has expired');
    const athlete = await this.athletes.findById(row.athlete_id);
    if (!athlete) throw Errors.invalidToken();
    const next = this.newRefreshToken(athlete.id, row.family_id);
    if (!(await this.sessions.rotate(row.id, next.row))) {
      await this.revoke(row.family_id);
      throw Errors.invalidToken(
        'this refresh token was already used; the session has been revoked',
      );
    }
    return { athlete, tokens: this.pair(athlete.id, row.family_id, next.token) };
  }

  /** Signs out the session: its refresh tokens and access tokens stop working. Unknown tokens are ignored. */
  async logout(refreshToken: string): Promise<void> {
    const row = await this.findRefreshToken(refreshToken).catch(() => undefined);
    if (row) await this.revoke(row.family_id);
  }

  /**
   * The athlete an access token signs in, or INVALID_TOKEN when the token is bad or its
   * session is over. `fresh` asks the database rather than this process's recent answer (for
   * writes, so no process accepts one from a session signed out elsewhere).
   */
  async authenticate(token: string, { fresh = false } = {}): Promise<string> {
    return (await this.authenticateSession(token, { fresh })).athleteId;
  }

  /** As `authenticate`, with the session the token belongs to. */
  async authenticateSession(token: string, { fresh = false } = {}): Promise<AccessClaims> {
    const claims = this.tokens.verifyAccess(token);
    if (!(await this.check.isActive(claims.sessionId, claims.athleteId, { fresh })))
      throw Errors.invalidToken('this session has been signed out, or its account deleted');
    return claims;
  }

  /**
   * A short-lived ticket (STREAM_TICKET_TTL_S) that opens this session's notification stream:
   * what a browser's EventSource sends in the URL, since it cannot send a header. It opens
   * nothing else, and dies with its session.
   */
  streamTicket(claims: AccessClaims): { ticket: string; expires_in: number } {
    return { ticket: this.tokens.ticket(claims), expires_in: STREAM_TICKET_TTL_S };
  }

  /** The session a stream ticket opens, or INVALID_TOKEN when it is bad or the session over. */
  async openStream(ticket: string): Promise<AccessClaims> {
    const claims = this.tokens.verifyTicket(ticket);
    if (!(await this.sessionActive(claims)))
      throw Errors.invalidToken('this session has been signed out, or its account deleted');
    return claims;
  }

  /** Whether the session is still signed in (an open stream asks now and then). */
  sessionActive(claims: AccessClaims): Promise<boolean> {
    return this.check.isActive(claims.sessionId, claims.athleteId, { fresh: false });
  }

  /** The account was deleted (its sessions with it): refuse their tokens everywhere at once. */
  async accountDeleted(athleteId: string): Promise<void> {
    this.check.revokedAllOf(athleteId);
    await this.announce({ athleteId });
  }

  /**
   * Hears of sessions ended in other processes, so they refuse those tokens at once rather
   * than when their recent answer expires. Returns the function that stops listening.
   */
  listenForRevocations(pubsub: PubSub): Promise<() => Promise<void>> {
    this.pubsub = pubsub;
    return pubsub.subscribe(REVOKED_CHANNEL, (message) => {
      const news = JSON.parse(message) as Revocation;
      if (news.sessionId) this.check.revoked(news.sessionId);
      if (news.athleteId) this.check.revokedAllOf(news.athleteId);
    });
  }

  private async revoke(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId);
    this.check.revoked(sessionId);
    await this.announce({ sessionId });
  }

  /** Tells the other processes; if that fails they learn it within the session check's TTL. */
  private async announce(news: Revocation): Promise<void> {
    await this.pubsub?.publish(REVOKED_CHANNEL, JSON.stringify(news)).catch(() => false);
  }

  private async open(athleteId: string): Promise<TokenPair> {
    const sessionId = randomUUID();
    const next = this.newRefreshToken(athleteId, sessionId);
    await this.sessions.open(next.row);
    return this.pair(athleteId, sessionId, next.token);
  }

  private pair(athleteId: string, sessionId: string, refreshToken: string): TokenPair {
    return {
      access_token: this.tokens.access({ athleteId, sessionId }),
      token_type: 'Bearer',
      expires_in: this.options.accessTokenTtlS,
      refresh_token: refreshToken,
    };
  }

  private newRefreshToken(
    athleteId: string,
    familyId: string,
  ): { token: string; row: NewRefreshToken } {
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
    const row = await this.sessions.findToken(id);
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
