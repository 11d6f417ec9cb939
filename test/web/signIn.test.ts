// Signing in to the web: operators with a password (scrypt, rate-limited), units with a one-time link
// mailed to the registry's office address; the session cookie's flags; CSRF on every POST.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../client/cli/commands/users.ts';
import { createWebApp } from '../../client/web/app.ts';
import { signInLimits } from '../../client/web/rateLimit.ts';
import { sessionLifetimeMs } from '../../client/web/session.ts';
import { signInLinkLifetimeMs } from '../../client/web/signIn.ts';
import { defaultRegistry } from '../../domain/defaultRegistry.ts';
import { isReporting } from '../../domain/registry.ts';
import { hashPassword, scryptParameters, verifyPassword } from '../../infra/webStore/passwords.ts';
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

const sessionCookie = (response: Response) =>
  response.headers.getSetCookie().find((c) => /wlx_session=/.test(c)) ?? '';

describe('passwords', () => {
  it('hashes with scrypt N=2^15, r=8, p=1 and a salt of its own, and verifies only the right password', async () => {
    const [a, b] = await Promise.all([
      hashPassword('correct horse battery'),
      hashPassword('correct horse battery'),
    ]);
    expect(a).toMatch(new RegExp(`^scrypt\\$${scryptParameters.N}\\$8\\$1\\$`));
    expect(a).not.toBe(b); // per-user salt
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('anything', 'not a hash')).toBe(false);
  });
});

describe('wlx operator add-user', () => {
  it('adds an account from WLX_PASSWORD to WEB_DB_URL, hashed; a short password is refused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wlx-web-db-'));
    const run = promisify(execFile);
    const { stdout } = await run(
      process.execPath,
      ['bin/wlx.js', 'operator', 'add-user', '--name', 'zhao', '--role', 'viewer'],
      { env: { ...process.env, WEB_DB_URL: `pglite:${dir}`, WLX_PASSWORD: 'a long password 9' } },
    );
    expect(stdout).toBe('added viewer zhao\n');
    const written = await openWebStore(`pglite:${dir}`);
    try {
      const account = await written.findUser('zhao');
      expect(account).toMatchObject({ name: 'zhao', role: 'viewer' });
      expect(account?.passwordHash).not.toContain('a long password 9');
      expect(await verifyPassword('a long password 9', account?.passwordHash ?? '')).toBe(true);
      await expect(addUser(written, { name: 'zhao', role: 'operator', password: 'short' })).rejects.toThrow(
        /password.*at least 12 characters/,
      );
    } finally {
      await written.close();
    }
  });
});

describe('operator sign-in', () => {
  it('signs in with the right password: an HttpOnly, SameSite=Lax, 8-hour cookie, and whoami says who', async () => {
    harness = await webHarness({ store, sink });
    expect(
      await addUser(harness.store, { name: 'zhangwei', role: 'operator', password: 'a long password 1' }),
    ).toBe('added');
    const browser = await new Browser(harness.web).start();
    const response = await browser.signInWithPassword('zhangwei', 'a long password 1');
    expect(response.status).toBe(200);
    const cookie = sessionCookie(response);
    expect(cookie).toMatch(/^wlx_session=/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(new RegExp(`; Max-Age=${sessionLifetimeMs / 1000}`));
    expect(cookie).not.toMatch(/; Secure/); // served over http here
    const me = await browser.request('GET', '/api/session');
    expect(await me.json()).toMatchObject({
      principal: { kind: 'operator', name: 'zhangwei', role: 'operator' },
    });
  });

  it('sets Secure, __Host- cookies when served over https', async () => {
    harness = await webHarness({ store, sink, publicUrl: 'https://wanlixing.cnipa.example' });
    await addOperator(harness.store, 'li', 'viewer', 'a long password 2');
    const browser = await new Browser(harness.web).start();
    expect([...browser.cookies.keys()]).toEqual(['__Host-wlx_csrf']);
    const cookie = sessionCookie(await browser.signInWithPassword('li', 'a long password 2'));
    expect(cookie).toMatch(/^__Host-wlx_session=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
  });

  it('refuses a wrong password and an unknown name alike, with 401', async () => {
    harness = await webHarness({ store, sink });
    await addOperator(harness.store, 'zhangwei', 'operator', 'a long password 1');
    const browser = await new Browser(harness.web).start();
    const wrong = await browser.signInWithPassword('zhangwei', 'a long password 2');
    const unknown = await browser.signInWithPassword('nobody', 'a long password 1');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.headers.get('content-type')).toBe('application/problem+json');
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(sessionCookie(wrong)).toBe('');
    expect((await browser.request('GET', '/api/session')).status).toBe(401);
  });

  it('holds the limits across two web replicas sharing one store (one address, one account)', async () => {
    harness = await webHarness({ store, sink });
    const replica = createWebApp({ ...harness.deps, store: harness.store });
    await addOperator(harness.store, 'liqiang', 'operator', 'a long password 5');
    const onFirst = await new Browser(harness.web).start();
    const onSecond = await new Browser(replica).start();
    for (let i = 0; i < signInLimits.passwordPerAccountAndAddress.max; i++) {
      const browser = i % 2 === 0 ? onFirst : onSecond;
      expect((await browser.signInWithPassword('liqiang', `wrong password ${i}`)).status).toBe(401);
    }
    expect((await onFirst.signInWithPassword('liqiang', 'a long password 5')).status).toBe(429);
    expect((await onSecond.signInWithPassword('liqiang', 'a long password 5')).status).toBe(429);
    await replica.settled();
  });

  it('limits attempts from one address across accounts', async () => {
    harness = await webHarness({ store, sink, trustProxy: true });
    const from = (ip: string) => new Browser(harness.web, { 'x-forwarded-for': ip }).start();
    const attacker = await from('203.0.113.7');
    for (let i = 0; i < signInLimits.passwordPerAddress.max; i++) {
      expect((await attacker.signInWithPassword(`user${i}`, 'a long password 1')).status).toBe(401);
    }
    expect((await attacker.signInWithPassword('user-next', 'a long password 1')).status).toBe(429);
    const other = await from('198.51.100.2');
    expect((await other.signInWithPassword('user-next', 'a long password 1')).status).toBe(401);
  });

  it("reads an operator's role afresh: a demoted account's sessions end at once", async () => {
    harness = await webHarness({ store, sink });
    await addOperator(harness.store, 'sun', 'operator', 'a long password 4');
    const browser = await new Browser(harness.web).start();
    await browser.signInWithPassword('sun', 'a long password 4');
    const remind = () => browser.request('POST', '/api/campaigns/2027/remind', {});
    expect((await remind()).status).toBe(503); // allowed: it went for Temporal, which is not there
    await addOperator(harness.store, 'sun', 'viewer', 'a long password 4');
    expect((await remind()).status).toBe(401);
    await browser.signInWithPassword('sun', 'a long password 4');
    expect((await remind()).status).toBe(403);
    expect(await (await browser.request('GET', '/api/session')).json()).toMatchObject({
      principal: { role: 'viewer' },
    });
  });

  it('refuses a POST without the CSRF token', async () => {
    harness = await webHarness({ store, sink });
    await addOperator(harness.store, 'zhangwei', 'operator', 'a long password 1');
    const browser = await new Browser(harness.web).start();
    const response = await browser.request(
      'POST',
      '/api/session/password',
      { name: 'zhangwei', password: 'a long password 1' },
      { 'x-csrf-token': 'A'.repeat(43) },
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ type: 'urn:wanlixing:problem:csrf' });
  });

  it("gives a new browser one CSRF token for all of a page's forms, and takes a form that carries it", async () => {
    harness = await webHarness({ store, sink });
    await addOperator(harness.store, 'zhangwei', 'operator', 'a long password 1');
    const browser = new Browser(harness.web);
    const page = await browser.request('GET', '/sign-in');
    const set = page.headers.getSetCookie().filter((c) => c.startsWith('wlx_csrf='));
    expect(set).toHaveLength(1);
    const fields = [...(await page.text()).matchAll(/name="_csrf" value="([\w-]+)"/g)].map((m) => m[1]);
    expect(fields.length).toBeGreaterThanOrEqual(2);
    expect(new Set(fields)).toEqual(new Set([browser.cookies.get('wlx_csrf')]));
    const signedIn = await browser.form('/sign-in/password', {
      name: 'zhangwei',
      password: 'a long password 1',
      next: '/campaigns/2030',
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/campaigns/2030');
  });

  it('ends the session after 8 hours, and at sign-out; refuses a tampered cookie', async () => {
    harness = await webHarness({ store, sink });
    await addOperator(harness.store, 'zhangwei', 'viewer', 'a long password 1');
    const browser = await new Browser(harness.web).start();
    await browser.signInWithPassword('zhangwei', 'a long password 1');
    const [name, value = ''] = [...browser.cookies].find(([n]) => n.endsWith('wlx_session')) ?? [];
    const forged = Buffer.from(
      JSON.stringify({
        principal: { kind: 'operator', name: 'zhangwei', role: 'operator' },
        expiresAt: 9e15,
      }),
    ).toString('base64url');
    const tampered = new Browser(harness.web);
    tampered.cookies.set(name ?? '', `${forged}.${value.split('.').at(-1)}`);
    expect((await tampered.request('GET', '/api/session')).status).toBe(401);

    // Used every 50 minutes (within the idle hour), it lasts until 8 hours after sign-in.
    for (let used = 0; used + 50 * 60_000 < sessionLifetimeMs; used += 50 * 60_000) {
      harness.clock.advance(50 * 60_000);
      expect((await browser.request('GET', '/api/session')).status).toBe(200);
    }
    expect((await browser.request('POST', '/api/session/sign-out')).status).toBe(204);
    expect((await browser.request('GET', '/api/session')).status).toBe(401);

    await browser.signInWithPassword('zhangwei', 'a long password 1');
    for (let used = 0; used < sessionLifetimeMs; used += 50 * 60_000) {
      harness.clock.advance(50 * 60_000);
      await browser.request('GET', '/api/session');
    }
    expect((await browser.request('GET', '/api/session')).status).toBe(401);
  });
});

describe('unit sign-in by mailed link', () => {
  it("mails a link to the registry's office address; it signs the unit in once", async () => {
    harness = await webHarness({ store, sink });
    const browser = await new Browser(harness.web).start();
    const asked = await browser.request('POST', '/api/session/link', { unitCode: '11' });
    expect(asked.status).toBe(202);
    await harness.web.settled();
    const [mail] = sink.messages();
    expect(mail?.to).toEqual([beijingOffice]);
    expect(mail?.subject).toContain('登录链接');
    const link = linkFrom(sink, beijingOffice);

    expect(link).toMatch(/^\/sign-in\/link\//);
    const used = await useLink(browser, link);
    expect(used.status).toBe(200);
    expect(sessionCookie(used)).toMatch(/HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/);
    expect(await (await browser.request('GET', '/api/session')).json()).toMatchObject({
      principal: { kind: 'unit', unitCode: '11' },
    });

    const again = await useLink(await new Browser(harness.web).start(), link);
    expect(again.status).toBe(410);
    expect(sessionCookie(again)).toBe('');
  });

  it('signs in every reporting unit of the shipped registry from the page, 2- and 4-digit codes alike', async () => {
    harness = await webHarness({ store, sink });
    // The notified-only units (provincial capitals listed for information) report nothing and get no link.
    const units = defaultRegistry().units.filter(isReporting);
    expect(units.map((u) => u.code)).toEqual(
      expect.arrayContaining(['11', '2102', '3302', '3502', '3702', '4403']),
    );
    for (const unit of units) {
      const browser = await new Browser(harness.web).start();
      const body = new FormData();
      body.set('_csrf', [...browser.cookies].find(([name]) => name.endsWith('wlx_csrf'))?.[1] ?? '');
      body.set('unitCode', unit.code);
      const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      const asked = await harness.web.app.request('/sign-in/link', {
        method: 'POST',
        headers: { cookie },
        body,
      });
      expect(asked.status, `${unit.code} ${unit.nameZh}`).toBe(200);
      await harness.web.settled();
      const used = await useLink(browser, linkFrom(sink, unit.contacts.office.email));
      expect(used.status, `${unit.code} ${unit.nameZh}`).toBe(200);
      expect(await (await browser.request('GET', '/api/session')).json()).toMatchObject({
        principal: { kind: 'unit', unitCode: unit.code },
      });
      // One address asks for at most 10 links in 15 minutes.
      harness.clock.advance(signInLimits.linkPerAddress.windowMs);
    }
  });

  it('refuses a link after its 15 minutes', async () => {
    harness = await webHarness({ store, sink });
    const browser = await new Browser(harness.web).start();
    await browser.request('POST', '/api/session/link', { unitCode: '11' });
    await harness.web.settled();
    harness.clock.advance(signInLinkLifetimeMs + 1000);
    expect((await useLink(browser, linkFrom(sink, beijingOffice))).status).toBe(410);
  });

  it('answers the same for an unknown unit, and mails nothing', async () => {
    harness = await webHarness({ store, sink });
    const browser = await new Browser(harness.web).start();
    const known = await browser.request('POST', '/api/session/link', { unitCode: '11' });
    const unknown = await browser.request('POST', '/api/session/link', { unitCode: '99' });
    expect(unknown.status).toBe(known.status);
    expect(await unknown.text()).toBe(await known.text());
    await harness.web.settled();
    expect(sink.messages().map((m) => m.to)).toEqual([[beijingOffice]]);
    const bad = await browser.request('POST', '/api/session/link', { unitCode: 'beijing' });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ errors: [{ field: 'unitCode' }] });
  });

  it('mails a unit at most 3 links in 15 minutes, answering as always', async () => {
    harness = await webHarness({ store, sink });
    const browser = await new Browser(harness.web).start();
    for (let i = 0; i < signInLimits.linkMailsPerUnit.max + 2; i++) {
      expect((await browser.request('POST', '/api/session/link', { unitCode: '11' })).status).toBe(202);
    }
    await harness.web.settled();
    expect(sink.messages()).toHaveLength(signInLimits.linkMailsPerUnit.max);
  });

  it('signs unit 12 in as 12, not as 11', async () => {
    harness = await webHarness({ store, sink });
    const tianjin = await signInUnit(harness, sink, '12', 'wanlixing@tj.ipa.example');
    expect(await (await tianjin.request('GET', '/api/session')).json()).toMatchObject({
      principal: { kind: 'unit', unitCode: '12' },
    });
  });
});

describe('errors', () => {
  it('answers 503 problem details when Temporal cannot be reached', async () => {
    harness = await webHarness({ store, sink });
    await addOperator(harness.store, 'wang', 'viewer', 'a long password 3');
    const browser = await new Browser(harness.web).start();
    await browser.signInWithPassword('wang', 'a long password 3');
    const response = await browser.request('GET', '/api/campaigns/2027');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({
      type: 'urn:wanlixing:problem:temporal-unavailable',
      status: 503,
    });
  });

  it('names a bad path parameter, and answers unknown routes with 404 problem details', async () => {
    harness = await webHarness({ store, sink });
    await addOperator(harness.store, 'wang', 'viewer', 'a long password 3');
    const browser = await new Browser(harness.web).start();
    await browser.signInWithPassword('wang', 'a long password 3');
    const badYear = await browser.request('GET', '/api/campaigns/1999');
    expect(badYear.status).toBe(422);
    expect(await badYear.json()).toMatchObject({ errors: [{ field: 'year' }] });
    // A year is four digits: what Number() would also read as 2031 (or 2029) is not the same address.
    for (const year of ['0x7EF', '2031.0', '2e3', '%202031', '+2031', '02031']) {
      const odd = await browser.request('GET', `/api/campaigns/${year}`);
      expect(odd.status, year).toBe(422);
      expect(await odd.json(), year).toMatchObject({ errors: [{ field: 'year' }] });
    }
    const nowhere = await browser.request('GET', '/api/nowhere');
    expect(nowhere.status).toBe(404);
    expect(nowhere.headers.get('content-type')).toBe('application/problem+json');
  });
});
