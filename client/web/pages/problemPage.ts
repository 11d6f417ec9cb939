// A refusal or failure told to a browser: the same problem the API would send, as a page with a way on.
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { Problem } from '../problems.ts';
import type { WebServices } from '../routeSpec.ts';
import type { WebEnv } from '../rules.ts';
import { t } from './html.ts';
import { type PageContent, renderPage } from './layout.ts';

/** Each status's title, [Chinese, English]: pages and notices name a refusal the same way. */
export const problemTitles: Record<number, readonly [string, string]> = {
  400: ['请求有误', 'Bad request'],
  401: ['请先登录', 'Please sign in'],
  403: ['无权访问', 'Not allowed'],
  404: ['未找到', 'Not found'],
  409: ['现在不能这样做', 'Not allowed now'],
  410: ['链接已失效', 'Link no longer valid'],
  422: ['输入有误', 'Invalid input'],
  429: ['尝试次数过多', 'Too many attempts'],
  500: ['系统出错', 'Something went wrong'],
  503: ['工作流服务暂不可用', 'The workflow service is unavailable'],
};

/** What a person reads for the kinds whose API detail is written for programs. */
const details: Record<string, readonly [string, string]> = {
  'urn:wanlixing:problem:forbidden': [
    '您的账号无权查看或办理此事项。',
    'Your account may not see or do this.',
  ],
  'urn:wanlixing:problem:csrf': [
    '表单已过期，请刷新页面后重试。',
    'The form has expired; reload the page and try again.',
  ],
  'urn:wanlixing:problem:no-such-workflow': [
    '该年度或单位没有进行中的活动。',
    'There is no campaign for this year or unit.',
  ],
};

export function problemPage(
  c: Context<WebEnv>,
  services: WebServices,
  problem: Problem,
): Response | Promise<Response> {
  const [zh, en] = problemTitles[problem.status] ?? ['出错了', 'Error'];
  const detail = details[problem.type];
  const body = html`<section class="card">
    <p>${detail ? t(detail[0], detail[1]) : problem.detail}</p>
    ${problem.errors?.length ? html`<ul>${problem.errors.map((e) => html`<li><b>${e.field}</b>: ${e.message}</li>`)}</ul>` : ''}
    <p><a href="/">${t('返回首页', 'Back to the start page')}</a></p>
  </section>`;
  return renderPage(c, services, {
    title: [zh, en],
    body,
    status: problem.status as PageContent['status'],
  });
}
