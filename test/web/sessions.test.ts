// Sessions that end: kept in the web store, so a sign-out, a newer link, a changed password or an idle hour
// ends them for every copy of the cookie and on every replica; and a lockout that cannot be turned against
// the account's owner, who is told by mail when the account sees repeated failures.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWebApp } from '../../client/web/app.ts';
import { signInLimits } from '../../client/web/rateLimit.ts';
import { sessionIdleMs } from '../../client/web/session.ts';
import { hashPassword } from '../../infra/webStore/passwords.ts';
import { openWebStore, type WebStore } from '../../infra/webStore/store.ts';
import { type MailSink, startMailSink } from '../../scripts/mailSink.ts';
import {
  addOperator,
  Browser,
  linkFrom,
  signInUnit,
  useLink,
  type WebHarness,
  webHarness,
} from './support.ts';

const beijingOffice = 'wanlixing@bj.ipa.example';
let sink: MailSink;
let store: WebStore;
let harness: WebHarness;

beforeAll(async () => {
  sink = await startMailSink({ port: 0 });
  store = await openWebStore('pglite:memory://');
});
afterAll(async () => {
  await sink?.close();
  await store?.close();
});
afterEach(async () => {
  await harness?.close();
  sink.clear();
});

/** A second browser holding the same cookies: what a stolen or copied cookie would be. */
function copyOf(browser: Browser, web: WebHarness['web']): Browser {
  const copy = new Browser(web);
  for (const [name, value] of browser.cookies) copy.cookies.set(name, value);
  return copy;
}

const whoami = (browser: Browser) => browser.request('GET', '/api/session').then((r) => r.status);

describe('sessions', () => {
  it("sign-out ends the session for every copy of the cookie, an operator's and a unit's", async () => {
    harness = await webHarness({ store, sink });
    await addOperator(harness.store, 'zhou', 'operator', 'a long password 8');
    const operator = await new Browser(harness.web).start();
    await operator.signInWithPassword('zhou', 'a long password 8');
    const unit = await signInUnit(harness, sink, '11', beijingOffice);
    for (const browser of [operator, unit]) {
      const copy = copyOf(browser, harness.web);
      expect(await whoami(copy)).toBe(200);
      expect((await browser.request('POST', '/api/session/sign-out')).status).toBe(204);
      expect(await whoami(copy)).toBe(401);
    }
  });

  it('ends a session on another replica sharing the store', async () => {
    harness = await webHarness({ store, sink });
    const replica = createWebApp({ ...harness.deps, store: harness.store });
    const unit = await signInUnit(harness, sink, '11', beijingOffice);
    const onReplica = copyOf(unit, replica);
    expect(await whoami(onReplica)).toBe(200);
    await unit.request('POST', '/api/session/sign-out');
    expect(await whoami(onReplica)).toBe(401);
  });

  it("a newer sign-in link supersedes the unit's older one", async () => {
    harness = await webHarness({ store, sink });
    const browser = await new Browser(harness.web).start();
    await browser.request('POST', '/api/session/link', { unitCode: '11' });
    await harness.web.settled();
    const older = linkFrom(sink, beijingOffice);
    await browser.request('POST', '/api/session/link', { unitCode: '11' });
    await harness.web.settled();
    const newer = linkFrom(sink, beijingOffice);
    expect(newer).not.toBe(older);
    expect((await useLink(await new Browser(harness.web).start(), older)).status).toBe(410);
    expect((await useLink(await new Browser(harness.web).start(), newer)).status).toBe(200);
  });

  it("a changed password ends the operator's sessions", async () => {
    harness = await webHarness({ store, sink });
    await addOperator(harness.store, 'wu', 'operator', 'a long password 9');
    const browser = await new Browser(harness.web).start();
    await browser.signInWithPassword('wu', 'a long password 9');
    expect(await whoami(browser)).toBe(200);
    await addOperator(harness.store, 'wu', 'operator', 'a new long password');
    expect(await whoami(browser)).toBe(401);
  });

  it('ends a session unused for an hour, and keeps one in use', async () => {
    harness = await webHarness({ store, sink });
    const idle = await signInUnit(harness, sink, '11', beijingOffice);
    harness.clock.advance(sessionIdleMs - 60_000);
    expect(await whoami(idle)).toBe(200);
    harness.clock.advance(sessionIdleMs - 60_000);
    expect(await whoami(idle)).toBe(200);
    harness.clock.advance(sessionIdleMs + 1000);
    expect(await whoami(idle)).toBe(401);
  });
});

describe('lockout', () => {
  it('slows the address that guesses, not the owner elsewhere; tells the owner by mail', async () => {
    harness = await webHarness({ store, sink, trustProxy: true });
    await harness.store.putUser({
      name: 'zheng',
      role: 'operator',
      passwordHash: await hashPassword('a long password 10'),
      email: 'zheng@cnipa.example',
    });
    const at = (ip: string) => new Browser(harness.web, { 'x-forwarded-for': ip }).start();
    const guesses: number[] = [];
    // Three addresses guess, each until it is slowed: more failures than any one address is allowed.
    for (const ip of ['203.0.113.7', '203.0.113.8', '203.0.113.9']) {
      const attacker = await at(ip);
      for (let i = 0; i <= signInLimits.passwordPerAccountAndAddress.max; i++)
        guesses.push((await attacker.signInWithPassword('zheng', `wrong password ${i}`)).status);
    }
    const perAddress = [...Array(signInLimits.passwordPerAccountAndAddress.max).fill(401), 429];
    expect(guesses).toEqual([...perAddress, ...perAddress, ...perAddress]);
    // The owner, from the office, signs in with the right password.
    const owner = await at('198.51.100.20');
    expect((await owner.signInWithPassword('zheng', 'a long password 10')).status).toBe(200);
    // And is told, once, of the failures (15 of them; the mail goes at the 10th).
    await harness.web.settled();
    const alerts = sink.messages().filter((m) => m.to.includes('zheng@cnipa.example'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.subject).toContain('登录失败提醒');
    expect(alerts[0]?.text).toContain(`${signInLimits.passwordFailuresPerAccount.max} 次密码错误`);
    expect(alerts[0]?.text).toMatch(/203\.0\.113\.[89]/);
  });
});
