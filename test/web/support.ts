// The web app in-process for tests: an in-memory PGlite store, sign-in mail to an SMTP sink, a clock the
// test moves, and a small browser (cookie jar, CSRF header) to call it with.
import { Client, Connection } from '@temporalio/client';
import { createWebApp, type WebApp, type WebDeps } from '../../client/web/app.ts';
import { smtpMailer } from '../../client/web/mailer.ts';
import { clientConfig } from '../../infra/temporal/connection.ts';
import { dataConverter } from '../../infra/temporal/payloadCodec.ts';
import { hashPassword } from '../../infra/webStore/passwords.ts';
import { type OperatorRole, openWebStore, type WebStore } from '../../infra/webStore/store.ts';
import type { MailSink } from '../../scripts/mailSink.ts';

export interface WebHarness {
  web: WebApp;
  store: WebStore;
  clock: { now: number; advance(ms: number): void };
  deps: WebDeps;
  /** What the app logged (failures of sign-in mail, 500s). */
  logs: string[];
  close(): Promise<void>;
}

let harnesses = 0;

export const sessionSecret = 'test-secret-test-secret-test-secret-0123456789';

/** Without a client, one that reaches no Temporal: enough for the session routes. */
export async function webHarness(options: {
  sink: MailSink;
  client?: Client;
  publicUrl?: string;
  trustProxy?: boolean;
  /** Shared by a file's tests (PGlite takes seconds to start); a fresh in-memory one otherwise. */
  store?: WebStore;
  robots?: WebDeps['robots'];
  audit?: WebDeps['audit'];
  /** Nothing kept by default: these tests change workflows behind the web's back and read the page at once. */
  readTimes?: WebDeps['readTimes'];
}): Promise<WebHarness> {
  const store = options.store ?? (await openWebStore('pglite:memory://'));
  const logs: string[] = [];
  const mailer = smtpMailer({ smtpUrl: options.sink.url, from: 'wanlixing@cnipa.example' });
  const connection = options.client
    ? undefined
    : // No retries (no interceptors): nothing is there to answer, and a retry's timer that outlives close()
      // throws "Channel has been shut down" from grpc-js, uncaught.
      Connection.lazy({ address: '127.0.0.1:9', connectTimeout: '1 second', interceptors: [] });
  const clock = {
    // Each harness starts an hour after the last: a store shared by a file's tests keeps the sign-in attempts
    // counted against the rate limits (as replicas share them), and an earlier test's windows have ended.
    now: Date.now() + harnesses++ * 3_600_000,
    advance(ms: number) {
      clock.now += ms;
    },
  };
  const deps: WebDeps = {
    client: options.client ?? new Client({ connection, dataConverter }),
    config: clientConfig({}),
    sessionSecret,
    store,
    mailer,
    publicUrl: options.publicUrl ?? 'http://localhost:3000',
    clock: () => clock.now,
    trustProxy: options.trustProxy ?? false,
    ...(options.robots && { robots: options.robots }),
    ...(options.audit && { audit: options.audit }),
    readTimes: options.readTimes ?? { freshMs: 0, maxAgeMs: 0, keepOnFailureMs: 0 },
    log: (message, error) => logs.push(`${message} ${error ?? ''}`),
  };
  const web = createWebApp(deps);
  return {
    web,
    store,
    clock,
    deps,
    logs,
    async close() {
      await web.settled();
      mailer.close();
      if (!options.store) await store.close();
      await connection?.close();
    },
  };
}

export async function addOperator(store: WebStore, name: string, role: OperatorRole, password: string) {
  await store.putUser({ name, role, passwordHash: await hashPassword(password) });
}

/** A browser: keeps the cookies it is given and sends the CSRF token with every POST. */
/** What a browser talks to: the app in-process (WebApp), or a replica over HTTP. */
export interface Requestable {
  app: { request(path: string, init: RequestInit): Response | Promise<Response> };
}

export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly web: Requestable,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request(method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
    const csrf = [...this.cookies].find(([name]) => name.endsWith('wlx_csrf'))?.[1];
    const response = await this.web.app.request(path, {
      method,
      headers: {
        ...this.headers,
        ...(this.cookies.size > 0 && {
          cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        }),
        ...(method !== 'GET' && csrf && { 'x-csrf-token': csrf }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...extra,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    this.keepCookies(response);
    return response;
  }

  private keepCookies(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /max-age=0\b/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Posts a page's form: fields and files as multipart/form-data, with the CSRF field the page carries. */
  async form(path: string, fields: Record<string, string | Blob>) {
    const body = new FormData();
    const csrf = [...this.cookies].find(([name]) => name.endsWith('wlx_csrf'))?.[1];
    if (csrf) body.set('_csrf', csrf);
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.web.app.request(path, {
      method: 'POST',
      headers: { ...this.headers, ...(cookie && { cookie }) },
      body,
    });
    this.keepCookies(response);
    return response;
  }

  /** Fetches the CSRF token (and its cookie), as a page load will. */
  async start(): Promise<this> {
    await this.request('GET', '/api/session/csrf');
    return this;
  }

  async signInWithPassword(name: string, password: string) {
    return this.request('POST', '/api/session/password', { name, password });
  }
}

/** The sign-in link in the last mail the sink received for `address`. */
export function linkFrom(sink: MailSink, address: string): string {
  const mail = sink
    .messages()
    .filter((m) => m.to.includes(address))
    .at(-1);
  const url = mail?.text.match(/https?:\/\/\S+\/sign-in\/link\/[A-Za-z0-9_-]{43}/)?.[0];
  if (!url) throw new Error(`no sign-in link mailed to ${address}`);
  return new URL(url).pathname;
}

/** Signs in with the token of a mailed link, as the link's page does when its button is pressed. */
export function useLink(browser: Browser, link: string) {
  return browser.request('POST', `/api/session/link/${link.split('/').at(-1)}`);
}

/** A unit signed in through its mailed link. */
export async function signInUnit(harness: WebHarness, sink: MailSink, unitCode: string, address: string) {
  const browser = await new Browser(harness.web).start();
  const asked = await browser.request('POST', '/api/session/link', { unitCode });
  if (asked.status !== 202) throw new Error(`link request answered ${asked.status}`);
  await harness.web.settled();
  const used = await useLink(browser, linkFrom(sink, address));
  if (used.status !== 200) throw new Error(`link answered ${used.status}: ${await used.text()}`);
  return browser;
}
