// wlx export demands | matches | results, wlx report national: CNIPA's national workbooks and report,
// built from the campaign's status and the units' reports.
import { writeFile } from 'node:fs/promises';
import type { Client } from '@temporalio/client';
import type { Command } from 'commander';
import { z } from 'zod';
import { formatShanghaiDate } from '../../domain/calendar.ts';
import { defaultRegistry } from '../../domain/defaultRegistry.ts';
import { compileNationalSummary } from '../../workflows/nationalSummary.ts';
import { fetchCampaignData } from '../campaignData.ts';
import { withClient } from '../connection.ts';
import { parseOptions, yearSchema } from '../options.ts';
import { printJson } from '../output.ts';
import { buildNationalReport } from '../reports/nationalReport.ts';
import {
  buildDemandExport,
  buildMatchExport,
  buildResultsExport,
  type DemandExportData,
} from '../spreadsheets/exports.ts';

const exportOptions = (extension: string) =>
  z.object({
    year: yearSchema,
    out: z
      .string()
      .regex(new RegExp(`\\.${extension}$`, 'i'), `a file name ending in .${extension}`)
      .optional(),
    json: z.boolean().default(false),
  });

/** Every unit's flagged demands and the matches recorded for them, resources by their Chinese names. */
async function flaggedDemands(client: Client, year: number): Promise<DemandExportData> {
  const resources = new Map(defaultRegistry().resources.map((r) => [r.id, r.nameZh]));
  const { status } = await fetchCampaignData(client, year, { reports: false });
  return {
    year,
    exportedOn: formatShanghaiDate(Date.now()),
    units: status.units.map((u) => ({ unitCode: u.unitCode, nameZh: u.nameZh, demands: u.flaggedDemands })),
    matches: status.matches.matches.map((m) => ({
      unitCode: m.unitCode,
      demandId: m.demandId,
      resource: resources.get(m.resourceId) ?? m.resourceId,
      note: m.note,
    })),
  };
}

async function written(out: string, bytes: Buffer, json: boolean, what: string): Promise<void> {
  await writeFile(out, bytes);
  if (json) printJson({ file: out, bytes: bytes.length });
  else process.stdout.write(`已生成${what} (wrote ${out}, ${bytes.length} bytes)\n`);
}

export function registerExportCommands(program: Command): void {
  const exportCommand = program.command('export').description("national workbooks from a year's campaign");

  exportCommand
    .command('demands')
    .description('every unit’s demands flagged for CNIPA coordination, with the resources matched to them')
    .requiredOption('--year <year>', 'campaign year')
    .option('--out <file>', 'the .xlsx to write (default: <year>-flagged-demands.xlsx)')
    .option('--json', 'print what was written as JSON')
    .action(async (raw) => {
      const options = parseOptions(exportOptions('xlsx'), raw);
      await withClient(async (client) => {
        const bytes = await buildDemandExport(await flaggedDemands(client, options.year));
        await written(
          options.out ?? `${options.year}-flagged-demands.xlsx`,
          bytes,
          options.json,
          '需求汇总表',
        );
      });
    });

  exportCommand
    .command('matches')
    .description('every match recorded, demand by demand, and the flagged demands still without one')
    .requiredOption('--year <year>', 'campaign year')
    .option('--out <file>', 'the .xlsx to write (default: <year>-matches.xlsx)')
    .option('--json', 'print what was written as JSON')
    .action(async (raw) => {
      const options = parseOptions(exportOptions('xlsx'), raw);
      await withClient(async (client) => {
        const bytes = await buildMatchExport(await flaggedDemands(client, options.year));
        await written(options.out ?? `${options.year}-matches.xlsx`, bytes, options.json, '需求匹配表');
      });
    });

  exportCommand
    .command('results')
    .description('Annex 2 of every unit on one sheet, with national totals and the typical cases')
    .requiredOption('--year <year>', 'campaign year')
    .option('--out <file>', 'the .xlsx to write (default: <year>-results.xlsx)')
    .option('--json', 'print what was written as JSON')
    .action(async (raw) => {
      const options = parseOptions(exportOptions('xlsx'), raw);
      await withClient(async (client) => {
        const { reports } = await fetchCampaignData(client, options.year);
        const bytes = await buildResultsExport({
          year: options.year,
          exportedOn: formatShanghaiDate(Date.now()),
          units: reports.map((r) => ({ unitCode: r.unitCode, nameZh: r.nameZh, results: r.resultsSummary })),
        });
        await written(options.out ?? `${options.year}-results.xlsx`, bytes, options.json, '成果汇总表');
      });
    });

  program
    .command('report')
    .description('reports as Word documents')
    .command('national')
    .description('the national summary (活动总结): overview, results, matching, every unit, 通报')
    .requiredOption('--year <year>', 'campaign year')
    .option('--out <file>', 'the .docx to write (default: <year>-national-report.docx)')
    .option('--json', 'print what was written as JSON')
    .action(async (raw) => {
      const options = parseOptions(exportOptions('docx'), raw);
      await withClient(async (client) => {
        const { status, reports, final } = await fetchCampaignData(client, options.year);
        const asOf = formatShanghaiDate(Date.now());
        // Before the close, the same compilation the campaign will make, over what is in so far.
        const summary =
          status.summary ??
          compileNationalSummary(options.year, asOf, reports, status.matches, status.keyRegions);
        const bytes = await buildNationalReport({ year: options.year, final, asOf, summary, reports });
        await written(options.out ?? `${options.year}-national-report.docx`, bytes, options.json, '活动总结');
      });
    });
}
