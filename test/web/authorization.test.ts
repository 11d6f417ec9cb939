// The authorization matrix, generated from the route table: every route × {anonymous, unit A (11), unit B
// (12), viewer, operator}, the expected answer derived from the route's rule. Allowed calls reach a real
// campaign on an in-process dev server and may answer 404/409/422 (an empty body, no proposal yet), but
// never 401 or 403, and never a 500. A route without a rule cannot be added.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createWebApp } from '../../client/web/app.ts';
import { defineRoute, type WebRoute } from '../../client/web/routeSpec.ts';
import { routeTable } from '../../client/web/routes.ts';
import type { Rule } from '../../client/web/rules.ts';
import packageJson from '../../package.json' with { type: 'json' };
import { eventually } from '../support/eventually.ts';
import { type LocalStack, localStack, startSurveyingCampaign } from '../support/localCampaign.ts';
import { addOperator, Browser, signInUnit, type WebHarness, webHarness } from './support.ts';

type Who = 'anonymous' | 'unitA' | 'unitB' | 'viewer' | 'operator';
type Expected = 'allowed' | 401 | 403;

/**
 * What each rule means for each caller, written out here apart from the app's own rule definitions.
 * Record<Rule, …>: a rule added to rules.ts without a row here does not compile.
 */
const expectations: Record<Rule, Record<Who, Expected>> = {
  anyone: {
    anonymous: 'allowed',
    unitA: 'allowed',
    unitB: 'allowed',
    viewer: 'allowed',
    operator: 'allowed',
  },
  signedIn: { anonymous: 401, unitA: 'allowed', unitB: 'allowed', viewer: 'allowed', operator: 'allowed' },
  ownUnit: { anonymous: 401, unitA: 'allowed', unitB: 403, viewer: 403, operator: 403 },
  ownUnitOrViewer: { anonymous: 401, unitA: 'allowed', unitB: 403, viewer: 'allowed', operator: 'allowed' },
  viewer: { anonymous: 401, unitA: 403, unitB: 403, viewer: 'allowed', operator: 'allowed' },
  operator: { anonymous: 401, unitA: 403, unitB: 403, viewer: 403, operator: 'allowed' },
};

const year = new Date().getUTCFullYear() + 5;
/** Unit A's code in every {unit}: B asking for it is asking for another unit's year. */
const pathParams: Record<string, string> = {
  year: String(year),
  unit: '11',
  token: 'A'.repeat(43),
  lang: 'en',
  kind: 'demands',
  sha256: '0'.repeat(64),
  output: 'summary',
};

function concretePath(route: WebRoute): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = pathParams[name];
    if (value === undefined) throw new Error(`the matrix has no value for {${name}} in ${route.path}`);
    return value;
  });
}

let stack: LocalStack;
let harness: WebHarness;
let callers: Record<Who, Browser>;
/** A new browser signed in as each caller: sign-out ends the session it is sent with, for good. */
let signIn: Record<Who, () => Promise<Browser>>;
/** The app's OpenAPI document: every status a route answers must be in its entry. */
let openapi: { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };

beforeAll(async () => {
  stack = await localStack();
  await startSurveyingCampaign(stack.client, year, ['11', '12'], { withCatalogue: true });
  harness = await webHarness({ sink: stack.sink, client: stack.client });
  await addOperator(harness.store, 'viewer-li', 'viewer', 'viewer password 1');
  await addOperator(harness.store, 'operator-zhang', 'operator', 'operator password 1');
  const operatorBrowser = async (name: string, password: string) => {
    const browser = await new Browser(harness.web).start();
    expect((await browser.signInWithPassword(name, password)).status).toBe(200);
    return browser;
  };
  signIn = {
    anonymous: () => new Browser(harness.web).start(),
    unitA: () => signInUnit(harness, stack.sink, '11', 'wanlixing@bj.ipa.example'),
    unitB: () => signInUnit(harness, stack.sink, '12', 'wanlixing@tj.ipa.example'),
    viewer: () => operatorBrowser('viewer-li', 'viewer password 1'),
    operator: () => operatorBrowser('operator-zhang', 'operator password 1'),
  };
  const document = await harness.web.app.request('/api/openapi.json');
  openapi = (await document.json()) as typeof openapi;
  callers = {
    anonymous: await signIn.anonymous(),
    unitA: await signIn.unitA(),
    unitB: await signIn.unitB(),
    viewer: await signIn.viewer(),
    operator: await signIn.operator(),
  };
}, 180_000);

afterAll(async () => {
  await harness?.close();
  await stack?.stop();
});

describe('the authorization matrix, from the route table', () => {
  const whos = Object.keys(expectations.anyone) as Who[];
  const cases = routeTable.flatMap((route) =>
    whos.map((who) => ({ route, who, expected: expectations[route.rule][who] })),
  );

  it.each(cases)('$route.method $route.path by $who: $expected', async ({ route, who, expected }) => {
    const caller = route.path.endsWith('/sign-out') ? await signIn[who]() : callers[who];
    // The caller's cookies as they are: requests here do not change them.
    const snapshot = new Map(caller.cookies);
    const response = await caller.request(
      route.method.toUpperCase(),
      concretePath(route),
      route.body === undefined ? undefined : {},
    );
    caller.cookies.clear();
    for (const [name, value] of snapshot) caller.cookies.set(name, value);
    const text = await response.text();
    if (!route.page) {
      // Whatever it answered, the route's OpenAPI entry names that status.
      const entry = openapi.paths[route.path]?.[route.method];
      expect(Object.keys(entry?.responses ?? {}), text).toContain(String(response.status));
    }
    if (expected === 'allowed') {
      expect([401, 403], text).not.toContain(response.status);
      expect(response.status, text).toBeLessThan(500);
    } else if (route.page && expected === 401) {
      // A page sends an anonymous reader to sign in, and back after.
      expect(response.status, text).toBe(303);
      expect(response.headers.get('location')).toMatch(/^\/sign-in(\?next=|$)/);
    } else {
      expect(response.status, text).toBe(expected);
      expect(response.headers.get('content-type')).toMatch(
        route.page ? /^text\/html/ : /^application\/problem\+json$/,
      );
    }
  });

  it('covers every route of the table, protected ones included', () => {
    expect(cases).toHaveLength(routeTable.length * 5);
    expect(new Set(routeTable.map((r) => r.rule))).toEqual(new Set(Object.keys(expectations)));
  });

  it("names the release in the OpenAPI document's version", async () => {
    const doc = await callers.viewer.request('GET', '/api/openapi.json');
    expect(((await doc.json()) as { info: { version: string } }).info.version).toBe(packageJson.version);
  });

  it('lets allowed calls reach the real campaign', async () => {
    const unit = await callers.unitA.request('GET', `/api/campaigns/${year}/units/11`);
    expect(unit.status).toBe(200);
    expect(await unit.json()).toMatchObject({ status: { unitCode: '11', year } });
    const campaign = await callers.viewer.request('GET', `/api/campaigns/${year}`);
    expect(await campaign.json()).toMatchObject({ totals: { units: 2 } });
    const missing = await callers.viewer.request('GET', `/api/campaigns/${year + 1}`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ type: 'urn:wanlixing:problem:no-such-workflow' });
  });

  it("takes unit A's demand list through the same schema and workflow as wlx, naming bad fields", async () => {
    const demands = JSON.parse(await readFile('examples/demand-list.json', 'utf8')) as {
      items: Record<string, unknown>[];
    };
    const path = `/api/campaigns/${year}/units/11/demands`;
    const bad = { items: [{ ...demands.items[0], coordinationReason: undefined }] };
    const refused = await callers.unitA.request('POST', path, bad);
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect((await refused.json()) as { errors: { field: string }[] }).toMatchObject({
      status: 422,
      errors: [{ field: 'items[0].coordinationReason' }],
    });
    const taken = await callers.unitA.request('POST', path, demands);
    expect(taken.status).toBe(200);
    expect(await taken.json()).toMatchObject({ unitCode: '11', flaggedDemands: [{ id: 'BJ-001' }] });
  });

  it("lets the operator propose and review matches, recorded under the operator's account", async () => {
    await eventually(
      async () => {
        const campaign = await callers.viewer.request('GET', `/api/campaigns/${year}`);
        const status = (await campaign.json()) as {
          units: { unitCode: string; flaggedDemandIds: unknown[] }[];
        };
        return status.units.find((u) => u.unitCode === '11' && u.flaggedDemandIds.length > 0);
      },
      30_000,
      "the campaign to hear of 11's flagged demand",
    );
    const proposed = await callers.operator.request('POST', `/api/campaigns/${year}/matching/propose`, {});
    expect(proposed.status).toBe(200);
    expect(await proposed.json()).toMatchObject({ proposed: { by: 'operator-zhang' } });
    const unknownResource = await callers.operator.request(
      'POST',
      `/api/campaigns/${year}/matching/override`,
      {
        unitCode: '11',
        demandId: 'BJ-001',
        resourceId: 'no-such-resource',
      },
    );
    expect(unknownResource.status).toBe(422);
    expect(JSON.stringify(await unknownResource.json())).toContain('resourceId');
    const shown = await callers.viewer.request('GET', `/api/campaigns/${year}/matching`);
    expect(await shown.json()).toMatchObject({ review: { proposed: { by: 'operator-zhang' } } });
  });
});

describe('a route without a rule', () => {
  const sneaky = {
    method: 'get',
    path: '/api/sneaky',
    summary: 'no rule',
    tags: [],
    success: { status: 200, description: 'x' },
    handle: async ({ c }) => c.text('secret'),
  } satisfies Omit<WebRoute, 'rule'>;

  it('does not compile', () => {
    // @ts-expect-error a route must declare its authorization rule
    defineRoute({ ...sneaky, params: z.object({}) });
  });

  it('in the table, stops the app from being built', () => {
    expect(() =>
      createWebApp({ ...harness.deps, routes: [...routeTable, sneaky as unknown as WebRoute] }),
    ).toThrow(/GET \/api\/sneaky has no authorization rule/);
  });

  it('registered on the app beside the table, fails the check the app runs when built', () => {
    const web = createWebApp(harness.deps);
    web.app.get('/api/sneaky', (c) => c.text('secret'));
    expect(() => web.check()).toThrow(/GET \/api\/sneaky/);
  });
});
