// The way in: the start page sends each reader where they work; the sign-in page has a unit's link request
// and an operator's password; a mailed link opens a page whose button signs the unit in (a mail scanner
// that fetches the link spends nothing); the language switch; sign-out.

import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { z } from 'zod';
import { isReporting, unitCodePattern } from '../../../domain/registry.ts';
import { currentCampaignYear } from '../../operations/campaignYears.ts';
import { recordWebEvent } from '../auditEvents.ts';
import { defineRoute, type WebRoute, type WebServices } from '../routeSpec.ts';
import type { WebEnv } from '../rules.ts';
import { endSession, type Principal } from '../session.ts';
import { requestSignInLink, signInTokenPattern, signInWithLink, signInWithPassword } from '../signIn.ts';
import { csrfField, readForm, setNotice } from './forms.ts';
import { langOf, langs, t, tt } from './html.ts';
import { renderPage } from './layout.ts';

/** Only paths on this site: `next` must not send a reader elsewhere. */
const localPath = z
  .string()
  .regex(/^\/(?![/\\])[\w\-./%?=&]*$/)
  .catch('/');

async function home(services: WebServices, principal: Principal): Promise<string | null> {
  const year = await currentCampaignYear(services.client);
  if (year === null) return null;
  return principal.kind === 'unit' ? `/campaigns/${year}/units/${principal.unitCode}` : `/campaigns/${year}`;
}

/** The sign-in page; after a failed attempt, with what failed and the status that tells it. */
function signInForm(
  c: Context<WebEnv>,
  services: WebServices,
  next: string,
  failed?: { message: string; status: 401 | 422 | 429 },
) {
  const lang = langOf(c);
  const units = services.registry.units.filter(isReporting);
  return renderPage(c, services, {
    title: ['登录', 'Sign in'],
    status: failed?.status ?? 200,
    body: html`
      ${failed ? html`<div class="errors" role="alert">${failed.message}</div>` : ''}
      <div class="row stretch">
        <section class="card grow">
          <h2>${t('省级联络员', 'Provincial liaison')}</h2>
          <p class="muted">${t('登录链接将发送至本单位在名录中登记的邮箱，15 分钟内有效，仅可使用一次。', "A sign-in link goes to your unit's address in the registry; it works once, within 15 minutes.")}</p>
          <form method="post" action="/sign-in/link">
            ${csrfField(c, services)}
            <label for="unitCode">${t('单位', 'Unit')}</label>
            <select id="unitCode" name="unitCode" required>
              <option value="">${tt(lang, '请选择', 'choose')}</option>
              ${units.map((u) => html`<option value="${u.code}">${u.code} ${lang === 'en' ? u.nameEn : `${u.nameZh} ${u.nameEn}`}</option>`)}
            </select>
            <p><button>${t('发送登录链接', 'Mail me a sign-in link')}</button></p>
          </form>
        </section>
        <section class="card grow">
          <h2>${t('国家知识产权局工作人员', 'CNIPA operator')}</h2>
          <form method="post" action="/sign-in/password">
            ${csrfField(c, services)}
            <input type="hidden" name="next" value="${next}">
            <label for="name">${t('账号', 'Account')}</label>
            <input type="text" id="name" name="name" autocomplete="username" required>
            <label for="password">${t('密码', 'Password')}</label>
            <input type="password" id="password" name="password" autocomplete="current-password" required>
            <p><button>${t('登录', 'Sign in')}</button></p>
          </form>
        </section>
      </div>`,
  });
}

const tooMany = (seconds: number) =>
  `尝试次数过多，请 ${seconds} 秒后再试 (too many attempts; try again in ${seconds} s)`;

const tokenParams = z.object({
  token: z.string().regex(signInTokenPattern, 'the token from the mailed link'),
});

export const signInPages: WebRoute[] = [
  defineRoute({
    rule: 'anyone',
    page: true,
    method: 'get',
    path: '/',
    summary: 'the start page: sign in, or go where you work',
    tags: ['pages'],
    success: { status: 303, description: 'redirected' },
    handle: async ({ c, principal, services }) => {
      if (!principal) return c.redirect('/sign-in', 303);
      const to = await home(services, principal);
      if (to) return c.redirect(to, 303);
      return renderPage(c, services, {
        title: ['尚无活动', 'No campaign yet'],
        body: html`<section class="card"><p>${t('还没有开始任何年度的活动。', 'No year’s campaign has been started.')}</p>
          ${principal.kind === 'operator' ? html`<p><code>wlx campaign start --year 2026</code></p>` : ''}</section>`,
      });
    },
  }),
  defineRoute({
    rule: 'anyone',
    page: true,
    method: 'get',
    path: '/sign-in',
    summary: 'the sign-in page',
    tags: ['pages'],
    success: { status: 200, description: 'HTML' },
    handle: async ({ c, services }) => signInForm(c, services, localPath.parse(c.req.query('next') ?? '/')),
  }),
  defineRoute({
    rule: 'anyone',
    page: true,
    method: 'post',
    path: '/sign-in/link',
    summary: 'a unit asks for its sign-in link',
    tags: ['pages'],
    success: { status: 200, description: 'HTML' },
    handle: async ({ c, services }) => {
      const form = await readForm(
        c,
        // Every code the registry may hold, as the API takes them: 2-, 4- and 6-digit codes and centres.
        z.object({ unitCode: z.string().regex(unitCodePattern, '请选择单位 choose your unit') }),
        {
          unitCode: { zh: '单位', en: 'Unit' },
        },
      );
      if (!form.ok)
        return signInForm(c, services, '/', {
          message: form.errors.map((e) => e.message).join('; '),
          status: 422,
        });
      const outcome = await requestSignInLink(services, c, form.data.unitCode);
      if ('refused' in outcome)
        return signInForm(c, services, '/', { message: tooMany(outcome.retryAfterSeconds), status: 429 });
      return renderPage(c, services, {
        title: ['请查收邮件', 'Check your mail'],
        body: html`<section class="card"><p>${t(
          '如该单位已登记，登录链接已发送至其登记邮箱，15 分钟内有效。',
          'If the unit is registered, a sign-in link valid for 15 minutes has been mailed to its registered address.',
        )}</p></section>`,
      });
    },
  }),
  defineRoute({
    rule: 'anyone',
    page: true,
    method: 'get',
    path: '/sign-in/link/{token}',
    summary: 'the page a mailed sign-in link opens',
    tags: ['pages'],
    params: tokenParams,
    success: { status: 200, description: 'HTML' },
    handle: async ({ c, params, services }) =>
      renderPage(c, services, {
        title: ['登录', 'Sign in'],
        body: html`<section class="card">
          <p>${t('点击下面的按钮登录本单位的工作页面。', "Press the button to sign in to your unit's page.")}</p>
          <form method="post" action="/sign-in/link/${params.token}">
            ${csrfField(c, services)}
            <button>${t('登录', 'Sign in')}</button>
          </form></section>`,
      }),
  }),
  defineRoute({
    rule: 'anyone',
    page: true,
    method: 'post',
    path: '/sign-in/link/{token}',
    summary: 'a unit signs in with its mailed link',
    tags: ['pages'],
    params: tokenParams,
    success: { status: 303, description: "signed in; redirected to the unit's page" },
    handle: async ({ c, params, services }) => {
      const principal = await signInWithLink(services, c, params.token);
      if (!principal)
        return renderPage(c, services, {
          title: ['链接已失效', 'Link no longer valid'],
          status: 410,
          body: html`<section class="card"><p>${t('此登录链接无效、已使用或已过期。', 'This sign-in link is unknown, used or expired.')}</p>
            <p><a href="/sign-in">${t('重新获取登录链接', 'Ask for a new link')}</a></p></section>`,
        });
      return c.redirect((await home(services, principal)) ?? '/', 303);
    },
  }),
  defineRoute({
    rule: 'anyone',
    page: true,
    method: 'post',
    path: '/sign-in/password',
    summary: 'an operator signs in',
    tags: ['pages'],
    success: { status: 303, description: 'signed in; redirected' },
    handle: async ({ c, services }) => {
      const form = await readForm(
        c,
        z.object({
          name: z.string().trim().min(1).max(100),
          password: z.string().min(1).max(200),
          next: localPath,
        }),
        { name: { zh: '账号', en: 'Account' }, password: { zh: '密码', en: 'Password' } },
      );
      if (!form.ok)
        return signInForm(c, services, '/', {
          message: '请填写账号和密码 (enter your account and password)',
          status: 422,
        });
      const outcome = await signInWithPassword(services, c, form.data.name, form.data.password);
      if ('principal' in outcome) return c.redirect(form.data.next, 303);
      return signInForm(
        c,
        services,
        form.data.next,
        outcome.refused === 'rate-limited'
          ? { message: tooMany(outcome.retryAfterSeconds), status: 429 }
          : { message: '账号或密码错误 (wrong account or password)', status: 401 },
      );
    },
  }),
  defineRoute({
    rule: 'signedIn',
    page: true,
    method: 'post',
    path: '/sign-out',
    summary: 'sign out',
    tags: ['pages'],
    success: { status: 303, description: 'signed out; redirected to sign in' },
    handle: async ({ c, services, principal }) => {
      await endSession(c, services.cookies, services.store, services.clock());
      await recordWebEvent(c, services, principal, { kind: 'signOut' });
      setNotice(c, '已退出', 'Signed out');
      return c.redirect('/sign-in', 303);
    },
  }),
  defineRoute({
    rule: 'anyone',
    page: true,
    method: 'get',
    path: '/lang/{lang}',
    summary: 'switch the pages to Chinese or English',
    tags: ['pages'],
    params: z.object({ lang: z.enum(langs) }),
    success: { status: 303, description: 'back to the page' },
    handle: async ({ c, params }) => {
      setCookie(c, 'wlx_lang', params.lang, { path: '/', sameSite: 'Lax', maxAge: 365 * 86_400 });
      return c.redirect(localPath.parse(c.req.query('back') ?? '/'), 303);
    },
  }),
];
