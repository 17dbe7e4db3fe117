import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import type { AthleteService } from '../athletes/athlete.service.js';
import { Errors } from '../platform/errors.js';
import { checkPassword } from './password.js';
import type { TwoFactorRepository } from './two-factor.repository.js';

export interface TwoFactorOptions {
  /** The name authenticator apps show beside the account. */
  issuer: string;
  /** Consecutive wrong codes before code checks are locked... */
  maxFailures: number;
  /** ...for this long. */
  lockMs: number;
  now?: () => number;
}

export const TWO_FACTOR_DEFAULTS: TwoFactorOptions = {
  issuer: 'Stride',
  maxFailures: 5,
  lockMs: 15 * 60_000,
};

export const RECOVERY_CODE_COUNT = 10;

// 32 letters and digits without 0/o, 1/l: 16 of them carry 80 bits, read aloud without doubt.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const TOTP_CODE = /^\d{6}$/;

export interface TwoFactorStatus {
  enabled: boolean;
  /** A set-up was started and waits for its first code. */
  pending: boolean;
  recovery_codes_left: number;
}

/**
 * Optional TOTP two-factor login (RFC 6238: 6 digits, 30-second steps, the format every
 * authenticator app reads). Set up in two steps — a secret and its otpauth URI, then a first
 * code that proves the app has it — which hands out ten single-use recovery codes, stored only
 * as hashes. A code is accepted once (its time step is recorded), one step early or late is
 * allowed for clock drift, and every attempt counts: five wrong ones in a row lock code checks
 * for fifteen minutes.
 */
export class TwoFactorService {
  private readonly now: () => number;

  constructor(
    private readonly repo: TwoFactorRepository,
    private readonly athletes: AthleteService,
    private readonly options: TwoFactorOptions = TWO_FACTOR_DEFAULTS,
  ) {
    this.now = options.now ?? Date.now;
  }

  async status(athleteId: string): Promise<TwoFactorStatus> {
    const row = await this.repo.find(athleteId);
    return {
      enabled: !!row?.enabled_at,
      pending: !!row && !row.enabled_at,
      recovery_codes_left: row?.enabled_at ? await this.repo.recoveryCodesLeft(athleteId) : 0,
    };
  }

  async isEnabled(athleteId: string): Promise<boolean> {
    return !!(await this.repo.find(athleteId))?.enabled_at;
  }

  /** Starts a set-up (again): a new secret and the otpauth URI an authenticator app scans. */
  async begin(
    athleteId: string,
    password: string,
  ): Promise<{ secret: string; otpauth_uri: string }> {
    const athlete = await this.athletes.current(athleteId);
    if (!(await checkPassword(athlete.password_hash, password)))
      throw Errors.forbidden('the password is wrong');
    const secret = generateSecret();
    if (!(await this.repo.begin(athleteId, secret)))
      throw Errors.conflict('two-factor login is already on: turn it off first to set it up again');
    const uri = generateURI({ issuer: this.options.issuer, label: athlete.handle, secret });
    return { secret, otpauth_uri: uri };
  }

  /** Turns two-factor login on with a first code from the app; answers the recovery codes, once. */
  async confirm(athleteId: string, code: string): Promise<{ recovery_codes: string[] }> {
    const row = await this.repo.find(athleteId);
    if (!row || row.enabled_at)
      throw Errors.conflict(
        row ? 'two-factor login is already on' : 'start the set-up first: no secret is waiting',
      );
    if (!(await this.check(athleteId, code, { recovery: false })))
      throw Errors.forbidden(
        'the code is wrong: enter the current code from the app (and check the device clock)',
      );
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
    const hashes = codes.map((c) => hashRecoveryCode(athleteId, c));
    if (!(await this.repo.enable(athleteId, row.secret, hashes)))
      throw Errors.conflict('the set-up changed meanwhile: start it again');
    return { recovery_codes: codes };
  }

  /** Turns two-factor login off, with the password and a code (from the app or a recovery code). */
  async disable(athleteId: string, password: string, code: string): Promise<void> {
    const athlete = await this.athletes.current(athleteId);
    if (!(await checkPassword(athlete.password_hash, password)))
      throw Errors.forbidden('the password is wrong');
    const row = await this.repo.find(athleteId);
    if (!row?.enabled_at) {
      // A set-up never confirmed goes quietly; there was nothing to turn off.
      if (row) await this.repo.remove(athleteId);
      return;
    }
    if (!(await this.check(athleteId, code, { recovery: true })))
      throw Errors.forbidden('the code is wrong or was already used');
    await this.repo.remove(athleteId);
  }

  /**
   * Whether `code` is a current TOTP code (or, with `recovery`, an unused recovery code) of
   * the athlete's second factor; each is accepted once. Throws RATE_LIMITED while code checks
   * are locked after too many wrong codes.
   */
  async check(
    athleteId: string,
    code: string,
    { recovery }: { recovery: boolean },
  ): Promise<boolean> {
    const row = await this.repo.find(athleteId);
    if (!row) return false;
    const now = this.now();
    const reservation = await this.repo.reserveAttempt(
      athleteId,
      new Date(now),
      this.options.maxFailures,
      this.options.lockMs,
    );
    if (!reservation.allowed) {
      const minutes = Math.ceil((reservation.lockedUntil.getTime() - now) / 60_000);
      throw Errors.rateLimited(
        `too many wrong codes: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
      );
    }
    let ok = false;
    const digits = code.replace(/\s+/g, '');
    if (TOTP_CODE.test(digits)) {
      const result = await verify({
        secret: row.secret,
        token: digits,
        epoch: now / 1000,
        epochTolerance: 30,
        ...(row.last_step !== null ? { afterTimeStep: row.last_step } : {}),
      });
      ok =
        result.valid &&
        'timeStep' in result &&
        (await this.repo.acceptStep(athleteId, result.timeStep));
    } else if (recovery) {
      const normalized = normalizeRecoveryCode(code);
      ok =
        normalized !== undefined &&
        (await this.repo.useRecoveryCode(athleteId, hashRecoveryCode(athleteId, normalized)));
    }
    if (ok) await this.repo.clearFailures(athleteId);
    return ok;
  }
}

/** A recovery code: 16 characters of 5 bits (80 bits), shown as four groups of four. */
function recoveryCode(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(value >> bits) & 31];
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** The code as stored: lower case, without spaces or dashes; undefined if it cannot be one. */
function normalizeRecoveryCode(code: string): string | undefined {
  const plain = code.toLowerCase().replace(/[\s-]+/g, '');
  return plain.length === 16 && [...plain].every((c) => ALPHABET.includes(c)) ? plain : undefined;
}

// 80 random bits need no slow hash; the athlete id keeps equal codes of two athletes apart.
function hashRecoveryCode(athleteId: string, code: string): string {
  const plain = normalizeRecoveryCode(code) ?? code;
  return createHash('sha256').update(`${athleteId}:${plain}`).digest('hex');
}
