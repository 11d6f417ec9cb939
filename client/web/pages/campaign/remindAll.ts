// "Remind all" (全部催报) in two steps: a page that says how many units get a mail, which, and when each was
// last reminded; then the POST that sends them, at most once an interval (client/operations/remindAll.ts).
// The POST without the step's `confirmed=yes` shows the step instead of acting.
import type { Context } from 'hono';
import { html } from 'hono/html';
import { dateTimeWords } from '../../../../domain/dateWords.ts';
import type { Bilingual } from '../../../../domain/labels.ts';
import { campaignStatus } from '../../../../reads/campaignStatus.ts';
import { campaignToday } from '../../../operations/describe/campaignToday.ts';
import { unitStanding } from '../../../operations/describe/standing.ts';
import {
  type RemindAllHold,
  RemindAllTooSoonError,
  remindAll,
  remindAllHold,
} from '../../../operations/remindAll.ts';
import { actingFor } from '../../acting.ts';
import { defineRoute, type WebRoute, type WebServices, yearParams } from '../../routeSpec.ts';
import type { WebEnv } from '../../rules.ts';
import { confirmedSchema, confirmStep } from '../confirmStep.ts';
import { readForm, setNotice } from '../forms.ts';
import { count, t } from '../html.ts';
import { renderPage } from '../layout.ts';
import { dashboardPath } from './dashboard.ts';
import { unitPath } from './grid.ts';
import { missingLabel, shortName, tb } from './labels.ts';
import { lastRemindedCell } from './lastReminded.ts';
import { remindAllPath } from './notSubmitted.ts';
import { remindNotice } from './remindNotice.ts';

/** Why no remind-all may go now, and when the next may. */
function holdWords(hold: RemindAllHold): Bilingual {
  const [at, next] = [dateTimeWords(hold.at), dateTimeWords(hold.nextAt)];
  return {
    zh: `${hold.by} 已于 ${at.zh} 全部催报；下次全部催报须在 ${next.zh}（北京时间）之后。个别单位仍可在未报单位列表中逐一催报。`,
    en: `Everyone was reminded by ${hold.by} at ${at.en}; the next remind-all is allowed after ${next.en} (Beijing time). Single units can still be reminded one by one from the not-submitted list.`,
  };
}

async function renderRemindAllStep(c: Context<WebEnv>, services: WebServices, year: number) {
  const [{ value: status }, { value: reminders }, hold] = await Promise.all([
    services.reads.overview(year),
    services.reads.reminders(year),
    remindAllHold(services.audit, year, services.remindAllIntervalMs, services.clock()),
  ]);
  const today = campaignToday(status, services.clock());
  const due = status.units
    .filter((unit) => unit.due !== null)
    .map((unit) => ({ unit, standing: unitStanding(unit, today, status.calendar) }));
  const n = due.length;
  const refused = hold
    ? tb(holdWords(hold))
    : n === 0
      ? t('目前没有单位有待报材料，无需催报。', 'No unit has anything due now: there is nobody to remind.')
      : undefined;
  const details = html`<table class="owing">
    <thead><tr><th>${t('单位', 'Unit')}</th><th>${t('未报材料', 'Missing')}</th><th>${t('上次催报', 'Last reminded')}</th></tr></thead>
    <tbody>${due.map(({ unit, standing }) => {
      const name = shortName(unit);
      return html`<tr><td class="unit"><a href="${unitPath(year, unit.unitCode)}">${unit.unitCode} ${t(name.zh, name.en)}</a></td>
        <td>${tb(missingLabel(standing.missing, true))}</td><td>${lastRemindedCell(reminders.get(unit.unitCode))}</td></tr>`;
    })}</tbody></table>`;
  const hours = services.remindAllIntervalMs / 3_600_000;
  return renderPage(c, services, {
    title: [`${year} 年全部催报`, `Remind all units ${year}`],
    year,
    body: confirmStep(c, services, {
      what: t(
        `将向 ${n} 个单位发送催报邮件，提醒其报送未报材料。${hours > 0 ? `之后 ${hours} 小时内不能再次全部催报。` : ''}`,
        `${count(n, 'unit')} will get a reminder mail of what they owe.${hours > 0 ? ` No other remind-all is allowed for ${hours} hours after.` : ''}`,
      ),
      details: n > 0 ? details : undefined,
      refused,
      action: remindAllPath(year),
      button: t(`确认向 ${n} 个单位催报`, `Send ${count(n, 'reminder')}`),
      back: `${dashboardPath(year)}#not-submitted`,
    }),
  });
}

export const remindAllPages: WebRoute[] = [
  defineRoute({
    rule: 'operator',
    page: true,
    method: 'get',
    path: '/campaigns/{year}/remind',
    summary: 'the step before remind-all: how many units get a mail, which, when each was last reminded',
    tags: ['pages'],
    params: yearParams,
    success: { status: 200, description: 'HTML' },
    handle: ({ c, params, services }) => renderRemindAllStep(c, services, params.year),
  }),
  defineRoute({
    rule: 'operator',
    page: true,
    method: 'post',
    path: '/campaigns/{year}/remind',
    summary:
      'remind every unit with something due (催报) once confirmed; back to the dashboard with the counts',
    tags: ['pages'],
    params: yearParams,
    success: { status: 303, description: 'back to the dashboard, or to the confirmation step' },
    handle: async ({ c, params, services, principal }) => {
      const form = await readForm(c, confirmedSchema, {});
      if (!form.ok) return c.redirect(remindAllPath(params.year), 303);
      const { units } = await campaignStatus(services.client, params.year);
      try {
        const outcomes = await remindAll(services.client, params.year, units, {
          intervalMs: services.remindAllIntervalMs,
          now: services.clock(),
          acting: actingFor(c, services, principal),
        });
        const notice = remindNotice(outcomes);
        setNotice(c, notice.zh, notice.en, notice.failed ? 'problem' : 'done');
      } catch (error) {
        if (!(error instanceof RemindAllTooSoonError)) throw error;
        const words = holdWords(error.hold);
        setNotice(c, `未发送：${words.zh}`, `Not sent. ${words.en}`, 'problem');
      }
      return c.redirect(dashboardPath(params.year), 303);
    },
  }),
];
