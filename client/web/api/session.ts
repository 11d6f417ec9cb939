// The session API: CSRF token, who is signed in, sign-in by password or mailed link, sign-out.
import type { Context } from 'hono';
import { z } from 'zod';
import { unitCodeSchema } from '../../../domain/registry.ts';
import { recordWebEvent } from '../auditEvents.ts';
import { problem, sendProblem } from '../problems.ts';
import { defineRoute, type WebRoute } from '../routeSpec.ts';
import { csrfToken, endSession } from '../session.ts';
import { requestSignInLink, signInTokenPattern, signInWithLink, signInWithPassword } from '../signIn.ts';

function tooMany(c: Context, retryAfterSeconds: number): Response {
  return sendProblem(
    c,
    problem(429, 'rate-limited', `too many sign-in attempts; try again in ${retryAfterSeconds} s`),
    { 'retry-after': String(retryAfterSeconds) },
  );
}

export const sessionRoutes: WebRoute[] = [
  defineRoute({
    rule: 'anyone',
    method: 'get',
    path: '/api/session/csrf',
    summary: 'the CSRF token to send as x-csrf-token with every POST (sets its cookie)',
    tags: ['session'],
    success: { status: 200, description: '{ csrfToken }' },
    handle: async ({ c, services }) => c.json({ csrfToken: csrfToken(c, services.cookies) }),
  }),
  defineRoute({
    rule: 'signedIn',
    method: 'get',
    path: '/api/session',
    summary: 'who is signed in (whoami), with the CSRF token',
    tags: ['session'],
    success: { status: 200, description: '{ principal, csrfToken }' },
    handle: async ({ c, principal, services }) =>
      c.json({ principal, csrfToken: csrfToken(c, services.cookies) }),
  }),
  defineRoute({
    rule: 'anyone',
    method: 'post',
    path: '/api/session/password',
    summary: 'an operator signs in with name and password',
    tags: ['session'],
    body: z.object({ name: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }),
    success: { status: 200, description: '{ principal }; sets the session cookie' },
    answers: { 401: 'wrong name or password', 429: 'too many attempts; Retry-After says when to try again' },
    handle: async ({ c, body, services }) => {
      const outcome = await signInWithPassword(services, c, body.name, body.password);
      if ('principal' in outcome) return c.json(outcome);
      if (outcome.refused === 'rate-limited') return tooMany(c, outcome.retryAfterSeconds);
      return sendProblem(c, problem(401, 'wrong-password', 'wrong name or password'));
    },
  }),
  defineRoute({
    rule: 'anyone',
    method: 'post',
    path: '/api/session/link',
    summary: "a unit asks for a one-time sign-in link, mailed to the registry's office address",
    tags: ['session'],
    body: z.object({ unitCode: unitCodeSchema }),
    success: { status: 202, description: 'the same answer whether or not the unit exists' },
    answers: { 429: 'too many requests from this address; Retry-After says when to try again' },
    handle: async ({ c, body, services }) => {
      const outcome = await requestSignInLink(services, c, body.unitCode);
      if ('refused' in outcome) return tooMany(c, outcome.retryAfterSeconds);
      return c.json(
        {
          detail:
            '如该单位已登记，登录链接已发送至其登记邮箱，15 分钟内有效 (if the unit is registered, a sign-in link valid for 15 minutes has been mailed to its registered address)',
        },
        202,
      );
    },
  }),
  defineRoute({
    rule: 'anyone',
    method: 'post',
    path: '/api/session/link/{token}',
    summary: 'a unit signs in with the token of its mailed link (once, within 15 minutes)',
    tags: ['session'],
    params: z.object({ token: z.string().regex(signInTokenPattern, 'the token from the mailed link') }),
    success: { status: 200, description: '{ principal }; sets the session cookie' },
    answers: { 410: 'the link is unknown, used, superseded or expired' },
    handle: async ({ c, params, services }) => {
      const principal = await signInWithLink(services, c, params.token);
      if (!principal)
        return sendProblem(
          c,
          problem(
            410,
            'link-expired',
            '此登录链接无效、已使用或已过期 (this sign-in link is unknown, used or expired); ask for a new one',
          ),
        );
      return c.json({ principal });
    },
  }),
  defineRoute({
    rule: 'signedIn',
    method: 'post',
    path: '/api/session/sign-out',
    summary: 'sign out (clears the session cookie)',
    tags: ['session'],
    success: { status: 204, description: 'signed out' },
    handle: async ({ c, services, principal }) => {
      await endSession(c, services.cookies, services.store, services.clock());
      await recordWebEvent(c, services, principal, { kind: 'signOut' });
      return c.body(null, 204);
    },
  }),
];
