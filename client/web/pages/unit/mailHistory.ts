// The operator panel's mail history (通知记录): each notice the unit's workflow sent, filtered by kind and
// outcome and ordered by time through the address (a GET form, no JS), and downloaded as .xlsx the same way.
import { html } from 'hono/html';
import { dateTimeWords } from '../../../../domain/dateWords.ts';
import { notificationKindLabels } from '../../../../domain/notices/notificationLabels.ts';
import { notificationKinds } from '../../../../domain/notices/notifications.ts';
import { platformLabels, type RobotPlatform } from '../../../../domain/notices/robotMarkdown.ts';
import type { MailEntry } from '../../../operations/mailHistory.ts';
import {
  type MailListQuery,
  mailList,
  mailListQueryString,
  mailOutcomes,
} from '../../../operations/mailList.ts';
import { dateT, type Html, type Lang, t, tt } from '../html.ts';

export const mailExportPath = (base: string, query: MailListQuery) =>
  `${base}/mail/export${mailListQueryString(query)}`;

const outcomeLabels: Record<MailEntry['outcome'], { zh: string; en: string }> = {
  sent: { zh: '已发送', en: 'sent' },
  failed: { zh: '未送达', en: 'not delivered' },
  pending: { zh: '发送中', en: 'sending' },
};

/** Beijing time, in both halves. */
function when(ms: number): Html {
  const words = dateTimeWords(ms);
  return t(words.zh, words.en);
}

function mailFilter(base: string, lang: Lang, query: MailListQuery, shown: number, all: number): Html {
  const selected = (yes: boolean) => (yes ? html` selected` : '');
  const option = (value: string, label: { zh: string; en: string }, chosen: string | undefined) =>
    html`<option value="${value}"${selected((chosen ?? '') === value)}>${tt(lang, label.zh, label.en)}</option>`;
  const filtered = Boolean(query.kind || query.outcome);
  return html`<form class="filters" method="get" action="${base}#mail">
      <span><label for="m-kind">${t('通知', 'Notice')}</label>
        <select id="m-kind" name="kind">${option('', { zh: '全部', en: 'all' }, query.kind)}${notificationKinds.map((k) => option(k, notificationKindLabels[k], query.kind))}</select></span>
      <span><label for="m-outcome">${t('结果', 'Outcome')}</label>
        <select id="m-outcome" name="outcome">${option('', { zh: '全部', en: 'all' }, query.outcome)}${mailOutcomes.map((o) => option(o, outcomeLabels[o], query.outcome))}</select></span>
      <span><label for="m-order">${t('顺序', 'Order')}</label>
        <select id="m-order" name="order">${option('', { zh: '最新在前', en: 'newest first' }, query.order)}${option('asc', { zh: '最早在前', en: 'oldest first' }, query.order)}</select></span>
      <span><button class="secondary">${t('筛选', 'Filter')}</button></span>
    </form>
    <p>${filtered ? html`${t(`显示 ${shown} / ${all} 条`, `${shown} of ${all} shown`)} · <a href="${base}#mail">${t('清除筛选', 'Clear the filter')}</a> · ` : ''}
      <a href="${mailExportPath(base, query)}" download>${t('下载通知记录', 'Download the mail history')} .xlsx</a></p>`;
}

export function mailSection(
  base: string,
  lang: Lang,
  mail: readonly MailEntry[],
  query: MailListQuery,
): Html {
  const shown = mailList(mail, query);
  return html`<div id="mail">${mail.length > 0 ? mailFilter(base, lang, query, shown.length, mail.length) : ''}
    ${mail.length > 0 && shown.length === 0 ? html`<p class="muted">${t('没有符合筛选条件的通知。', 'No notice matches the filter.')}</p>` : mailTable(shown)}</div>`;
}

function mailTable(mail: readonly MailEntry[]): Html {
  if (mail.length === 0)
    return html`<p class="muted">${t('尚未向本单位发送通知。', 'No notices have been sent to this unit yet.')}</p>`;
  const robots = (m: MailEntry) =>
    m.robots.length > 0
      ? html`<br><small class="robots">${t(
          `及${m.robots.map((p) => platformLabels[p as RobotPlatform]?.zh ?? p).join('、')}`,
          `and ${m.robots.map((p) => platformLabels[p as RobotPlatform]?.en ?? p).join(', ')}`,
        )}</small>`
      : '';
  const outcome = (m: MailEntry) =>
    m.outcome === 'sent'
      ? html`${t('已发送', 'sent')}${robots(m)}`
      : m.outcome === 'pending'
        ? t('发送中', 'sending')
        : html`<span class="badge s-urging">${t('未送达', 'not delivered')}</span> ${m.failure ?? ''}`;
  return html`<table class="mail" tabindex="0"><thead><tr><th>${t('时间', 'When')}</th><th>${t('通知', 'Notice')}</th><th>${t('收件人', 'To')}</th><th>${t('抄送', 'Cc')}</th><th>${t('结果', 'Outcome')}</th></tr></thead>
    <tbody>${mail.map(
      (m) => html`<tr>
        <td>${when(m.at)}</td>
        <td>${t(notificationKindLabels[m.kind].zh, notificationKindLabels[m.kind].en)}${m.deadline ? html` <span class="muted">(${dateT(m.deadline)})</span>` : ''}<br><small class="muted">${m.key}</small></td>
        <td>${m.to.join(', ')}</td><td>${m.cc.join(', ')}</td><td>${outcome(m)}</td>
      </tr>`,
    )}</tbody></table>`;
}
