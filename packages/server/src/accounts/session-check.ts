/** What the database says about a session: its athlete and whether it was revoked. */
export type SessionLookup = (
  id: string,
) => Promise<{ athlete_id: string; revoked_at: Date | null } | undefined>;

export interface SessionCheckOptions {
  /** How long "this session is active" is believed without asking the database again. */
  ttlMs: number;
  /** Sessions remembered at most (least recently used forgotten first). */
  max: number;
  now?: () => number;
}

interface Known {
  athleteId: string | undefined;
  active: boolean;
  /** Until when this is believed; revoked and deleted sessions never come back. */
  until: number;
}

/**
 * Is an access token's session still signed in? Answered from a small in-process LRU so
 * reads stay fast: an active session is believed for `ttlMs`, a revoked or deleted one for
 * good (session ids are random and never reused). Signing out, a replayed refresh token and
 * deleting an account in this process update the cache at once; another process learns of it
 * within `ttlMs`, or at once for a request that asks for a fresh answer (writes do).
 */
export class SessionCheck {
  private readonly known = new Map<string, Known>();
  private readonly pending = new Map<string, Promise<Known>>();
  private readonly now: () => number;

  constructor(
    private readonly lookup: SessionLookup,
    private readonly options: SessionCheckOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** True when the session exists, is not revoked and belongs to `athleteId`. */
  async isActive(sessionId: string, athleteId: string, { fresh = false } = {}): Promise<boolean> {
    let known = fresh ? undefined : this.cached(sessionId);
    known ??= await this.load(sessionId);
    return known.active && known.athleteId === athleteId;
  }

  /** This process revoked the session (sign-out, replay): refuse its tokens from now on. */
  revoked(sessionId: string): void {
    const athleteId = this.known.get(sessionId)?.athleteId;
    this.remember(sessionId, { athleteId, active: false, until: Number.POSITIVE_INFINITY });
  }

  /** Every known session of the athlete ends (the account was deleted). */
  revokedAllOf(athleteId: string): void {
    for (const [id, known] of this.known) {
      if (known.athleteId === athleteId) {
        known.active = false;
        known.until = Number.POSITIVE_INFINITY;
        this.known.set(id, known);
      }
    }
  }

  private cached(sessionId: string): Known | undefined {
    const known = this.known.get(sessionId);
    if (!known || known.until <= this.now()) return undefined;
    // Most recently used last: the first key is the one to forget.
    this.known.delete(sessionId);
    this.known.set(sessionId, known);
    return known;
  }

  /** One database read per session at a time, however many requests wait for it. */
  private load(sessionId: string): Promise<Known> {
    let pending = this.pending.get(sessionId);
    if (!pending) {
      pending = this.lookup(sessionId)
        .then((row) => {
          const active = !!row && !row.revoked_at;
          const known = {
            athleteId: row?.athlete_id,
            active,
            until: active ? this.now() + this.options.ttlMs : Number.POSITIVE_INFINITY,
          };
          // A revocation heard while the read was in flight wins over what the read saw.
          const meanwhile = this.known.get(sessionId);
          if (meanwhile && !meanwhile.active) return meanwhile;
          this.remember(sessionId, known);
          return known;
        })
        .finally(() => this.pending.delete(sessionId));
      this.pending.set(sessionId, pending);
    }
    return pending;
  }

  private remember(sessionId: string, known: Known): void {
    this.known.delete(sessionId);
    this.known.set(sessionId, known);
    while (this.known.size > this.options.max) {
      this.known.delete(this.known.keys().next().value!);
    }
  }
}
