// Rate limits on sign-in, counted in the web store (infra/webStore/store.ts) so that two web replicas behind
// one address hold one limit between them rather than each its own.
import type { WebStore } from '../../infra/webStore/store.ts';

export interface Limit {
  /** Attempts allowed in a window. */
  max: number;
  windowMs: number;
}

export interface RateLimiter {
  /**
   * Counts one attempt for `key` at `now`. `allowed: false` once more than `max` fall in the window, with
   * the seconds until it ends (for Retry-After).
   */
  hit(key: string, now: number): Promise<{ allowed: boolean; count: number; retryAfterSeconds: number }>;
  /** Forgets `key`, e.g. an account's failures after a successful sign-in. */
  reset(key: string): Promise<void>;
}

/** A limit counted in the web store, named `bucket` there: every replica sees the same counts. */
export function rateLimiter(store: WebStore, bucket: string, limit: Limit): RateLimiter {
  return {
    async hit(key, now) {
      const { count, resetAt } = await store.countAttempt(bucket, key, now, limit.windowMs);
      return {
        allowed: count <= limit.max,
        count,
        retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)),
      };
    },
    reset: (key) => store.forgetAttempts(bucket, key),
  };
}

const fifteenMinutes = 15 * 60_000;
/**
 * Password attempts: 5 per account from one address, and 20 per address, in 15 minutes; a successful sign-in
 * clears the account's count from that address. Nothing is counted against an account alone, so failures
 * from elsewhere never refuse its owner: at the 10th failure of an account in 15 minutes the operator is told
 * by mail instead (`passwordFailuresPerAccount`: it refuses nothing). Link requests: 10 per address in 15
 * minutes, and at most 3 mails per unit in 15 minutes (beyond that the request is answered as always, and no
 * mail goes out).
 */
export const signInLimits = {
  passwordPerAccountAndAddress: { max: 5, windowMs: fifteenMinutes },
  passwordPerAddress: { max: 20, windowMs: fifteenMinutes },
  passwordFailuresPerAccount: { max: 10, windowMs: fifteenMinutes },
  linkPerAddress: { max: 10, windowMs: fifteenMinutes },
  linkMailsPerUnit: { max: 3, windowMs: fifteenMinutes },
} as const satisfies Record<string, Limit>;
