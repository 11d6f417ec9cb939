// The web: a Hono app on the route table (routes.ts), built from its dependencies so that tests build it
// in-process. One middleware reads the session; every route has `authorize(rule)` in front of it; the app
// refuses to build when a route has no rule, or when anything was registered outside the table.
import { getConnInfo } from '@hono/node-server/conninfo';
import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Client } from '@temporalio/client';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { defaultRegistry } from '../../domain/defaultRegistry.ts';
import type { RobotPlatform } from '../../domain/notices/robotMarkdown.ts';
import type { Registry } from '../../domain/registry.ts';
import type { AuditTrail } from '../../infra/audit/trail.ts';
import { hoursToMs } from '../../infra/config.ts';
import type { ClientConfig } from '../../infra/temporal/connection.ts';
import type { WebStore } from '../../infra/webStore/store.ts';
import packageJson from '../../package.json' with { type: 'json' };
import { pageSnapshotTimes, type SnapshotTimes } from '../../reads/snapshots.ts';
import { limitBody, maxBodyBytes } from './bodyLimits.ts';
import { contentSecurityPolicy } from './contentPolicy.ts';
import { langs } from './pages/html.ts';
import { problemPage } from './pages/problemPage.ts';
import {
  type Problem,
  problem,
  problemFor,
  problemSchema,
  sendProblem,
  validationProblem,
} from './problems.ts';
import { rateLimiter, signInLimits } from './rateLimit.ts';
import { readModel } from './readModel.ts';
import type { SignInMailer, WebRoute, WebServices } from './routeSpec.ts';
import { routeTable } from './routes.ts';
import { authorize, isRule, type Refuse, requireCsrf, rules, type WebEnv } from './rules.ts';
import { type Principal, readSession } from './session.ts';
import { cachedSessions } from './sessionCache.ts';
import { type QueueSize, type UploadQueue, uploadQueue } from './uploadQueue.ts';

/** The headers every answer carries. */
const everyResponse = [
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
  ['content-security-policy', contentSecurityPolicy],
  ['referrer-policy', 'no-referrer'], // sign-in links carry their token in the path
  ['cache-control', 'no-store'],
] as const;

export interface WebDeps {
  client: Client;
  config: ClientConfig;
  /** Signs the session cookies: at least 32 characters, secret. */
  sessionSecret: string;
  store: WebStore;
  /** The audit trail (留痕): the web's actions, sign-ins and downloads are recorded there. */
  audit?: AuditTrail;
  mailer: SignInMailer;
  /** Where browsers reach the web (links in mail; https makes cookies Secure). */
  publicUrl: string;
  clock?: () => number;
  /** Whose office addresses sign-in links go to; the shipped registry by default. */
  registry?: Registry;
  /** Which platforms each unit has a group robot on (NOTICE_ROBOTS_FILE): shown, never their addresses. */
  robots?: ReadonlyMap<string, readonly RobotPlatform[]>;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (for the rate limits). */
  trustProxy?: boolean;
  log?: (message: string, error?: unknown) => void;
  /** How many uploads are read at once and how many may wait (uploadQueue.ts); its defaults otherwise. */
  uploadQueue?: QueueSize;
  /** The route table; the real one by default (tests pass another to see a bad table refused). */
  routes?: readonly WebRoute[];
  /** How long the pages' reads and the sessions are kept (reads/snapshots.ts); about a second by default. */
  readTimes?: SnapshotTimes;
  /** The least time between two remind-alls of a year (REMIND_ALL_INTERVAL_HOURS); 24 hours by default. */
  remindAllIntervalMs?: number;
}

export interface WebApp {
  app: OpenAPIHono<WebEnv>;
  /** Resolves once background work (sign-in mails being sent) has finished. */
  settled(): Promise<void>;
  /** Throws if a route was registered on `app` outside the route table (done once when built). */
  check(): void;
}

/** `/api/campaigns/{year}` as Hono writes it: `/api/campaigns/:year`. */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

const problemContent = { 'application/problem+json': { schema: problemSchema } };

function clientAddress(trustProxy: boolean) {
  return (c: Context): string => {
    if (trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown'; // in-process requests (tests) have no socket
    }
  };
}

export function createWebApp(deps: WebDeps): WebApp {
  if (deps.sessionSecret.length < 32) throw new Error('the session secret must have at least 32 characters');
  const routes = deps.routes ?? routeTable;
  const secure = deps.publicUrl.startsWith('https:');
  const cookies = { secret: deps.sessionSecret, secure };
  const clock = deps.clock ?? Date.now;
  const log = deps.log ?? ((message, error) => console.error(`web: ${message}`, error ?? ''));
  const background = new Set<Promise<unknown>>();
  const readTimes = deps.readTimes ?? pageSnapshotTimes;
  // Real time, not `clock` (tests move that to change the campaign's day): these bound how old a read may be.
  const store = cachedSessions(deps.store, readTimes.freshMs, Date.now);

  // Set once the services exist: pages answer problems as pages, the API as problem documents.
  let answer: (c: Context<WebEnv>, p: Problem) => Response | Promise<Response> = sendProblem;
  const app = new OpenAPIHono<WebEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const where = result.target === 'json' ? 'request body' : `${result.target} parameters`;
        return answer(c as Context<WebEnv>, validationProblem(result.error.issues, where));
      }
    },
  });

  const services: WebServices = {
    client: deps.client,
    config: deps.config,
    store,
    audit: deps.audit,
    mailer: deps.mailer,
    registry: deps.registry ?? defaultRegistry(),
    robots: deps.robots ?? new Map(),
    clock,
    publicUrl: deps.publicUrl.replace(/\/$/, ''),
    cookies,
    limits: {
      passwordPerAccountAndAddress: rateLimiter(
        deps.store,
        'password-per-account-and-address',
        signInLimits.passwordPerAccountAndAddress,
      ),
      passwordFailuresPerAccount: rateLimiter(
        deps.store,
        'password-failures-per-account',
        signInLimits.passwordFailuresPerAccount,
      ),
      passwordPerAddress: rateLimiter(deps.store, 'password-per-address', signInLimits.passwordPerAddress),
      linkPerAddress: rateLimiter(deps.store, 'link-per-address', signInLimits.linkPerAddress),
      linkMailsPerUnit: rateLimiter(deps.store, 'link-mails-per-unit', signInLimits.linkMailsPerUnit),
    },
    clientAddress: clientAddress(deps.trustProxy ?? false),
    log,
    background,
    reads: readModel(deps.client, deps.config, Date.now, readTimes, deps.audit),
    remindAllIntervalMs: deps.remindAllIntervalMs ?? hoursToMs(24),
    document: () =>
      app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: { title: '知识产权服务万里行 wanlixing web API', version: packageJson.version },
      }),
  };

  const refusePage: Refuse = (c, p) => problemPage(c, services, p);
  answer = (c, p) => (isPage(c) ? refusePage(c, p) : sendProblem(c, p));

  // The session: who is asking, on every request. An operator's role is read from the store, kept a second
  // (sessionCache.ts).
  const session: MiddlewareHandler<WebEnv> = async (c, next) => {
    const owner = await readSession(c, cookies, store, clock());
    let principal: Principal | null = null;
    if (owner?.kind === 'unit') principal = { kind: 'unit', unitCode: owner.subject };
    if (owner?.kind === 'operator') {
      const account = await store.findUser(owner.subject);
      principal = account && { kind: 'operator', name: account.name, role: account.role };
    }
    c.set('principal', principal);
    const lang = getCookie(c, 'wlx_lang');
    c.set('lang', langs.find((l) => l === lang) ?? 'zh');
    await next();
  };
  // Server-Timing tells how long the server took (the pages' 200 ms goal is measured by it). The headers are
  // set before the response is made and checked on it after: c.header() on a made response remakes it as a
  // full fetch Response with a body stream, which cost a kept page more than its body under load.
  const securityHeaders: MiddlewareHandler<WebEnv> = async (c, next) => {
    const started = performance.now();
    for (const [name, value] of everyResponse) c.header(name, value);
    await next();
    // A response made without the context (a refusal built as a Response) has not got them yet.
    const { headers } = c.res;
    for (const [name, value] of everyResponse) if (!headers.has(name)) headers.set(name, value);
    headers.set('server-timing', `app;dur=${(performance.now() - started).toFixed(1)}`);
  };
  // A write to a year through this replica: its pages are read afresh next, whatever the write's outcome.
  const ownWrites: MiddlewareHandler<WebEnv> = async (c, next) => {
    try {
      await next();
    } finally {
      const year = c.req.method === 'GET' ? undefined : /^(?:\/api)?\/campaigns\/(\d+)/.exec(c.req.path)?.[1];
      if (year) services.reads.wrote(Number(year));
    }
  };
  const middleware = new Set<unknown>([session, securityHeaders, ownWrites]);
  app.use('*', securityHeaders, session, ownWrites);

  const uploads = uploadQueue(deps.uploadQueue);
  for (const route of routes) register(app, route, services, uploads, route.page ? refusePage : sendProblem);
  app.notFound((c) => answer(c, problem(404, 'not-found', `no route ${c.req.method} ${c.req.path}`)));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500)
      return answer(c, problem(error.status, 'bad-request', error.message));
    const found = problemFor(error);
    if (found.status >= 500) log(`${c.req.method} ${c.req.path}`, error);
    return answer(c, found);
  });
  const check = () => assertEveryRouteRuled(app, routes, middleware);
  check();

  return {
    app,
    check,
    async settled() {
      while (background.size > 0) await Promise.allSettled([...background]);
    },
  };
}

/** Everything outside /api/ is a page for browsers. */
const isPage = (c: Context) => !c.req.path.startsWith('/api/');

function register(
  app: OpenAPIHono<WebEnv>,
  route: WebRoute,
  services: WebServices,
  uploads: UploadQueue,
  refuse: Refuse,
): void {
  const name = `${route.method.toUpperCase()} ${route.path}`;
  if (!isRule((route as { rule?: unknown }).rule)) {
    throw new Error(`route ${name} has no authorization rule (one of ${Object.keys(rules).join(', ')})`);
  }
  const rule = rules[route.rule];
  const validated = route.params !== undefined || route.query !== undefined || route.body !== undefined;
  const config = createRoute({
    method: route.method,
    path: route.path,
    summary: route.summary,
    description: `Who may: ${rule.description}.`,
    tags: route.tags,
    'x-authorization': route.rule,
    ...(route.page && { hide: true }),
    request: {
      ...(route.params && { params: route.params }),
      ...(route.query && { query: route.query }),
      ...(route.body && {
        body: { content: { 'application/json': { schema: route.body } }, required: true },
      }),
    },
    responses: {
      [route.success.status]: {
        description: route.success.description,
        ...(route.success.contentType && { content: { [route.success.contentType]: { schema: {} } } }),
      },
      ...(rule.signInRequired && { 401: { description: 'not signed in', content: problemContent } }),
      ...((rule.signInRequired || route.method === 'post') && {
        403: { description: 'not allowed for this account, or no CSRF token', content: problemContent },
      }),
      ...(route.method === 'post' && {
        413: { description: 'the body is over its limit', content: problemContent },
      }),
      ...(validated && { 422: { description: 'invalid input, each field named', content: problemContent } }),
      ...(route.method === 'post' && {
        400: { description: 'a malformed request, such as a body that is not JSON', content: problemContent },
      }),
      404: { description: 'no such campaign, unit or workflow', content: problemContent },
      409: {
        description: 'not allowed now: the workflow refused it in its present state',
        content: problemContent,
      },
      500: { description: 'an internal error, logged', content: problemContent },
      503: {
        description: route.upload
          ? 'Temporal cannot be reached, or too many uploads at once (with Retry-After)'
          : 'Temporal cannot be reached',
        content: problemContent,
      },
      ...Object.fromEntries(
        Object.entries(route.answers ?? {}).map(([status, description]) => [
          status,
          { description, content: problemContent },
        ]),
      ),
    },
    // Who may, then (uploads) a turn in the queue, then the body's limit, then the CSRF token: nothing reads
    // a body before the caller is admitted and its size is known to be within bounds. A GET reads none, so it
    // has no limit to check (checking asks Node's request for its body stream, a third of a kept page's cost).
    middleware: [
      authorize(route.rule, refuse, route.page && '/sign-in'),
      ...(route.upload ? [uploads.middleware(refuse)] : []),
      ...(route.method === 'get' ? [] : [limitBody(maxBodyBytes(route), refuse)]),
      requireCsrf(services.cookies, refuse),
    ],
  } as RouteConfig);
  app.openapi(config, (async (c: Context<WebEnv>) => {
    const request = c.req as unknown as { valid(target: string): unknown };
    const valid = (target: string) => request.valid(target);
    return route.handle({
      c,
      params: route.params ? valid('param') : {},
      query: route.query ? valid('query') : {},
      body: route.body ? valid('json') : undefined,
      principal: c.get('principal'),
      services,
    });
  }) as never);
}

/**
 * Throws unless every route of `app` is a route of the table (whose rules `register` has checked), so
 * nothing can be served without a rule: a route added to the app directly, bypassing the table, stops the
 * app from starting. `middleware` are the app-wide middleware handlers, which serve no route themselves.
 */
export function assertEveryRouteRuled(
  app: Hono<WebEnv>,
  table: readonly WebRoute[],
  middleware: ReadonlySet<unknown>,
): void {
  const ruled = new Set(table.map((r) => `${r.method.toUpperCase()} ${honoPath(r.path)}`));
  const unruled = app.routes
    .filter((r) => !middleware.has(r.handler))
    .map((r) => `${r.method} ${r.path}`)
    .filter((key) => !ruled.has(key));
  if (unruled.length > 0) {
    throw new Error(
      `routes without an authorization rule (add them to the route table): ${[...new Set(unruled)].join(', ')}`,
    );
  }
}
