// The dashboard's routes: the page, the reminders (催报) for all units or one, the key regions, and the
// national downloads. Each action calls the same client function as `wlx` and the API, then sends the
// browser back with a notice of the outcome (POST → 303 → GET).
import { z } from 'zod';
import { formatShanghaiDate } from '../../../../domain/calendar.ts';
import { designateKeyRegionsSchema } from '../../../../domain/matching/decisions.ts';
import { campaignStatus } from '../../../../reads/campaignStatus.ts';
import { designateKeyRegions } from '../../../operations/designateKeyRegions.ts';
import { nationalOutputs } from '../../../operations/nationalOutputs.ts';
import { remindUnits } from '../../../operations/remindUnits.ts';
import { buildUnitListExport } from '../../../operations/spreadsheets/unitListExport.ts';
import { unitList, unitListQuerySchema } from '../../../operations/unitList.ts';
import { actingFor } from '../../acting.ts';
import { download, fileTypes } from '../../auditEvents.ts';
import { problem, problemFor } from '../../problems.ts';
import { defineRoute, unitParams, type WebRoute, yearParams, yearPathSchema } from '../../routeSpec.ts';
import { readForm, setNotice } from '../forms.ts';
import { problemPage } from '../problemPage.ts';
import { dashboardPath, renderDashboard } from './dashboard.ts';
import { keyRegionFields, keyRegionLabels } from './keyRegions.ts';
import { exportFileName } from './nationalSummary.ts';
import { remindNotice } from './remindNotice.ts';
import { unitRows } from './unitFilter.ts';

const outputs = Object.keys(nationalOutputs) as [
  keyof typeof nationalOutputs,
  ...(keyof typeof nationalOutputs)[],
];

/** Where to go after a unit's reminder: a page of this year (the unit's own page posts here), else the dashboard. */
const backField = (year: number) =>
  z.object({
    back: z
      .string()
      .regex(new RegExp(`^/campaigns/${year}(/[\\w-]+)*$`))
      .catch(dashboardPath(year)),
  });

export const dashboardPages: WebRoute[] = [
  defineRoute({
    rule: 'viewer',
    page: true,
    method: 'get',
    path: '/campaigns/{year}',
    summary: "the year's dashboard: every unit's standing, reminders, key regions, national summary",
    tags: ['pages'],
    params: yearParams,
    query: unitListQuerySchema,
    success: { status: 200, description: 'HTML' },
    handle: async ({ c, params, query, services }) =>
      renderDashboard(c, services, params.year, undefined, query),
  }),
  defineRoute({
    rule: 'viewer',
    page: true,
    method: 'get',
    path: '/campaigns/{year}/unit-list/export',
    summary:
      "download the dashboard's unit list, filtered and sorted as the page is (?q=&standing=&sort=&order=), as .xlsx",
    tags: ['pages'],
    params: yearParams,
    query: unitListQuerySchema,
    success: { status: 200, description: 'the .xlsx file', contentType: fileTypes.xlsx },
    handle: async ({ c, params, query, services, principal }) => {
      const { rows } = await unitRows(services, params.year);
      const listed = unitList(rows, { ...query, sort: query.sort ?? 'code' });
      const bytes = await buildUnitListExport(
        params.year,
        query,
        listed,
        formatShanghaiDate(services.clock()),
      );
      const file = `wanlixing-${params.year}-units.xlsx`;
      return download(c, services, principal, { year: params.year, file, type: 'xlsx', bytes });
    },
  }),
  defineRoute({
    rule: 'operator',
    page: true,
    method: 'post',
    path: '/campaigns/{year}/units/{unit}/remind',
    summary: 'remind one unit of what it owes now; back to `back` (a page of the year) or the dashboard',
    tags: ['pages'],
    params: unitParams,
    success: { status: 303, description: 'back where the form said' },
    handle: async ({ c, params, services, principal }) => {
      const form = await readForm(c, backField(params.year), {});
      const back = form.ok ? form.data.back : dashboardPath(params.year);
      const { units } = await campaignStatus(services.client, params.year);
      const unit = units.find((u) => u.unitCode === params.unit);
      if (!unit)
        return problemPage(
          c,
          services,
          problem(404, 'no-such-unit', `unit ${params.unit} is not in the ${params.year} campaign`),
        );
      const acting = actingFor(c, services, principal);
      const notice = remindNotice(await remindUnits(services.client, params.year, [unit], undefined, acting));
      setNotice(c, notice.zh, notice.en, notice.failed ? 'problem' : 'done');
      return c.redirect(back, 303);
    },
  }),
  defineRoute({
    rule: 'operator',
    page: true,
    method: 'post',
    path: '/campaigns/{year}/key-regions',
    summary: 'designate 3–4 key-guidance regions and 1–2 exchange hosts',
    tags: ['pages'],
    params: yearParams,
    success: { status: 303, description: 'designated; back to the dashboard' },
    handle: async ({ c, params, services, principal }) => {
      const form = await readForm(c, designateKeyRegionsSchema, keyRegionLabels, keyRegionFields);
      if (!form.ok) {
        const values = keyRegionFields(await c.req.parseBody({ all: true }));
        return renderDashboard(c, services, params.year, { values, errors: form.errors, status: 422 });
      }
      try {
        await designateKeyRegions(
          services.client,
          { year: params.year, ...form.data },
          actingFor(c, services, principal),
        );
      } catch (error) {
        // The campaign's own refusals (a region not in this year's campaign; feedback already sent) are
        // told on the form, by its labels; anything else is the app's error page.
        const found = problemFor(error);
        if (found.status !== 422 && found.status !== 409) throw error;
        const errors = (found.errors ?? [{ field: '', message: found.detail }]).map((e) => ({
          ...e,
          label: keyRegionLabels[e.field.split(/[.[]/)[0] as keyof typeof keyRegionLabels] ?? {
            zh: '重点地区',
            en: 'Key regions',
          },
        }));
        return renderDashboard(c, services, params.year, { values: form.data, errors, status: found.status });
      }
      setNotice(
        c,
        `已确定重点指导地区：${form.data.regions.join('、')}；交流活动承办方：${form.data.exchangeHosts.join('、')}`,
        `Key regions designated: ${form.data.regions.join(', ')}; exchange hosts: ${form.data.exchangeHosts.join(', ')}`,
      );
      return c.redirect(dashboardPath(params.year), 303);
    },
  }),
  defineRoute({
    rule: 'viewer',
    page: true,
    method: 'get',
    path: '/campaigns/{year}/exports/{output}',
    summary: 'download a national workbook (demands, matches, results) or the national report',
    tags: ['pages'],
    params: z.object({ year: yearPathSchema, output: z.enum(outputs) }),
    success: { status: 200, description: 'the .xlsx or .docx file' },
    handle: async ({ c, params, services, principal }) => {
      const output = nationalOutputs[params.output];
      const bytes = await output.build(services.client, params.year);
      return download(c, services, principal, {
        year: params.year,
        file: exportFileName(params.year, params.output),
        type: output.extension,
        bytes,
      });
    },
  }),
];
