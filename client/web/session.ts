// Who is asking: a signed session cookie, and the CSRF token that state-changing requests must repeat.
//
// The session is the cookie itself, HMAC-SHA256-signed with WEB_SESSION_SECRET (Hono's signed cookies),
// carrying who signed in and until when (8 hours, checked here, not only by the browser's Max-Age).
// HttpOnly (no script reads it), SameSite=Lax (sent on a top-level navigation, such as the mail's sign-in
// link, never on another site's form post or fetch), Secure and `__Host-`-prefixed when the web is served
// over https. An operator's role is read from the store on every request, so a changed role or a removed
// account takes effect at once; a unit's session cannot be revoked before it expires (sign-out clears the
// cookie in that browser only).
//
// CSRF: a double-submit token. Every POST must carry an `x-csrf-token` header (or, for the plain HTML forms,
// a `_csrf` form field among its first bytes, csrf.ts) equal to the `wlx_csrf` cookie, compared in constant time. Another site can
// make a browser send our cookies but can neither read them nor set a custom header on a cross-site request
// (that needs a CORS preflight, which this app never grants), so it cannot forge the pair. We prefer this to
// Hono's `csrf()` Origin check because that one guards only form content types and trusts the Origin header
// to name the public host, which a reverse proxy in front may not preserve; the token works for JSON, forms
// and htmx alike, and also guards the sign-in requests themselves (login CSRF). The token comes from
// `GET /api/session/csrf` (and will be embedded in the pages' forms).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, getSignedCookie, setCookie, setSignedCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import { z } from 'zod';
import { unitCodeSchema } from '../../domain/registry.ts';
import { operatorRoles } from '../../infra/webStore/store.ts';
import { csrfFormField } from './csrf.ts';

export type Principal =
  | { kind: 'unit'; unitCode: string }
  | { kind: 'operator'; name: string; role: (typeof operatorRoles)[number] };

export const sessionLifetimeMs = 8 * 3_600_000;

const sessionPayloadSchema = z.object({
  principal: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('unit'), unitCode: unitCodeSchema }),
    z.object({ kind: z.literal('operator'), name: z.string().min(1), role: z.enum(operatorRoles) }),
  ]),
  expiresAt: z.number().int(),
});

export interface CookieSettings {
  secret: string;
  /** Served over https: Secure cookies with the `__Host-` prefix. */
  secure: boolean;
}

export const cookieNames = (secure: boolean) =>
  secure
    ? { session: '__Host-wlx_session', csrf: '__Host-wlx_csrf' }
    : { session: 'wlx_session', csrf: 'wlx_csrf' };

function cookieOptions(settings: CookieSettings, sameSite: 'Lax' | 'Strict'): CookieOptions {
  return {
    path: '/',
    httpOnly: true,
    secure: settings.secure,
    sameSite,
    maxAge: sessionLifetimeMs / 1000,
  };
}

export async function startSession(
  c: Context,
  settings: CookieSettings,
  principal: Principal,
  now: number,
): Promise<void> {
  const payload = JSON.stringify({ principal, expiresAt: now + sessionLifetimeMs });
  await setSignedCookie(
    c,
    cookieNames(settings.secure).session,
    Buffer.from(payload).toString('base64url'),
    settings.secret,
    cookieOptions(settings, 'Lax'),
  );
}

export function endSession(c: Context, settings: CookieSettings): void {
  deleteCookie(c, cookieNames(settings.secure).session, { path: '/', secure: settings.secure });
}

/** The cookie's principal, if it is signed by us and unexpired at `now`; null otherwise. */
export async function readSession(
  c: Context,
  settings: CookieSettings,
  now: number,
): Promise<Principal | null> {
  const value = await getSignedCookie(c, settings.secret, cookieNames(settings.secure).session);
  if (!value) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = sessionPayloadSchema.safeParse(decoded);
  if (!parsed.success || parsed.data.expiresAt <= now) return null;
  return parsed.data.principal;
}

/** Tokens made during a request, so that a page with several forms sets one cookie, not one a form. */
const madeFor = new WeakMap<Request, string>();

/** The browser's CSRF token, made and set as a cookie when it has none. */
export function csrfToken(c: Context, settings: CookieSettings): string {
  const name = cookieNames(settings.secure).csrf;
  const existing = getCookie(c, name);
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const made = madeFor.get(c.req.raw);
  if (made) return made;
  const token = randomBytes(32).toString('base64url');
  madeFor.set(c.req.raw, token);
  setCookie(c, name, token, cookieOptions(settings, 'Strict'));
  return token;
}

/** Whether the request repeats its CSRF cookie in the header (or, for forms, the `_csrf` field). */
export async function csrfMatches(c: Context, settings: CookieSettings): Promise<boolean> {
  const cookie = getCookie(c, cookieNames(settings.secure).csrf);
  if (!cookie) return false;
  const sent = c.req.header('x-csrf-token') ?? (await csrfFormField(c));
  if (sent === undefined) return false;
  const a = Buffer.from(cookie);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
}
