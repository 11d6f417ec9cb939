// The frame of every page: the bar with who is signed in, where they can go, the language switch and
// sign-out; the notice a form left; then the page's own content.
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { WebServices } from '../routeSpec.ts';
import type { WebEnv } from '../rules.ts';
import type { Principal } from '../session.ts';
import { csrfField, takeNotice } from './forms.ts';
import { type Html, langOf, t, tt } from './html.ts';
import { ReaderBody } from './keptBody.ts';
import { stylesheet } from './style.ts';

export interface PageContent {
  /** [Chinese, English]. */
  title: readonly [string, string];
  body: Html | ReaderBody;
  /** The campaign year the bar's links lead to, when the page is about one. */
  year?: number;
  status?: 200 | 400 | 401 | 403 | 404 | 409 | 410 | 422 | 429 | 500 | 503;
}

function navigation(principal: Principal | null, year: number | undefined): Html {
  if (!principal) return html``;
  if (principal.kind === 'unit') {
    return year === undefined
      ? html``
      : html`<a href="/campaigns/${year}/units/${principal.unitCode}">${t('本单位', 'My unit')}</a>`;
  }
  return html`${
    year === undefined
      ? ''
      : html`<a href="/campaigns/${year}">${t('总览', 'Dashboard')}</a>
        <a href="/campaigns/${year}/matching">${t('需求匹配', 'Matching')}</a>`
  }<a href="/api/docs">${t('接口文档', 'API docs')}</a>`;
}

function who(principal: Principal): string {
  return principal.kind === 'unit'
    ? `单位 unit ${principal.unitCode}`
    : `${principal.name} (${principal.role})`;
}

/** Where a kept body goes in the frame: nothing escaped can contain it (its "<" would be "&lt;"). */
const keptBodyHere = '<!--kept-body-->';

export async function renderPage(
  c: Context<WebEnv>,
  services: WebServices,
  content: PageContent,
): Promise<Response> {
  const lang = langOf(c);
  const principal = c.get('principal');
  const notice = takeNotice(c);
  const back = encodeURIComponent(c.req.path);
  const other =
    lang === 'zh'
      ? html`<a href="/lang/en?back=${back}">English</a>`
      : html`<a href="/lang/zh?back=${back}">中文</a>`;
  const page = html`<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${tt(lang, content.title[0], content.title[1])} · 知识产权服务万里行</title>
<style>${raw(stylesheet)}</style>
</head>
<body>
<a class="skip" href="#main">${t('跳到正文', 'Skip to content')}</a>
<header class="top">
  <a class="brand" href="/">${t('知识产权服务万里行', 'IP Service Campaign')}</a>
  <nav>${navigation(principal, content.year)}</nav>
  <div class="who">
    ${other}
    ${
      principal
        ? html`<span>${who(principal)}</span>
          <form class="inline" method="post" action="/sign-out">${csrfField(c, services)}<button>${t('退出', 'Sign out')}</button></form>`
        : html`<a href="/sign-in">${t('登录', 'Sign in')}</a>`
    }
  </div>
</header>
<main id="main" tabindex="-1">
${notice ? html`<div class="notice ${notice.kind === 'problem' ? 'problem' : ''}" role="status">${t(notice.zh, notice.en)}</div>` : ''}
<h1>${t(content.title[0], content.title[1])}</h1>
${content.body instanceof ReaderBody ? raw(keptBodyHere) : content.body}
</main>
</body>
</html>`;
  if (!(content.body instanceof ReaderBody)) return c.html(page, content.status ?? 200);
  const [head, tail] = String(await page).split(keptBodyHere) as [string, string];
  c.header('content-type', 'text/html; charset=UTF-8');
  return c.body(content.body.between(head, tail), content.status ?? 200);
}
