import { createSigner, createVerifier } from 'fast-jwt';
import { Errors } from '../platform/errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who an access token was issued to, and the session (refresh-token family) it belongs to. */
export interface AccessClaims {
  athleteId: string;
  sessionId: string;
}

/** Access tokens: `sub` the athlete, `sid` the session they belong to. */
export class Tokens {
  private readonly signAccess: (payload: Record<string, unknown>) => string;
  private readonly verifyAccessJwt: (token: string) => { sub?: unknown; sid?: unknown };

  constructor(secret: string, accessTtlS: number) {
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
}
