import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// OWASP's minimum for argon2id: 19 MiB memory, 2 iterations, 1 lane.
// (algorithm 2 = Argon2id; the package's enum is a const enum that isolated modules cannot read.)
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** Whether `password` matches `passwordHash`; with no hash, spends the same time and says no. */
export async function checkPassword(
  passwordHash: string | undefined,
  password: string,
): Promise<boolean> {
  if (passwordHash === undefined) {
    // The same time as a real check, so response time does not reveal which logins exist.
    dummyHash ??= hash(randomBytes(16).toString('hex'), ARGON2);
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
