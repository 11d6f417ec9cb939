// CNIPA's national workbooks and report, built from the campaign's status and the units' reports and
// written to a file: the flagged demands, the matches, Annex 2 of every unit, and the national summary.
import { writeFile } from 'node:fs/promises';
import type { Client } from '@temporalio/client';
import { formatShanghaiDate } from '../../domain/calendar.ts';
import { defaultRegistry } from '../../domain/defaultRegistry.ts';
import { sdkReads } from '../../infra/temporal/reads.ts';
import { fetchCampaignData } from '../../reads/campaignData.ts';
import { campaignState } from '../../reads/campaignStatus.ts';
import { unitStatuses } from '../../reads/unitStatuses.ts';
import { compileNationalSummary, unitOutcome } from '../../workflows/campaign/nationalSummary.ts';
import { matchesToSend } from './matchingReview.ts';
import type { ReportLanguage } from './reports/layout/reportLayout.ts';
import { buildNationalReport } from './reports/nationalReport.ts';
import { buildDemandExport, buildMatchExport, type DemandExportData } from './spreadsheets/demandExports.ts';
import { buildResultsExport } from './spreadsheets/resultsExport.ts';

/** Every unit's flagged demands and the matches recorded for them, resources by their Chinese names. */
async function flaggedDemands(client: Client, year: number): Promise<DemandExportData> {
  const resources = new Map(defaultRegistry().resources.map((r) => [r.id, r.nameZh]));
  const status = await campaignState(client, year);
  const units = await unitStatuses(
    sdkReads(client),
    year,
    status.units.map((u) => u.unitCode),
    { phase: status.phase },
  );
  return {
    year,
    exportedOn: formatShanghaiDate(Date.now()),
    units: units.map((u) => ({ unitCode: u.unitCode, nameZh: u.nameZh, demands: u.flaggedDemands })),
    matches: (await matchesToSend(status)).matches.map((m) => ({
      unitCode: m.unitCode,
      demandId: m.demandId,
      resource: resources.get(m.resourceId) ?? m.resourceId,
      note: m.note,
    })),
  };
}

async function resultsWorkbook(client: Client, year: number): Promise<Buffer> {
  const { reports } = await fetchCampaignData(client, year);
  return buildResultsExport({
    year,
    exportedOn: formatShanghaiDate(Date.now()),
    units: reports,
  });
}

async function nationalReport(client: Client, year: number, lang: ReportLanguage): Promise<Buffer> {
  const { status, reports, final } = await fetchCampaignData(client, year);
  const asOf = formatShanghaiDate(Date.now());
  // Before the close, the same compilation the campaign will make, over what is in so far.
  const summary =
    status.summary ??
    compileNationalSummary(year, asOf, reports.map(unitOutcome), status.matches, status.keyRegions, {
      submittedOnly: true,
    });
  return buildNationalReport({ year, final, asOf, summary, reports }, lang);
}

export const nationalOutputs = {
  demands: {
    extension: 'xlsx',
    fileStem: 'flagged-demands',
    build: async (client: Client, year: number) => buildDemandExport(await flaggedDemands(client, year)),
  },
  matches: {
    extension: 'xlsx',
    fileStem: 'matches',
    build: async (client: Client, year: number) => buildMatchExport(await flaggedDemands(client, year)),
  },
  results: {
    extension: 'xlsx',
    fileStem: 'results',
    build: resultsWorkbook,
  },
  report: {
    extension: 'docx',
    fileStem: 'national-report',
    build: (client: Client, year: number) => nationalReport(client, year, 'zh'),
  },
  // The English edition is a document of its own: the official Chinese one carries no English.
  reportEn: {
    extension: 'docx',
    fileStem: 'national-report-en',
    build: (client: Client, year: number) => nationalReport(client, year, 'en'),
  },
} as const;
export type NationalOutput = keyof typeof nationalOutputs;

/** Builds `kind` for the year and writes it to `out`, <year>-<fileStem>.<extension> by default. */
export async function writeNationalOutput(
  client: Client,
  kind: NationalOutput,
  options: { year: number; out?: string | undefined },
): Promise<{ file: string; bytes: number }> {
  const output = nationalOutputs[kind];
  const bytes = await output.build(client, options.year);
  const file = options.out ?? `${options.year}-${output.fileStem}.${output.extension}`;
  await writeFile(file, bytes);
  return { file, bytes: bytes.length };
}
