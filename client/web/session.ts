// Who is asking: a signed session cookie, and the CSRF token that state-changing requests must repeat.
//
// The session is a record in the web store (infra/webStore/sessions.ts), shared by every replica; the cookie
// carries only its random id, HMAC-SHA256-signed with WEB_SESSION_SECRET (Hono's signed cookies). A session
// ends 8 hours after sign-in, or after an hour unused, or when revoked: sign-out, a newer sign-in link for
// the unit, a changed password or role of the operator. HttpOnly (no script reads it), SameSite=Lax (sent on
// a top-level navigation, such as the mail's sign-in link, never on another site's form post or fetch),
// Secure and `__Host-`-prefixed when the web is served over https. An operator's role is read from the store,
// kept by each replica a second at most (sessionCache.ts): a changed role or a removed account takes effect
// at once through this replica, within that second elsewhere.
//
// CSRF: a double-submit token. Every POST must carry an `x-csrf-token` header (or, for the plain HTML forms,
// a `_csrf` form field among its first bytes, csrf.ts) equal to the `wlx_csrf` cookie, compared in constant time. Another site can
// make a browser send our cookies but can neither read them nor set a custom header on a cross-site request
// (that needs a CORS preflight, which this app never grants), so it cannot forge the pair. We prefer this to
// Hono's `csrf()` Origin check because that one guards only form content types and trusts the Origin header
// to name the public host, which a reverse proxy in front may not preserve; the token works for JSON, forms
// and htmx alike, and also guards the sign-in requests themselves (login CSRF). The token comes from
// `GET /api/session/csrf` (and will be embedded in the pages' forms).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, getSignedCookie, setCookie, setSignedCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import type { SessionOwner, SessionStore } from '../../infra/webStore/sessions.ts';
import type { operatorRoles } from '../../infra/webStore/store.ts';
import { csrfFormField } from './csrf.ts';

export type Principal =
  | { kind: 'unit'; unitCode: string }
  | { kind: 'operator'; name: string; role: (typeof operatorRoles)[number] };

/** The absolute lifetime of a session, from sign-in. */
export const sessionLifetimeMs = 8 * 3_600_000;
/** A session unused this long ends. */
export const sessionIdleMs = 3_600_000;

const sessionIdPattern = /^[A-Za-z0-9_-]{43}$/;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** The store keeps a session id's SHA-256 only: a leaked table signs nobody in. */
const ownerOf = (p: Principal): SessionOwner =>
  p.kind === 'unit' ? { kind: 'unit', subject: p.unitCode } : { kind: 'operator', subject: p.name };

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
  store: SessionStore,
  principal: Principal,
  now: number,
): Promise<void> {
  const id = randomBytes(32).toString('base64url');
  await store.saveSession(
    { idHash: sha256(id), ...ownerOf(principal), expiresAt: now + sessionLifetimeMs },
    now,
  );
  await setSignedCookie(
    c,
    cookieNames(settings.secure).session,
    id,
    settings.secret,
    cookieOptions(settings, 'Lax'),
  );
}

/**
 * Signed cookie values this replica has verified, by secret: verifying one (WebCrypto's key import and HMAC)
 * cost more than the rest of a kept page under load. Only good signatures are kept, so what grows it is real
 * sign-ins; it is emptied past `verifiedAtMost`. Whether the session is still live is asked every time.
 */
const verified = new Map<string, Map<string, string>>();
const verifiedAtMost = 10_000;

async function sessionId(c: Context, settings: CookieSettings): Promise<string | null> {
  const name = cookieNames(settings.secure).session;
  const value = getCookie(c, name);
  if (!value) return null;
  let known = verified.get(settings.secret);
  const found = known?.get(value);
  if (found) return found;
  const id = await getSignedCookie(c, settings.secret, name);
  if (!id || !sessionIdPattern.test(id)) return null;
  if (!known || known.size >= verifiedAtMost) {
    known = new Map();
    verified.set(settings.secret, known);
  }
  known.set(value, id);
  return id;
}

/** Revokes the session in the store (every replica) and clears its cookie. */
export async function endSession(
  c: Context,
  settings: CookieSettings,
  store: SessionStore,
  now: number,
): Promise<void> {
  const id = await sessionId(c, settings);
  if (id) await store.revokeSession(sha256(id), now);
  deleteCookie(c, cookieNames(settings.secure).session, { path: '/', secure: settings.secure });
}

/** Who the session is for, if its cookie is signed by us and the store holds it live at `now`. */
export async function readSession(
  c: Context,
  settings: CookieSettings,
  store: SessionStore,
  now: number,
): Promise<SessionOwner | null> {
  const id = await sessionId(c, settings);
  return id ? store.useSession(sha256(id), now, sessionIdleMs) : null;
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
