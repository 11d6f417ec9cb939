// Operators' passwords: scrypt (memory-hard, in Node's crypto: no native module), a random salt per user,
// compared in constant time. The stored form names its parameters, so they can be raised later and old
// hashes still verify: `scrypt$N$r$p$salt$hash` (salt and hash base64url).
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * N = 2^15, r = 8, p = 1: 128 · N · r = 32 MiB of memory per hash and ~50–100 ms on a server core, the
 * parameters OWASP recommends for scrypt. Node's default `maxmem` (32 MiB) is exactly the need and is
 * refused, so it is raised to 64 MiB.
 */
export const scryptParameters = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const keyLength = 32;
const saltLength = 16;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(saltLength);
  const { N, r, p } = scryptParameters;
  const key = await derive(password, salt, scryptParameters);
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: scryptParameters.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash of a password nobody has: verified against when the account does not exist, so that a wrong name
 * takes as long as a wrong password and answers do not tell which names exist.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}

/** What an operator password must be: long enough to resist guessing at scrypt's cost. */
export const passwordRule = { minLength: 12, maxLength: 200 } as const;
