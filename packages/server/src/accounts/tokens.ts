import { createHmac } from 'node:crypto';
import { createSigner, createVerifier } from 'fast-jwt';
import { Errors } from '../platform/errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who an access token was issued to, and the session (refresh-token family) it belongs to. */
export interface AccessClaims {
  athleteId: string;
  sessionId: string;
}

/**
 * The signed tokens of sign-in: access tokens (`sub` the athlete, `sid` the session), the
 * short-lived challenge a password opens when the account asks for a second factor, and the
 * short-lived ticket that opens the notification stream (an EventSource cannot send a header).
 * Challenges and tickets are each signed with a key of their own, derived from the secret, so
 * no kind can pass for another.
 */
export class Tokens {
  private readonly signAccess: (payload: Record<string, unknown>) => string;
  private readonly verifyAccessJwt: (token: string) => { sub?: unknown; sid?: unknown };
  private readonly signChallenge: (payload: Record<string, unknown>) => string;
  private readonly verifyChallengeJwt: (token: string) => { sub?: unknown; purpose?: unknown };
  private readonly signTicket: (payload: Record<string, unknown>) => string;
  private readonly verifyTicketJwt: (token: string) => {
    sub?: unknown;
    sid?: unknown;
    purpose?: unknown;
  };

  constructor(secret: string, accessTtlS: number, challengeTtlS: number, ticketTtlS = 60) {
    const challengeKey = createHmac('sha256', secret)
      .update('stride two-factor challenge')
      .digest();
    this.signAccess = createSigner({
      key: secret,
      algorithm: 'HS256',
      expiresIn: accessTtlS * 1000,
      iss: 'stride',
    });
    this.verifyAccessJwt = createVerifier({
      key: secret,
      algorithms: ['HS256'],
      allowedIss: 'stride',
    });
    this.signChallenge = createSigner({
      key: challengeKey,
      algorithm: 'HS256',
      expiresIn: challengeTtlS * 1000,
      iss: 'stride',
    });
    this.verifyChallengeJwt = createVerifier({
      key: challengeKey,
      algorithms: ['HS256'],
      allowedIss: 'stride',
    });
    const ticketKey = createHmac('sha256', secret).update('stride stream ticket').digest();
    this.signTicket = createSigner({
      key: ticketKey,
      algorithm: 'HS256',
      expiresIn: ticketTtlS * 1000,
      iss: 'stride',
    });
    this.verifyTicketJwt = createVerifier({
      key: ticketKey,
      algorithms: ['HS256'],
      allowedIss: 'stride',
    });
  }

  /** A ticket that opens the notification stream of this session's athlete, and nothing else. */
  ticket(claims: AccessClaims): string {
    return this.signTicket({ sub: claims.athleteId, sid: claims.sessionId, purpose: 'stream' });
  }

  /** The session a stream ticket was issued to, or INVALID_TOKEN. */
  verifyTicket(ticket: string): AccessClaims {
    try {
      const claims = this.verifyTicketJwt(ticket);
      if (
        typeof claims.sub === 'string' &&
        typeof claims.sid === 'string' &&
        UUID.test(claims.sid) &&
        claims.purpose === 'stream'
      )
        return { athleteId: claims.sub, sessionId: claims.sid };
    } catch {
      // fall through
    }
    throw Errors.invalidToken('the stream ticket is invalid or has expired: ask for a new one');
  }

  access(claims: AccessClaims): string {
    return this.signAccess({ sub: claims.athleteId, sid: claims.sessionId });
  }

  /** The claims of a valid access token, or INVALID_TOKEN (tokens from before sessions have no `sid`). */
  verifyAccess(token: string): AccessClaims {
    let claims: { sub?: unknown; sid?: unknown };
    try {
      claims = this.verifyAccessJwt(token);
    } catch {
      throw Errors.invalidToken('the access token is invalid or has expired');
    }
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || !UUID.test(claims.sid))
      throw Errors.invalidToken('the access token is invalid or has expired');
    return { athleteId: claims.sub, sessionId: claims.sid };
  }

  challenge(athleteId: string): string {
    return this.signChallenge({ sub: athleteId, purpose: 'two-factor' });
  }

  /** The athlete a two-factor challenge was issued to, or INVALID_TOKEN. */
  verifyChallenge(token: string): string {
    try {
      const claims = this.verifyChallengeJwt(token);
      if (typeof claims.sub === 'string' && claims.purpose === 'two-factor') return claims.sub;
    } catch {
      // fall through
    }
    throw Errors.invalidToken('the sign-in challenge is invalid or has expired: log in again');
  }
}
