// The operators' page for a year (总览): at a glance, every unit's tile, the units not in with the reminders,
// the key regions, and the national summary with its downloads. Read from the replica's read model
// (readModel.ts); what an operator may do is shown only to operators (viewers read).

import type { Context } from 'hono';
import { html } from 'hono/html';
import { workflowLink } from '../../../../infra/temporal/connection.ts';
import { campaignWorkflowId } from '../../../../workflows/shared/messages.ts';
import { type UnitListQuery, unitList, unitListQueryString } from '../../../operations/unitList.ts';
import type { WebServices } from '../../routeSpec.ts';
import { rules, type WebEnv } from '../../rules.ts';
import { asOf } from '../asOf.ts';
import { trailPath } from '../audit/trailPage.ts';
import { langOf, t } from '../html.ts';
import { keptBody } from '../keptBody.ts';
import { renderPage } from '../layout.ts';
import { unitGrid } from './grid.ts';
import { type KeyRegionsAttempt, keyRegionsSection } from './keyRegions.ts';
import { nationalSummarySection } from './nationalSummary.ts';
import { notSubmittedSection } from './notSubmitted.ts';
import { glanceSection } from './overview.ts';
import { stuckSection } from './stuck.ts';
import { unitFilterForm, unitRows } from './unitFilter.ts';

export const dashboardPath = (year: number) => `/campaigns/${year}`;

/** Operators act; viewers read. The rule that guards the actions' routes decides what is shown. */
export function canOperate(c: Context<WebEnv>): boolean {
  const principal = c.get('principal');
  return principal !== null && rules.operator.admits(principal);
}

export async function renderDashboard(
  c: Context<WebEnv>,
  services: WebServices,
  year: number,
  attempt?: KeyRegionsAttempt,
  query: UnitListQuery = {},
): Promise<Response> {
  const { status, today, rows, version } = await unitRows(services, year);
  const readAt = Number(version.split('/')[0]);
  const canAct = canOperate(c);
  const lang = langOf(c);
  const render = () => {
    // The tiles in the official order unless asked otherwise (never ranked); the list worst first.
    const tiles = unitList(rows, { ...query, sort: query.sort ?? 'code' });
    const listed = unitList(rows, { ...query, sort: query.sort ?? 'severity' });
    const workflowUrl = workflowLink(services.config, campaignWorkflowId(year));
    // Once compiled, the national summary is what the year comes to: it follows the grid.
    return html`<div class="dashboard">
      ${asOf(readAt)}
      ${stuckSection(status)}
      ${glanceSection(status, today, workflowUrl)}
      ${unitFilterForm(year, lang, query, tiles.length, rows.length)}
      ${unitGrid(year, lang, tiles)}
      ${status.summary ? nationalSummarySection(status) : ''}
      ${notSubmittedSection(c, services, year, listed, canAct)}
      ${keyRegionsSection(c, services, status, canAct, attempt)}
      ${status.summary ? '' : nationalSummarySection(status)}
      <section class="card" id="audit-link">
        <h2>${t('办理记录', 'Audit trail')}</h2>
        <p><a href="${trailPath(year)}">${t('查看全部办理记录（可筛选、可下载）', 'Every action of the year: filter and download')}</a></p>
      </section>
    </div>`;
  };
  return renderPage(c, services, {
    title: [`${year} 年活动总览`, `${year} campaign dashboard`],
    year,
    status: attempt?.status ?? 200,
    // A form's errors are this reader's alone; otherwise every reader of this read sees the same body.
    body: attempt
      ? render()
      : await keptBody(
          c,
          services,
          `${year}/dashboard/${lang}/${canAct}${unitListQueryString(query)}`,
          version,
          render,
        ),
  });
}
