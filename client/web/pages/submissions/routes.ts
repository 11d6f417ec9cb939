// The read views' routes: what a unit handed in, a kind a page (its own liaison, and CNIPA's accounts), and
// the download of a version. Both read the unit's workflow history on demand (client/operations/unitSubmissions.ts,
// as `wlx unit submissions` does), never for the dashboard or the unit page.
import { z } from 'zod';
import { findUnit } from '../../../../domain/registry.ts';
import { keptSubmissionVersions, submissionKinds } from '../../../../reads/submissionVersions.ts';
import { submissionFile } from '../../../operations/submissionDownload.ts';
import { unitSubmissions } from '../../../operations/unitSubmissions.ts';
import { download } from '../../auditEvents.ts';
import { problem } from '../../problems.ts';
import { defineRoute, unitParams, type WebRoute } from '../../routeSpec.ts';
import { problemPage } from '../problemPage.ts';
import { renderSubmissionsPage } from './page.ts';

/** A count in a query string: digits only, from 1 (a URL has one spelling of each page). */
const ordinal = (what: string) =>
  z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/, `${what}: a whole number from 1`)
    .transform(Number)
    .optional();

const kindParams = unitParams.extend({ kind: z.enum(submissionKinds) });
const versionQuery = z.object({ version: ordinal('version 版本') });

/** Paging through a long list reads the history once: the read is kept until the unit's history grows. */
const versionsOf = keptSubmissionVersions();

const noVersion = (version: number) =>
  problem(404, 'no-such-version', `没有第 ${version} 版 (there is no version ${version})`);

export const submissionPages: WebRoute[] = [
  defineRoute({
    rule: 'ownUnitOrViewer',
    page: true,
    method: 'get',
    path: '/campaigns/{year}/units/{unit}/submissions/{kind}',
    summary:
      'what the unit handed in of one kind (plan, demands, activities, summary): a version (the current one by default), the demand list 50 rows a page, and the version history',
    tags: ['pages'],
    params: kindParams,
    query: versionQuery.extend({ page: ordinal('page 页码') }),
    success: { status: 200, description: 'HTML' },
    handle: async ({ c, params, query, services }) => {
      const submissions = await unitSubmissions(services.client, services.audit, params, versionsOf);
      if (query.version !== undefined && !submissions[params.kind][query.version - 1])
        return problemPage(c, services, noVersion(query.version));
      return renderSubmissionsPage(c, services, params, params.kind, submissions, query);
    },
  }),
  defineRoute({
    rule: 'ownUnitOrViewer',
    page: true,
    method: 'get',
    path: '/campaigns/{year}/units/{unit}/submissions/{kind}/download',
    summary:
      'a version as handed in, the current one by default: the demand list, activity records or Annex 2 as .xlsx in the unit’s template, the work plan or a written summary as JSON',
    tags: ['pages'],
    params: kindParams,
    query: versionQuery,
    success: { status: 200, description: 'the .xlsx or .json' },
    handle: async ({ c, params, query, services, principal }) => {
      const unit = findUnit(services.registry, params.unit);
      const submissions = await unitSubmissions(services.client, services.audit, params, versionsOf);
      const index = query.version === undefined ? undefined : query.version - 1;
      const file = await submissionFile(submissions, params.kind, { year: params.year, unit }, index);
      if (!file)
        return problemPage(
          c,
          services,
          query.version === undefined
            ? problem(404, 'nothing-handed-in', '尚未报送，没有可下载的内容 (nothing handed in yet)')
            : noVersion(query.version),
        );
      return download(c, services, principal, { year: params.year, unitCode: unit.code, ...file });
    },
  }),
];
