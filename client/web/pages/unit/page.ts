// A unit's page: what is due and when, its flagged demands and matching feedback, the templates, the
// unit's own forms (its liaison only), and the operator panel (CNIPA accounts only). Read from the replica's
// read model (readModel.ts): about a second fresh, and afresh after this replica's own writes. A form's
// failure is shown inside that form, with the status it carries.

import type { Context } from 'hono';
import { html } from 'hono/html';
import { campaignToday } from '../../../operations/describe/campaignToday.ts';
import { type MailListQuery, mailListQueryString } from '../../../operations/mailList.ts';
import type { WebServices } from '../../routeSpec.ts';
import type { WebEnv } from '../../rules.ts';
import { asOf } from '../asOf.ts';
import { unitTrailSection } from '../audit/trailTable.ts';
import { langOf, t } from '../html.ts';
import { keptBody } from '../keptBody.ts';
import { renderPage } from '../layout.ts';
import { submissionsSection } from '../submissions/links.ts';
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
  mailQuery: MailListQuery = {},
): Promise<Response> {
  const principal = c.get('principal');
  const isOperator = principal?.kind === 'operator';
  const [unit, { value: campaign, readAt: campaignReadAt }, mailRead, trail] = await Promise.all([
    services.reads.unit(target.year, target.unit),
    services.reads.campaign(target.year),
    isOperator ? services.reads.mail(target.year, target.unit) : Promise.resolve({ value: [], readAt: 0 }),
    services.reads.trail(target.year, target.unit),
  ]);
  const { status, link } = unit.value;
  const mail = mailRead.value;
  const today = campaignToday(campaign, services.clock());
  const base = unitPath(target);
  const render = () => html`<div class="unit-page">
    <p class="muted">${t(`${status.year} 年度 · 单位代码 ${status.unitCode}`, `${status.year} · unit ${status.unitCode}`)}</p>
    ${asOf(unit.readAt)}
    ${
      failure && failure.status !== 200
        ? html`<div class="errors" role="alert"><a href="#${failure.form}">${t('未报送：请查看下方表单中的错误。', 'Nothing was submitted: see the errors in the form below.')}</a></div>`
        : ''
    }
    ${dueSection(status, today, campaign.calendar, principal?.kind === 'unit')}
    ${submissionsSection(base)}
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
              mailQuery,
              revisionDays: campaign.calendar.revisionDays,
              workingDays: campaign.calendar.workingDays,
            },
            failure,
          )
        : ''
    }
    ${trail ? unitTrailSection(trail.value, services.registry) : ''}
  </div>`;
  // An operator's view is the same for every operator of a role; a liaison's forms carry ids of their own.
  const keep = principal?.kind === 'operator' && !failure;
  const version = `${unit.readAt}/${campaignReadAt}/${mailRead.readAt}/${trail?.readAt ?? 0}`;
  return renderPage(c, services, {
    title: [status.nameZh, status.nameEn],
    year: target.year,
    body: keep
      ? await keptBody(
          c,
          services,
          `${base}/${langOf(c)}/${principal.role}${mailListQueryString(mailQuery)}`,
          version,
          render,
        )
      : render(),
    status: failure?.status ?? 200,
  });
}
