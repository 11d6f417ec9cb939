// The authorization rules a route can declare, and the one middleware that enforces them. Each rule says
// who may call the route; the middleware answers 401 to an anonymous caller of a protected route, 403 to a
// signed-in caller the rule does not admit, and 403 to a POST whose CSRF token does not match (session.ts).
import type { Context, MiddlewareHandler } from 'hono';
import type { Lang } from './pages/html.ts';
import { type Problem, problem, sendProblem } from './problems.ts';
import { type CookieSettings, csrfMatches, type Principal } from './session.ts';

/** The `:unit` path parameter, for the rules about a unit's own year. */
type Params = Record<string, string | undefined>;

interface RuleDefinition {
  /** For the OpenAPI document and the docs page. */
  description: string;
  /** False: an anonymous caller is let through. */
  signInRequired: boolean;
  admits(principal: Principal, params: Params): boolean;
}

const isOwnUnit = (p: Principal, params: Params) => p.kind === 'unit' && p.unitCode === params.unit;
const isViewer = (p: Principal) => p.kind === 'operator'; // viewer or operator: both may read
const isOperator = (p: Principal) => p.kind === 'operator' && p.role === 'operator';

export const rules = {
  anyone: { description: 'anyone, signed in or not', signInRequired: false, admits: () => true },
  signedIn: { description: 'anyone signed in', signInRequired: true, admits: () => true },
  ownUnit: {
    description: 'the unit named by {unit}, signed in with its link',
    signInRequired: true,
    admits: isOwnUnit,
  },
  ownUnitOrViewer: {
    description: 'the unit named by {unit}, or an operator account (viewer or operator)',
    signInRequired: true,
    admits: (p, params) => isOwnUnit(p, params) || isViewer(p),
  },
  viewer: {
    description: 'an operator account with role viewer or operator',
    signInRequired: true,
    admits: isViewer,
  },
  operator: {
    description: 'an operator account with role operator',
    signInRequired: true,
    admits: isOperator,
  },
} as const satisfies Record<string, RuleDefinition>;

export type Rule = keyof typeof rules;

export const isRule = (value: unknown): value is Rule =>
  typeof value === 'string' && Object.hasOwn(rules, value);

export interface WebVariables {
  /** Set by the session middleware on every request; null when nobody is signed in. */
  principal: Principal | null;
  /** The reader's language for pages, from the language switch's cookie. */
  lang: Lang;
}
export type WebEnv = { Variables: WebVariables };

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** How a refusal is told: a problem document for the API, a page for a browser. */
export type Refuse = (c: Context<WebEnv>, problem: Problem) => Response | Promise<Response>;

/**
 * The one enforcement point of the rules: the middleware the route table puts in front of every route's
 * handler, before its body is read. For pages (`signInPage` given) an anonymous reader is sent to sign in,
 * and comes back after.
 */
export function authorize(
  rule: Rule,
  refuse: Refuse = sendProblem,
  signInPage?: string,
): MiddlewareHandler<WebEnv> {
  const definition: RuleDefinition = rules[rule];
  return async (c: Context<WebEnv>, next) => {
    const principal = c.get('principal');
    if (principal === null && definition.signInRequired) {
      if (signInPage) {
        const back = c.req.method === 'GET' ? `?next=${encodeURIComponent(c.req.path)}` : '';
        return c.redirect(`${signInPage}${back}`, 303);
      }
      return refuse(c, problem(401, 'sign-in-required', 'sign in first'));
    }
    if (principal !== null && !definition.admits(principal, c.req.param() as Params)) {
      return refuse(c, problem(403, 'forbidden', `only ${definition.description} may do this`));
    }
    await next();
  };
}

/** A POST must repeat its CSRF token (session.ts); checked once the body is known to be within its limit. */
export function requireCsrf(
  cookies: CookieSettings,
  refuse: Refuse = sendProblem,
): MiddlewareHandler<WebEnv> {
  return async (c: Context<WebEnv>, next) => {
    if (unsafeMethods.has(c.req.method) && !(await csrfMatches(c, cookies))) {
      return refuse(
        c,
        problem(
          403,
          'csrf',
          'missing or wrong CSRF token: send the x-csrf-token header from GET /api/session/csrf',
        ),
      );
    }
    await next();
  };
}
