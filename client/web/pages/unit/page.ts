// A unit's page: what is due and when, its flagged demands and matching feedback, the templates, the
// unit's own forms (its liaison only), and the operator panel (CNIPA accounts only). Read afresh from the
// workflows on every request; a form's failure is shown inside that form, with the status it carries.

import type { Context } from 'hono';
import { html } from 'hono/html';
import { sdkReads } from '../../../../infra/temporal/reads.ts';
import { campaignState } from '../../../../reads/campaignStatus.ts';
import { campaignToday } from '../../../operations/describe/campaignToday.ts';
import { unitMailHistory } from '../../../operations/mailHistory.ts';
import { unitStatus } from '../../../operations/unitStatus.ts';
import type { WebServices } from '../../routeSpec.ts';
import type { WebEnv } from '../../rules.ts';
import { unitTrailSection } from '../audit/trailTable.ts';
import { t } from '../html.ts';
import { renderPage } from '../layout.ts';
import { channelsSection } from './channels.ts';
import type { Failure } from './failures.ts';
import { operatorPanel } from './operatorPanel.ts';
import { dueSection, flaggedSection, matchingSection } from './status.ts';
import { templatesSection, unitForms } from './unitForms.ts';

export interface UnitTarget {
  year: number;
  unit: string;
}

export const unitPath = (target: UnitTarget) => `/campaigns/${target.year}/units/${target.unit}`;

export async function renderUnitPage(
  c: Context<WebEnv>,
  services: WebServices,
  target: UnitTarget,
  failure?: Failure,
): Promise<Response> {
  const principal = c.get('principal');
  const isOperator = principal?.kind === 'operator';
  const [{ status, link }, campaign, mail, trail] = await Promise.all([
    unitStatus(sdkReads(services.client), services.config, target),
    campaignState(services.client, target.year),
    isOperator ? unitMailHistory(services.client, target) : Promise.resolve([]),
    services.audit?.list({ year: target.year, unitCode: target.unit }) ?? Promise.resolve(undefined),
  ]);
  const today = campaignToday(campaign, services.clock());
  const base = unitPath(target);
  const body = html`<div class="unit-page">
    <p class="muted">${t(`${status.year} 年度 · 单位代码 ${status.unitCode}`, `${status.year} · unit ${status.unitCode}`)}</p>
    ${
      failure
        ? html`<div class="errors" role="alert"><a href="#${failure.form}">${t('未报送：请查看下方表单中的错误。', 'Nothing was submitted: see the errors in the form below.')}</a></div>`
        : ''
    }
    ${dueSection(status, today, campaign.calendar)}
    ${flaggedSection(status)}
    ${matchingSection(status, campaign, services.registry)}
    ${templatesSection(base, principal?.kind === 'unit')}
    ${channelsSection(services.robots.get(target.unit) ?? [])}
    ${principal?.kind === 'unit' ? unitForms(c, services, base, failure) : ''}
    ${
      principal && isOperator
        ? operatorPanel(
            c,
            services,
            {
              principal,
              status,
              link,
              mail,
              base,
              today,
              revisionDays: campaign.calendar.revisionDays,
              workingDays: campaign.calendar.workingDays,
            },
            failure,
          )
        : ''
    }
    ${trail ? unitTrailSection(trail, services.registry) : ''}
  </div>`;
  return renderPage(c, services, {
    title: [status.nameZh, status.nameEn],
    year: target.year,
    body,
    status: failure?.status ?? 200,
  });
}
