// The unit page's routes: the page (its unit or CNIPA's accounts), its templates, the unit's forms (its own
// liaison only) and the operators' return and extension. Every form answers 303 back to the page with a
// notice, or the page again with the form's errors and their status (422, or 409 when refused now).
import type { Context } from 'hono';
import { z } from 'zod';
import { formatShanghaiDate } from '../../../../domain/calendar.ts';
import { itemLabel } from '../../../../domain/labels.ts';
import { findUnit } from '../../../../domain/registry.ts';
import { grantExtension } from '../../../operations/grantExtension.ts';
import { mailList, mailListQuerySchema } from '../../../operations/mailList.ts';
import { returnForRevision } from '../../../operations/returnForRevision.ts';
import { buildMailListExport } from '../../../operations/spreadsheets/mailListExport.ts';
import { buildTemplate } from '../../../operations/spreadsheets/template.ts';
import {
  NoDemandListError,
  unitDemandListFileName,
  unitDemandListWorkbook,
} from '../../../operations/unitDemandListExport.ts';
import { actingFor } from '../../acting.ts';
import { download, fileTypes } from '../../auditEvents.ts';
import { bodyLimits } from '../../bodyLimits.ts';
import { problem } from '../../problems.ts';
import { defineRoute, unitParams, type WebRoute, type WebServices } from '../../routeSpec.ts';
import type { WebEnv } from '../../rules.ts';
import { setNotice } from '../forms.ts';
import { problemPage } from '../problemPage.ts';
import { failureOf } from './failures.ts';
import { trackHeading } from './labels.ts';
import { readExtendForm, readReturnForm } from './operatorPanel.ts';
import { renderUnitPage, type UnitTarget, unitPath } from './page.ts';
import { type Outcome, submitActivity, submitPlan, submitSpreadsheet, submitSummary } from './submissions.ts';
import { templateKinds } from './unitForms.ts';

async function answer(c: Context<WebEnv>, services: WebServices, target: UnitTarget, outcome: Outcome) {
  if ('done' in outcome) {
    setNotice(c, outcome.done.zh, outcome.done.en);
    // #top: the form's own fragment (the form's action scrolls a failure into view) would carry over.
    return c.redirect(`${unitPath(target)}#top`, 303);
  }
  return renderUnitPage(c, services, target, outcome);
}

type Handler = (c: Context<WebEnv>, services: WebServices, target: UnitTarget) => Promise<Outcome>;

/** Each form: its path, what it does, its handler, and for the uploads the most their files may hold. */
const unitForms: [string, string, Handler, number?][] = [
  ['plan', 'submit the work plan, with its document', submitPlan, bodyLimits.document],
  [
    'demands',
    'upload the demand list (Annex 1, .xlsx)',
    (c, s, t) => submitSpreadsheet(c, s, t, 'demands'),
    bodyLimits.spreadsheet,
  ],
  [
    'activities',
    'upload activity records (.xlsx, many rows)',
    (c, s, t) => submitSpreadsheet(c, s, t, 'activities'),
    bodyLimits.spreadsheet,
  ],
  ['activity', 'record one activity', submitActivity],
  [
    'summary',
    'upload the written summary and/or the results summary (Annex 2)',
    submitSummary,
    bodyLimits.documentAndSpreadsheet,
  ],
];

export const unitPages: WebRoute[] = [
  defineRoute({
    rule: 'ownUnitOrViewer',
    page: true,
    method: 'get',
    path: '/campaigns/{year}/units/{unit}',
    summary: "a unit's page: what is due, its forms, and for CNIPA the operator panel",
    tags: ['pages'],
    params: unitParams,
    query: mailListQuerySchema,
    success: { status: 200, description: 'HTML' },
    handle: async ({ c, params, query, services }) => renderUnitPage(c, services, params, undefined, query),
  }),
  defineRoute({
    rule: 'viewer',
    page: true,
    method: 'get',
    path: '/campaigns/{year}/units/{unit}/mail/export',
    summary:
      "download a unit's mail history, filtered as the operator panel is (?kind=&outcome=&order=), as .xlsx",
    tags: ['pages'],
    params: unitParams,
    query: mailListQuerySchema,
    success: { status: 200, description: 'the .xlsx file', contentType: fileTypes.xlsx },
    handle: async ({ c, params, query, services, principal }) => {
      const unit = findUnit(services.registry, params.unit);
      const { value: mail } = await services.reads.mail(params.year, unit.code);
      const bytes = await buildMailListExport(
        { year: params.year, unitCode: unit.code, nameZh: unit.nameZh },
        query,
        mailList(mail, query),
        formatShanghaiDate(services.clock()),
      );
      const file = `wanlixing-${params.year}-${unit.code}-mail.xlsx`;
      return download(c, services, principal, {
        year: params.year,
        unitCode: unit.code,
        file,
        type: 'xlsx',
        bytes,
      });
    },
  }),
  defineRoute({
    rule: 'ownUnitOrViewer',
    page: true,
    method: 'get',
    path: '/campaigns/{year}/units/{unit}/templates/{kind}',
    summary: 'a blank .xlsx template made for the unit and year (as `wlx template`)',
    tags: ['pages'],
    params: unitParams.extend({ kind: z.enum(templateKinds) }),
    success: {
      status: 200,
      description: 'the .xlsx',
      contentType: fileTypes.xlsx,
    },
    handle: async ({ c, params, services, principal }) => {
      const unit = findUnit(services.registry, params.unit);
      const bytes = await buildTemplate(params.kind, { year: params.year, unit });
      const file = `${params.year}-${unit.code}-${params.kind}.xlsx`;
      return download(c, services, principal, {
        year: params.year,
        unitCode: unit.code,
        file,
        type: 'xlsx',
        bytes,
      });
    },
  }),
  defineRoute({
    rule: 'ownUnitOrViewer',
    page: true,
    method: 'get',
    path: '/campaigns/{year}/units/{unit}/demand-list',
    summary:
      "the unit's whole demand list as last handed in, in its template (as `wlx export demands --unit`)",
    tags: ['pages'],
    params: unitParams,
    success: {
      status: 200,
      description: 'the .xlsx, to edit and upload again',
      contentType: fileTypes.xlsx,
    },
    handle: async ({ c, params, services, principal }) => {
      const unit = findUnit(services.registry, params.unit);
      let bytes: Buffer;
      try {
        bytes = await unitDemandListWorkbook(services.client, params.year, unit);
      } catch (error) {
        if (!(error instanceof NoDemandListError)) throw error;
        return problemPage(c, services, problem(404, 'no-demand-list', error.message));
      }
      const file = unitDemandListFileName(params.year, unit.code);
      return download(c, services, principal, {
        year: params.year,
        unitCode: unit.code,
        file,
        type: 'xlsx',
        bytes,
      });
    },
  }),
  ...unitForms.map(([segment, summary, handler, maxBodyBytes]) =>
    defineRoute({
      rule: 'ownUnit',
      page: true,
      method: 'post',
      path: `/campaigns/{year}/units/{unit}/${segment}`,
      summary,
      tags: ['pages'],
      params: unitParams,
      ...(maxBodyBytes && { maxBodyBytes, upload: true as const }),
      success: { status: 303, description: 'submitted; back to the page' },
      handle: async ({ c, params, services }) =>
        answer(c, services, params, await handler(c, services, params)),
    }),
  ),
  defineRoute({
    rule: 'operator',
    page: true,
    method: 'post',
    path: '/campaigns/{year}/units/{unit}/return',
    summary: 'return a submission for revision, with the reason the unit will read',
    tags: ['pages'],
    params: unitParams,
    success: { status: 303, description: 'returned; back to the page' },
    handle: async ({ c, params, services, principal }) => {
      const form = await readReturnForm(c);
      if (!('ok' in form)) return renderUnitPage(c, services, params, form);
      try {
        await returnForRevision(
          services.client,
          { ...params, ...form.data },
          actingFor(c, services, principal),
        );
      } catch (error) {
        return renderUnitPage(c, services, params, failureOf('return', error));
      }
      const what = itemLabel(form.data.what);
      return answer(c, services, params, {
        done: { zh: `已退回${what.zh}`, en: `The ${what.en} was returned for revision` },
      });
    },
  }),
  defineRoute({
    rule: 'operator',
    page: true,
    method: 'post',
    path: '/campaigns/{year}/units/{unit}/extend',
    summary: "move one of the unit's deadlines later",
    tags: ['pages'],
    params: unitParams,
    success: { status: 303, description: 'extended; back to the page' },
    handle: async ({ c, params, services, principal }) => {
      const form = await readExtendForm(c);
      if (!('ok' in form)) return renderUnitPage(c, services, params, form);
      try {
        await grantExtension(services.client, { ...params, ...form.data }, actingFor(c, services, principal));
      } catch (error) {
        return renderUnitPage(c, services, params, failureOf('extend', error));
      }
      const track = trackHeading(form.data.track);
      return answer(c, services, params, {
        done: {
          zh: `${track.zh}截止日期已延至 ${form.data.until}`,
          en: `${track.en}: deadline moved to ${form.data.until}`,
        },
      });
    },
  }),
];
