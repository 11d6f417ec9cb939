// The web API's one route table. Every route declares its authorization rule (rules.ts) next to its method,
// path and schemas; app.ts registers routes only from here, puts `authorize(rule)` in front of each, and
// refuses to start when any route lacks a rule or was registered outside this table. The handlers call the
// same client functions as `wlx` (client/actions/), with the same domain schemas: no rule lives here twice.
import { createHash, randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Context } from 'hono';
import { z } from 'zod';
import { designateKeyRegionsSchema } from '../../domain/matching/decisions.ts';
import { reviewActionSchema } from '../../domain/matching/review.ts';
import { isReporting, type Registry, unitCodeSchema } from '../../domain/registry.ts';
import {
  activityRecordSchema,
  demandListSchema,
  grantExtensionSchema,
  returnForRevisionSchema,
  summarySubmissionSchema,
  workPlanSchema,
} from '../../domain/submissions.ts';
import { campaignStatus } from '../actions/campaignStatus.ts';
import { designateKeyRegions } from '../actions/designateKeyRegions.ts';
import { grantExtension } from '../actions/grantExtension.ts';
import { currentReview, proposeMatching, reviewMatching } from '../actions/matchingReview.ts';
import { remindUnits } from '../actions/remindUnits.ts';
import { returnForRevision } from '../actions/returnForRevision.ts';
import type { SubmissionKind } from '../actions/submissionPayloads.ts';
import { sendSubmission } from '../actions/submit.ts';
import { unitStatus } from '../actions/unitStatus.ts';
import type { ClientConfig } from '../connection.ts';
import { yearSchema } from '../options.ts';
import { docsPage, type OpenApiLike } from './docsPage.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { problem, sendProblem } from './problems.ts';
import type { RateLimiter } from './rateLimit.ts';
import type { Rule, WebEnv } from './rules.ts';
import { type CookieSettings, csrfToken, endSession, type Principal, startSession } from './session.ts';
import type { WebStore } from './store.ts';

/** What a sign-in link mail needs. */
export interface SignInLinkMail {
  to: { name: string; email: string };
  unit: { code: string; nameZh: string; nameEn: string };
  url: string;
  expiresAt: number;
}
export interface SignInMailer {
  sendSignInLink(mail: SignInLinkMail): Promise<void>;
}

/** What handlers use: the app's dependencies, resolved. */
export interface WebServices {
  client: Client;
  config: ClientConfig;
  store: WebStore;
  mailer: SignInMailer;
  registry: Registry;
  clock: () => number;
  /** Where the browser reaches the web, for links in mail: `http://localhost:3000`. */
  publicUrl: string;
  cookies: CookieSettings;
  limits: {
    passwordPerAccount: RateLimiter;
    passwordPerAddress: RateLimiter;
    linkPerAddress: RateLimiter;
    linkMailsPerUnit: RateLimiter;
  };
  clientAddress(c: Context): string;
  log(message: string, error?: unknown): void;
  /** Background work under way (sign-in mails): awaited by tests and on shutdown. */
  background: Set<Promise<unknown>>;
  /** The OpenAPI document of the app, generated from this table. */
  document(): unknown;
}

export interface HandlerInput<P, B> {
  c: Context<WebEnv>;
  params: P;
  body: B;
  principal: Principal | null;
  services: WebServices;
}

export interface RouteSpec<P extends z.ZodObject | undefined, B extends z.ZodType | undefined> {
  /** Who may call it: required, so a route without a rule does not compile. */
  rule: Rule;
  method: 'get' | 'post';
  /** OpenAPI style: `/api/campaigns/{year}`. */
  path: string;
  summary: string;
  tags: string[];
  params?: P;
  body?: B;
  success: { status: 200 | 202 | 204 | 303; description: string; contentType?: string };
  handle(
    input: HandlerInput<
      P extends z.ZodObject ? z.output<P> : Record<string, never>,
      B extends z.ZodType ? z.output<B> : undefined
    >,
  ): Promise<Response>;
}

// biome-ignore lint/suspicious/noExplicitAny: the table holds routes of every parameter and body type
export type WebRoute = RouteSpec<any, any>;

export function defineRoute<
  P extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<P, B>): WebRoute {
  return spec;
}

const yearParams = z.object({ year: yearSchema });
const unitParams = z.object({ year: yearSchema, unit: unitCodeSchema });
const empty = z.strictObject({});

/** Who decides in the matching review: the signed-in operator's account name. */
function operatorName(principal: Principal | null): string {
  if (principal?.kind !== 'operator') throw new Error('operator route without an operator');
  return principal.name;
}

type ReviewActionName = z.infer<typeof reviewActionSchema>['action'];

/**
 * Every action of the review, each a route: a Record over the schema's actions, so an action added to
 * domain/matching/review.ts without a route here does not compile.
 */
const reviewActions: Record<ReviewActionName, { segment: string; summary: string }> = {
  accept: {
    segment: 'accept',
    summary: 'accept the proposed resource of the listed demands, or of every demand still only proposed',
  },
  override: { segment: 'override', summary: 'match one demand with another resource' },
  reject: { segment: 'reject', summary: 'reject the proposal for one demand, with a reason' },
  acceptPairings: {
    segment: 'accept-pairings',
    summary:
      'accept the proposed one-to-one partner of the listed units, or of every unit still only proposed',
  },
  overridePairing: { segment: 'override-pairing', summary: 'give one unit another one-to-one partner' },
  rejectPairing: { segment: 'reject-pairing', summary: "reject one unit's proposed partner, with a reason" },
  confirm: { segment: 'confirm', summary: 'confirm the review: only confirmed matches and partners go out' },
};

/** One action of the review, without `action` and `by` (the route and the session give those). */
function reviewBody(action: ReviewActionName) {
  const option = reviewActionSchema.options.find((o) => o.shape.action.value === action) as
    | z.ZodObject
    | undefined;
  if (!option) throw new Error(`no review action ${action}`);
  return option.omit({ action: true, by: true });
}

/** An update id from the Idempotency-Key header: a retried request is applied once. */
function updateId(c: Context): string | undefined {
  const key = c.req.header('idempotency-key');
  return key && /^[\w.:-]{1,100}$/.test(key) ? `web-${key}` : undefined;
}

const submissionRoutes = (
  [
    ['plan', 'plan', workPlanSchema, 'submit the work plan (工作方案)'],
    ['demands', 'demands', demandListSchema, 'submit the demand list (Annex 1, 需求清单)'],
    ['activity', 'activities', activityRecordSchema, 'record an activity; the same id again replaces it'],
    ['summary', 'summary', summarySubmissionSchema, 'submit the summary (written and/or Annex 2)'],
  ] as const satisfies readonly [SubmissionKind, string, z.ZodType, string][]
).map(([kind, segment, body, summary]) =>
  defineRoute({
    rule: 'ownUnit',
    method: 'post',
    path: `/api/campaigns/{year}/units/{unit}/${segment}`,
    summary,
    tags: ['unit'],
    params: unitParams,
    body: body as z.ZodType<z.output<typeof body>>,
    success: { status: 200, description: "the unit's status after the submission" },
    handle: async ({ c, params, body: payload, services }) =>
      c.json(
        await sendSubmission(services.client, kind, { ...params, updateId: updateId(c) }, [payload] as never),
      ),
  }),
);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** Sign-in links last 15 minutes and work once. */
export const signInLinkLifetimeMs = 15 * 60_000;

/** Makes, keeps and mails a unit's sign-in link; in the background, so the answer never tells. */
async function mailSignInLink(services: WebServices, unitCode: string): Promise<void> {
  const unit = services.registry.units.find((u) => u.code === unitCode && isReporting(u));
  if (!unit) return;
  const now = services.clock();
  if (!services.limits.linkMailsPerUnit.hit(unitCode, now).allowed) {
    services.log(`sign-in link for ${unitCode} not sent: too many requests for this unit`);
    return;
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + signInLinkLifetimeMs;
  await services.store.saveSignInLink({ tokenHash: sha256(token), unitCode, expiresAt }, now);
  await services.mailer.sendSignInLink({
    to: unit.contacts.office,
    unit: { code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn },
    url: `${services.publicUrl}/api/session/link/${token}`,
    expiresAt,
  });
}

function tooMany(c: Context, retryAfterSeconds: number): Response {
  return sendProblem(
    c,
    problem(429, 'rate-limited', `too many sign-in attempts; try again in ${retryAfterSeconds} s`),
    { 'retry-after': String(retryAfterSeconds) },
  );
}

const sessionRoutes: WebRoute[] = [
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
    handle: async ({ c, body, services }) => {
      const now = services.clock();
      const byAddress = services.limits.passwordPerAddress.hit(services.clientAddress(c), now);
      const byAccount = services.limits.passwordPerAccount.hit(body.name, now);
      if (!byAddress.allowed || !byAccount.allowed)
        return tooMany(c, Math.max(byAddress.retryAfterSeconds, byAccount.retryAfterSeconds));
      const account = await services.store.findUser(body.name);
      // An unknown name costs a hash too: the time does not tell which names exist.
      const ok = await verifyPassword(body.password, account?.passwordHash ?? (await decoyHash()));
      if (!account || !ok) return sendProblem(c, problem(401, 'wrong-password', 'wrong name or password'));
      services.limits.passwordPerAccount.reset(body.name);
      const principal: Principal = { kind: 'operator', name: account.name, role: account.role };
      await startSession(c, services.cookies, principal, now);
      return c.json({ principal });
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
    handle: async ({ c, body, services }) => {
      const limit = services.limits.linkPerAddress.hit(services.clientAddress(c), services.clock());
      if (!limit.allowed) return tooMany(c, limit.retryAfterSeconds);
      const task = mailSignInLink(services, body.unitCode).catch((error: unknown) =>
        services.log(`sign-in link for ${body.unitCode} failed`, error),
      );
      services.background.add(task);
      void task.finally(() => services.background.delete(task));
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
    method: 'get',
    path: '/api/session/link/{token}',
    summary: "a unit signs in with its mailed link (once, within 15 minutes); redirects to the unit's year",
    tags: ['session'],
    params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'the token from the mailed link') }),
    success: { status: 303, description: 'signed in; redirected' },
    handle: async ({ c, params, services }) => {
      const now = services.clock();
      const used = await services.store.useSignInLink(sha256(params.token), now);
      if (!used)
        return sendProblem(
          c,
          problem(
            410,
            'link-expired',
            '此登录链接无效、已使用或已过期 (this sign-in link is unknown, used or expired); ask for a new one',
          ),
        );
      await startSession(c, services.cookies, { kind: 'unit', unitCode: used.unitCode }, now);
      // The unit's portal page comes with the HTML slice; until then, who is signed in.
      return c.redirect('/api/session', 303);
    },
  }),
  defineRoute({
    rule: 'signedIn',
    method: 'post',
    path: '/api/session/sign-out',
    summary: 'sign out (clears the session cookie)',
    tags: ['session'],
    success: { status: 204, description: 'signed out' },
    handle: async ({ c, services }) => {
      endSession(c, services.cookies);
      return c.body(null, 204);
    },
  }),
];

const campaignRoutes: WebRoute[] = [
  defineRoute({
    rule: 'viewer',
    method: 'get',
    path: '/api/campaigns/{year}',
    summary: "the campaign: every unit's progress and the totals",
    tags: ['campaign'],
    params: yearParams,
    success: { status: 200, description: 'CampaignStatus with totals' },
    handle: async ({ c, params, services }) => c.json(await campaignStatus(services.client, params.year)),
  }),
  defineRoute({
    rule: 'ownUnitOrViewer',
    method: 'get',
    path: '/api/campaigns/{year}/units/{unit}',
    summary: "one unit's year, and its link in the Temporal UI",
    tags: ['unit'],
    params: unitParams,
    success: { status: 200, description: '{ status, link }' },
    handle: async ({ c, params, services }) =>
      c.json(await unitStatus(services.client, services.config, params)),
  }),
  ...submissionRoutes,
  defineRoute({
    rule: 'operator',
    method: 'post',
    path: '/api/campaigns/{year}/units/{unit}/return',
    summary: 'return a submission for revision; the unit gets a new 7-day clock',
    tags: ['operator'],
    params: unitParams,
    body: returnForRevisionSchema,
    success: { status: 200, description: "the unit's status" },
    handle: async ({ c, params, body, services }) =>
      c.json(await returnForRevision(services.client, { ...params, ...body })),
  }),
  defineRoute({
    rule: 'operator',
    method: 'post',
    path: '/api/campaigns/{year}/units/{unit}/extend',
    summary: "move a unit's deadline later",
    tags: ['operator'],
    params: unitParams,
    body: grantExtensionSchema,
    success: { status: 200, description: "the unit's status" },
    handle: async ({ c, params, body, services }) =>
      c.json(await grantExtension(services.client, { ...params, ...body })),
  }),
  defineRoute({
    rule: 'operator',
    method: 'post',
    path: '/api/campaigns/{year}/units/{unit}/remind',
    summary: 'remind one unit of what it owes now',
    tags: ['operator'],
    params: unitParams,
    body: empty,
    success: { status: 200, description: '{ outcomes }: reminded, notDue or failed' },
    handle: async ({ c, params, services }) => {
      const { units } = await campaignStatus(services.client, params.year);
      const unit = units.find((u) => u.unitCode === params.unit);
      if (!unit)
        return sendProblem(
          c,
          problem(404, 'no-such-unit', `unit ${params.unit} is not in the ${params.year} campaign`),
        );
      return c.json({ outcomes: await remindUnits(services.client, params.year, [unit]) });
    },
  }),
  defineRoute({
    rule: 'operator',
    method: 'post',
    path: '/api/campaigns/{year}/remind',
    summary: 'remind every unit that has a deadline running (催报)',
    tags: ['operator'],
    params: yearParams,
    body: empty,
    success: { status: 200, description: '{ outcomes }: each unit reminded, notDue or failed' },
    handle: async ({ c, params, services }) => {
      const { units } = await campaignStatus(services.client, params.year);
      return c.json({ outcomes: await remindUnits(services.client, params.year, units) });
    },
  }),
  defineRoute({
    rule: 'operator',
    method: 'post',
    path: '/api/campaigns/{year}/key-regions',
    summary: 'designate 3–4 key-guidance regions and 1–2 exchange hosts',
    tags: ['operator'],
    params: yearParams,
    body: designateKeyRegionsSchema,
    success: { status: 200, description: 'CampaignStatus' },
    handle: async ({ c, params, body, services }) =>
      c.json(await designateKeyRegions(services.client, { year: params.year, ...body })),
  }),
];

const matchingRoutes: WebRoute[] = [
  defineRoute({
    rule: 'viewer',
    method: 'get',
    path: '/api/campaigns/{year}/matching',
    summary: 'the matching review as it stands ({ review: null } before the first proposal)',
    tags: ['matching'],
    params: yearParams,
    success: { status: 200, description: '{ review }' },
    handle: async ({ c, params, services }) =>
      c.json({ review: await currentReview(services.client, params.year) }),
  }),
  defineRoute({
    rule: 'operator',
    method: 'post',
    path: '/api/campaigns/{year}/matching/propose',
    summary: '(re-)compute the proposal from the demands flagged so far; decisions taken are kept',
    tags: ['matching'],
    params: yearParams,
    body: empty,
    success: { status: 200, description: 'MatchingReview' },
    handle: async ({ c, params, principal, services }) =>
      c.json(await proposeMatching(services.client, params.year, operatorName(principal))),
  }),
  ...(Object.entries(reviewActions) as [ReviewActionName, { segment: string; summary: string }][]).map(
    ([action, { segment, summary }]) =>
      defineRoute({
        rule: 'operator',
        method: 'post',
        path: `/api/campaigns/{year}/matching/${segment}`,
        summary,
        tags: ['matching'],
        params: yearParams,
        body: reviewBody(action),
        success: { status: 200, description: 'MatchingReview' },
        handle: async ({ c, params, body, principal, services }) =>
          c.json(
            await reviewMatching(services.client, params.year, {
              ...body,
              action,
              by: operatorName(principal),
            } as z.infer<typeof reviewActionSchema>),
          ),
      }),
  ),
];

const documentationRoutes: WebRoute[] = [
  defineRoute({
    rule: 'anyone',
    method: 'get',
    path: '/api/openapi.json',
    summary: 'this OpenAPI document',
    tags: ['documentation'],
    success: { status: 200, description: 'OpenAPI 3.1' },
    handle: async ({ c, services }) => c.json(services.document()),
  }),
  defineRoute({
    rule: 'anyone',
    method: 'get',
    path: '/api/docs',
    summary: 'the operations of the API and who may call each, as a page',
    tags: ['documentation'],
    success: { status: 200, description: 'HTML', contentType: 'text/html' },
    handle: async ({ c, services }) => c.html(docsPage(services.document() as OpenApiLike)),
  }),
];

/** The route table: every route the web serves, each with its rule. */
export const routeTable: readonly WebRoute[] = [
  ...sessionRoutes,
  ...campaignRoutes,
  ...matchingRoutes,
  ...documentationRoutes,
];
