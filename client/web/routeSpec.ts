// What a route of the web is: its authorization rule next to its method, path and schemas, and what its
// handler is given. API routes (client/web/api/) answer JSON and appear in the OpenAPI document; page routes
// (client/web/pages/) answer HTML to browsers, and an anonymous browser is sent to sign in instead of a 401.
import type { Client } from '@temporalio/client';
import type { Context } from 'hono';
import { z } from 'zod';
import { yearSchema } from '../../domain/campaignYear.ts';
import type { RobotPlatform } from '../../domain/notices/robotMarkdown.ts';
import type { Registry } from '../../domain/registry.ts';
import { unitCodeSchema } from '../../domain/registry.ts';
import type { AuditTrail } from '../../infra/audit/trail.ts';
import type { ClientConfig } from '../../infra/temporal/connection.ts';
import type { WebStore } from '../../infra/webStore/store.ts';
import type { RateLimiter } from './rateLimit.ts';
import type { ReadModel } from './readModel.ts';
import type { Rule, WebEnv } from './rules.ts';
import type { CookieSettings, Principal } from './session.ts';
/** What a sign-in link mail needs. */
export interface SignInLinkMail {
  to: { name: string; email: string };
  unit: { code: string; nameZh: string; nameEn: string };
  url: string;
  expiresAt: number;
}
/** An operator told of repeated failed sign-ins to their account. */
export interface SignInAlertMail {
  to: { name: string; email: string };
  failures: number;
  windowMinutes: number;
  /** The address the last failure came from. */
  from: string;
}
export interface SignInMailer {
  sendSignInLink(mail: SignInLinkMail): Promise<void>;
  sendSignInAlert(mail: SignInAlertMail): Promise<void>;
}

/** What handlers use: the app's dependencies, resolved. */
export interface WebServices {
  client: Client;
  config: ClientConfig;
  store: WebStore;
  /** The audit trail (留痕), in the web store's database; none records nothing. */
  audit?: AuditTrail | undefined;
  mailer: SignInMailer;
  registry: Registry;
  /** Which platforms each unit has a group robot on; the addresses and secrets stay with the worker. */
  robots: ReadonlyMap<string, readonly RobotPlatform[]>;
  clock: () => number;
  /** Where the browser reaches the web, for links in mail: `http://localhost:3000`. */
  publicUrl: string;
  cookies: CookieSettings;
  limits: {
    passwordPerAccountAndAddress: RateLimiter;
    passwordPerAddress: RateLimiter;
    /** Counts an account's failures, to tell its operator; refuses nothing. */
    passwordFailuresPerAccount: RateLimiter;
    linkPerAddress: RateLimiter;
    linkMailsPerUnit: RateLimiter;
  };
  clientAddress(c: Context): string;
  log(message: string, error?: unknown): void;
  /** Background work under way (sign-in mails): awaited by tests and on shutdown. */
  background: Set<Promise<unknown>>;
  /** The OpenAPI document of the app, generated from this table. */
  document(): unknown;
  /** What the pages show, read once per replica for every request (readModel.ts). */
  reads: ReadModel;
  /** The least time between two remind-alls of a year, in milliseconds; 0 for none. */
  remindAllIntervalMs: number;
}

export interface HandlerInput<P, B, Q = Record<string, never>> {
  c: Context<WebEnv>;
  params: P;
  body: B;
  query: Q;
  principal: Principal | null;
  services: WebServices;
}

export interface RouteSpec<
  P extends z.ZodObject | undefined,
  B extends z.ZodType | undefined,
  Q extends z.ZodObject | undefined = undefined,
> {
  /** Who may call it: required, so a route without a rule does not compile. */
  rule: Rule;
  method: 'get' | 'post';
  /** OpenAPI style: `/api/campaigns/{year}`. */
  path: string;
  /**
   * A page for browsers: HTML, not in the OpenAPI document; an anonymous reader is sent to sign in, and
   * refusals and failures are told as pages. Its forms' fields are read by the handler (pages/forms.ts).
   */
  page?: true;
  summary: string;
  tags: string[];
  params?: P;
  /** The query string's parameters, for pages that filter or page what they show. */
  query?: Q;
  body?: B;
  /** The most a body may hold: an upload's cap; a page's form or an API call's JSON by default (bodyLimits.ts). */
  maxBodyBytes?: number;
  /** An upload: it waits its turn in the upload queue before its body is read (uploadQueue.ts). */
  upload?: true;
  success: { status: 200 | 202 | 204 | 303; description: string; contentType?: string };
  /** Refusals of its own, beyond those every route may give (app.ts): a used link's 410, sign-in's 429. */
  answers?: Record<number, string>;
  handle(
    input: HandlerInput<
      P extends z.ZodObject ? z.output<P> : Record<string, never>,
      B extends z.ZodType ? z.output<B> : undefined,
      Q extends z.ZodObject ? z.output<Q> : Record<string, never>
    >,
  ): Promise<Response>;
}

// biome-ignore lint/suspicious/noExplicitAny: the table holds routes of every parameter and body type
export type WebRoute = RouteSpec<any, any, any>;

export function defineRoute<
  P extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
>(spec: RouteSpec<P, B, Q>): WebRoute {
  return spec;
}

/**
 * A year in a path: four digits, nothing else. The CLI's yearSchema coerces, which in a URL would take
 * `0x7EF`, `2031.0` or `2e3` for a year; one resource has one address.
 */
export const yearPathSchema = z
  .string()
  .regex(/^[0-9]{4}$/, 'a year of four digits, such as 2027')
  .pipe(yearSchema as z.ZodType<number, string>);
export const yearParams = z.object({ year: yearPathSchema });
export const unitParams = z.object({ year: yearPathSchema, unit: unitCodeSchema });
export const empty = z.strictObject({});
