// The audit trail's routes: the operators' page with its filters, its .xlsx download, and the API's JSON.

import { auditFilterSchema, auditQueryOf } from '../../../../domain/audit/view.ts';
import { formatShanghaiDate } from '../../../../domain/calendar.ts';
import { buildTrailExport } from '../../../operations/audit/trailExport.ts';
import { download, fileTypes } from '../../auditEvents.ts';
import { defineRoute, type WebRoute, yearParams } from '../../routeSpec.ts';
import { renderTrailPage } from './trailPage.ts';

const filterQuery = auditFilterSchema.omit({ year: true });

export const auditRoutes: WebRoute[] = [
  defineRoute({
    rule: 'viewer',
    method: 'get',
    path: '/api/campaigns/{year}/audit',
    summary:
      'the audit trail (留痕): who did what and when; filter by unit, who, kind (comma-separated) and dates',
    tags: ['campaign'],
    params: yearParams,
    query: filterQuery,
    success: { status: 200, description: '{ entries }, the oldest first' },
    handle: async ({ c, params, query, services }) =>
      c.json({
        entries: services.audit
          ? await services.audit.list(auditQueryOf({ ...query, year: params.year }))
          : [],
      }),
  }),
  defineRoute({
    rule: 'viewer',
    page: true,
    method: 'get',
    path: '/campaigns/{year}/audit',
    summary: "the campaign's audit trail with filters (unit, who, what, dates)",
    tags: ['pages'],
    params: yearParams,
    query: filterQuery,
    success: { status: 200, description: 'HTML' },
    handle: async ({ c, params, query, services }) =>
      renderTrailPage(c, services, { ...query, year: params.year }),
  }),
  defineRoute({
    rule: 'viewer',
    page: true,
    method: 'get',
    path: '/campaigns/{year}/audit/export',
    summary: 'download the audit trail, filtered as the page is, as .xlsx',
    tags: ['pages'],
    params: yearParams,
    query: filterQuery,
    success: { status: 200, description: 'the .xlsx file', contentType: fileTypes.xlsx },
    handle: async ({ c, params, query, services, principal }) => {
      const filter = { ...query, year: params.year };
      const entries = services.audit ? await services.audit.list(auditQueryOf(filter)) : [];
      const names = new Map(services.registry.units.map((u) => [u.code, u.nameZh]));
      const bytes = await buildTrailExport(
        filter,
        entries,
        formatShanghaiDate(services.clock()),
        (code) => names.get(code) ?? '',
      );
      const file = `wanlixing-${params.year}-audit.xlsx`;
      return download(c, services, principal, { year: params.year, file, type: 'xlsx', bytes });
    },
  }),
];
