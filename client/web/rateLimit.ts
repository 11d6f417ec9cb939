// Rate limits on sign-in, in this process's memory: enough for one web process (npm start, compose's one
// `web` service). Several web replicas would each count apart, multiplying the limits by their number;
// they would need the counts in the web store instead.

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
  hit(key: string, now: number): { allowed: boolean; retryAfterSeconds: number };
  /** Forgets `key`, e.g. an account's failures after a successful sign-in. */
  reset(key: string): void;
}

export function rateLimiter(limit: Limit): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    hit(key, now) {
      // Expired windows are dropped as they are met, and all of them now and then, so memory stays bounded.
      if (windows.size > 10_000) for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
      let window = windows.get(key);
      if (!window || window.resetAt <= now) {
        window = { count: 0, resetAt: now + limit.windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return {
        allowed: window.count <= limit.max,
        retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)),
      };
    },
    reset: (key) => void windows.delete(key),
  };
}

const fifteenMinutes = 15 * 60_000;
/**
 * Password attempts: 5 per account and 20 per client address in 15 minutes. A successful sign-in clears
 * the account's count. Link requests: 10 per address in 15 minutes, and at most 3 mails per unit in
 * 15 minutes (beyond that the request is answered as always, and no mail goes out).
 */
export const signInLimits = {
  passwordPerAccount: { max: 5, windowMs: fifteenMinutes },
  passwordPerAddress: { max: 20, windowMs: fifteenMinutes },
  linkPerAddress: { max: 10, windowMs: fifteenMinutes },
  linkMailsPerUnit: { max: 3, windowMs: fifteenMinutes },
} as const satisfies Record<string, Limit>;
