// A version of what a unit handed in, as a file to keep: the tables (demand list, activity records, results
// summary) in the unit's own template, which the office can edit and upload again; the work plan and a written
// summary alone, which are fields and a document's reference, as the JSON that was sent.
import type { SubmissionKind } from '../../reads/submissionVersions.ts';
import { buildTemplate } from './spreadsheets/template.ts';
import type { TemplateUnit } from './spreadsheets/templateFor.ts';
import { currentActivities, type UnitSubmissions } from './unitSubmissions.ts';

export interface SubmissionFile {
  file: string;
  type: 'xlsx' | 'json';
  bytes: Buffer;
}

const fileNames: Record<SubmissionKind, string> = {
  plan: 'work-plan',
  demands: 'demand-list',
  activities: 'activity-records',
  summary: 'summary',
};

/**
 * The file of the `index`-th version (from 0) of `kind`. For activity records without an index: every
 * record as it stands, one row each.
 */
export async function submissionFile(
  submissions: UnitSubmissions,
  kind: SubmissionKind,
  target: { year: number; unit: TemplateUnit },
  index: number | undefined,
): Promise<SubmissionFile | null> {
  const base = `${target.year}-${target.unit.code}-${fileNames[kind]}`;
  const options = { year: target.year, unit: target.unit };
  const xlsx = async (sheet: 'demands' | 'activities' | 'results', items: unknown[], suffix: string) => ({
    file: `${base}${suffix}.xlsx`,
    type: 'xlsx' as const,
    bytes: await buildTemplate(sheet, options, items),
  });
  if (kind === 'activities') {
    const records =
      index === undefined
        ? currentActivities(submissions.activities).map((v) => v.value)
        : [submissions.activities[index]?.value];
    if (records.length === 0 || records[0] === undefined) return null;
    return xlsx('activities', records, index === undefined ? '' : `-${index + 1}`);
  }
  const versions = submissions[kind] as { value: unknown }[];
  const at = index ?? versions.length - 1;
  const value = versions[at]?.value;
  if (value === undefined) return null;
  const suffix = `-v${at + 1}`;
  if (kind === 'demands') return xlsx('demands', submissions.demands[at]?.value.items ?? [], suffix);
  const summary = kind === 'summary' ? submissions.summary[at]?.value : undefined;
  if (summary?.results && !summary.written) return xlsx('results', [summary.results], suffix);
  return {
    file: `${base}${suffix}.json`,
    type: 'json',
    bytes: Buffer.from(`${JSON.stringify(value, null, 2)}\n`),
  };
}
