// What CNIPA's accounts see of a unit besides what the unit sees: its workflow in the Temporal UI, the
// notices sent to it, and (role operator) the forms to return a submission, extend a deadline or remind it.
// Viewers see the panel without the forms.
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { WorkingDays } from '../../../../domain/calendar/workingDays.ts';
import { endOfDateInShanghai, formatShanghaiDate } from '../../../../domain/calendar.ts';
import { dateZh } from '../../../../domain/dateWords.ts';
import { deadlineAfterReturn } from '../../../../domain/deadlines.ts';
import { itemLabels, trackLabels } from '../../../../domain/labels.ts';
import { tracks } from '../../../../domain/notices/notifications.ts';
import {
  type GrantExtension,
  grantExtensionSchema,
  type ReturnForRevision,
  returnableItems,
  returnForRevisionSchema,
} from '../../../../domain/submissions.ts';
import type { UnitStatus } from '../../../../workflows/shared/status.ts';
import type { MailEntry } from '../../../operations/mailHistory.ts';
import type { MailListQuery } from '../../../operations/mailList.ts';
import type { WebServices } from '../../routeSpec.ts';
import type { WebEnv } from '../../rules.ts';
import type { Principal } from '../../session.ts';
import { tb } from '../campaign/labels.ts';
import { csrfField, readForm } from '../forms.ts';
import { type Html, langOf, t } from '../html.ts';
import { submissionLinks } from '../submissions/links.ts';
import { type Failure, failureIn, plainErrors } from './failures.ts';
import { labelled, select, text, textValues } from './inputs.ts';
import { stateLabel, trackHeading } from './labels.ts';
import { mailSection } from './mailHistory.ts';

const returnLabels = {
  what: { zh: '退回事项', en: 'What to return' },
  reason: { zh: '退回原因', en: 'Reason' },
};
const extendLabels = {
  track: { zh: '事项', en: 'Deliverable' },
  until: { zh: '新截止日期', en: 'New deadline' },
};

export function operatorPanel(
  c: Context<WebEnv>,
  services: WebServices,
  input: {
    principal: Principal;
    status: UnitStatus;
    link: string;
    mail: readonly MailEntry[];
    base: string;
    /** The campaign's date (nominal on a compressed year): an extension runs from after it. */
    today: string;
    /** What the mail history's filter asks for (?kind=&outcome=&order=). */
    mailQuery: MailListQuery;
    /** Days a return gives, from the campaign's calendar. */
    revisionDays: number | undefined;
    /** The working calendar those days are counted in, when the year has one. */
    workingDays?: WorkingDays | undefined;
  },
  failure: Failure | undefined,
): Html {
  const { principal, status, link, mail, base, today, revisionDays, workingDays } = input;
  if (principal.kind !== 'operator') return html``;
  const lang = langOf(c);
  const csrf = csrfField(c, services);
  const values = (form: Failure['form']) => (failure?.form === form ? failure.values : undefined);
  const forms =
    principal.role === 'operator'
      ? html`<div class="uploads">
        <form class="card" id="return" method="post" action="${base}/return#return">
          <h3>${t('退回修改', 'Return for revision')}</h3>${failureIn('return', failure)}${csrf}
          <p class="muted">${t('退回前先阅读所报送的内容：', 'Read what was handed in before returning it:')}</p>
          ${submissionLinks(base, ['plan', 'demands', 'summary'])}
          ${labelled(
            'what',
            returnLabels.what,
            select(
              lang,
              'what',
              returnableItems.map((i) => [i, itemLabels[i]] as const),
              values('return'),
            ),
          )}
          ${labelled('reason', returnLabels.reason, html`<textarea id="reason" name="reason" required>${values('return')?.reason ?? ''}</textarea>`)}
          ${revisionDays === undefined ? '' : returnDeadlines(status, today, { revisionDays, workingDays })}
          <p><button class="danger">${t('退回', 'Return it')}</button></p>
        </form>
        <form class="card" id="extend" method="post" action="${base}/extend#extend">
          <h3>${t('延长截止日期', 'Grant an extension')}</h3>${failureIn('extend', failure)}${csrf}
          ${labelled(
            'track',
            extendLabels.track,
            select(
              lang,
              'track',
              tracks.map((track) => [track, trackHeading(track)] as const),
              values('extend') ?? { track: status.due ?? '' },
            ),
          )}
          ${labelled('until', extendLabels.until, html`<input type="date" id="until" name="until" min="${today}" value="${values('extend')?.until ?? ''}" required>`)}
          <p><button>${t('延期', 'Extend')}</button></p>
        </form>
        <form class="card" id="remind" method="post" action="${base}/remind">
          <h3>${t('催报', 'Remind')}</h3>${csrf}
          <input type="hidden" name="back" value="${base}">
          <p class="muted">${t('立即向本单位发送当前待报送事项的提醒。', 'Mail the unit a reminder of what it owes now.')}</p>
          <p><button class="secondary">${t('发送提醒', 'Send a reminder')}</button></p>
        </form>
      </div>`
      : html`<p class="muted">${t('查看账号只能查看，不能退回、延期或催报。', 'A viewer account can look, but not return, extend or remind.')}</p>`;
  return html`<section class="card operator" id="operator">
    <h2>${t('工作人员面板', 'Operator panel')}</h2>
    <p><a href="${link}" target="_blank" rel="noopener">${t('在 Temporal 界面中查看本单位的工作流', "This unit's workflow in the Temporal UI")}</a>
      · ${t('状态：', 'State: ')}${tb(stateLabel(status.state))}</p>
    ${
      status.undelivered.length > 0
        ? html`<div class="errors"><p>${t('以下通知无法送达，请核对名录中的邮箱：', 'These notices could not be delivered; check the addresses in the registry:')}</p>
          <ul>${status.undelivered.map((u) => html`<li>${u}</li>`)}</ul></div>`
        : ''
    }
    ${forms}
    <h3>${t('通知记录', 'Mail history')}</h3>
    <p class="muted">${t('活动启动通知由活动工作流发出，不在此列。', 'The launch notice went out from the campaign workflow and is not listed.')}</p>
    ${mailSection(base, langOf(c), mail, input.mailQuery)}
  </section>`;
}

type Read<T> = { ok: true; data: T } | Failure;

export async function readReturnForm(c: Context): Promise<Read<ReturnForRevision>> {
  const values = textValues(await c.req.parseBody({ all: true }));
  const form = await readForm(c, returnForRevisionSchema, returnLabels, (f) => ({
    what: text(f.what),
    reason: text(f.reason),
  }));
  return form.ok ? form : { form: 'return', status: 422, errors: plainErrors(form.errors), values };
}

export async function readExtendForm(c: Context): Promise<Read<GrantExtension>> {
  const values = textValues(await c.req.parseBody({ all: true }));
  const form = await readForm(c, grantExtensionSchema, extendLabels, (f) => ({
    track: text(f.track),
    until: text(f.until),
  }));
  return form.ok ? form : { form: 'extend', status: 422, errors: plainErrors(form.errors), values };
}

/** What a return sent today would leave due, by track: the operator sees it before sending. */
function returnDeadlines(
  status: UnitStatus,
  today: string,
  policy: { revisionDays: number; workingDays?: WorkingDays | undefined },
): Html {
  const { revisionDays, workingDays } = policy;
  const after = (track: 'plan' | 'summary') =>
    formatShanghaiDate(
      deadlineAfterReturn(endOfDateInShanghai(today), endOfDateInShanghai(status[track].deadline), {
        revisionDays,
        ...(workingDays && { workingDays }),
      }),
    );
  const unit = workingDays ? { zh: '个工作日', en: 'working days' } : { zh: '天', en: 'days' };
  return html`<p class="muted" id="return-deadlines">${t(
    `今天退回，新的截止日期：${trackLabels.plan.zh} ${dateZh(after('plan'))}，总结 ${dateZh(after('summary'))}（${revisionDays} ${unit.zh}修改期，不早于原截止日期）`,
    `Returned today, due again: ${trackLabels.plan.en} ${after('plan')}, summary ${after('summary')} (${revisionDays} ${unit.en} to revise, never before the deadline it replaces)`,
  )}</p>`;
}
