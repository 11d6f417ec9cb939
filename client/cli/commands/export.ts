// wlx export demands | matches | results, wlx report national: CNIPA's national workbooks and report;
// wlx export demands --unit U: one unit's whole demand list, to edit and hand in again.

import type { Command } from 'commander';
import { z } from 'zod';
import { unitCodeSchema } from '../../../domain/registry.ts';
import { withClient } from '../../../infra/temporal/connection.ts';
import {
  type NationalOutput,
  nationalOutputs,
  writeNationalOutput,
} from '../../operations/nationalOutputs.ts';
import { reportLanguages } from '../../operations/reports/layout/reportLayout.ts';
import { writeUnitDemandList } from '../../operations/unitDemandListExport.ts';
import { commandGroups } from '../commandGroups.ts';
import { jsonField, jsonOption, parseOptions, yearField, yearOption } from '../options.ts';
import { printJson } from '../output.ts';

const commands: { kind: NationalOutput; name: string; zh: string; description: string }[] = [
  {
    kind: 'demands',
    name: 'demands',
    zh: '需求汇总表',
    description: 'every unit’s demands flagged for CNIPA coordination, with the resources matched to them',
  },
  {
    kind: 'matches',
    name: 'matches',
    zh: '需求匹配表',
    description: 'every match recorded, demand by demand, and the flagged demands still without one',
  },
  {
    kind: 'results',
    name: 'results',
    zh: '成果汇总表',
    description: 'Annex 2 of every unit on one sheet, with national totals and the typical cases',
  },
  {
    kind: 'report',
    name: 'national',
    zh: '活动总结',
    description: 'the national summary (活动总结): overview, results, matching, every unit, 通报',
  },
];

export function registerExportCommands(program: Command): void {
  const parents = {
    export: program.command('export').description(commandGroups.export),
    report: program.command('report').description(commandGroups.report),
  };
  for (const { kind, name, zh, description } of commands) {
    const { extension, fileStem } = nationalOutputs[kind];
    const options = z.object({
      ...yearField,
      lang: z.enum(reportLanguages, { message: 'zh 或 en（zh or en）' }).default('zh'),
      unit: unitCodeSchema.optional(),
      out: z
        .string()
        .regex(new RegExp(`\\.${extension}$`, 'i'), `a file name ending in .${extension}`)
        .optional(),
      ...jsonField,
    });
    const command = parents[kind === 'report' ? 'report' : 'export']
      .command(name)
      .description(description)
      .addOption(yearOption());
    if (kind === 'report')
      command.option('--lang <zh|en>', 'zh: the official 公文 (default); en: the English edition', 'zh');
    if (kind === 'demands')
      command.option(
        '--unit <code>',
        "one unit's whole demand list as it last handed it in, in its template, to edit and hand in again",
      );
    command
      .option('--out <file>', `the .${extension} to write (default: <year>-${fileStem}.${extension})`)
      .addOption(jsonOption('what was written'))
      .action(async (raw) => {
        const parsed = parseOptions(options, raw);
        const output = kind === 'report' && parsed.lang === 'en' ? 'reportEn' : kind;
        const { unit } = parsed;
        const written = await withClient((client) =>
          kind === 'demands' && unit
            ? writeUnitDemandList(client, { year: parsed.year, unit, out: parsed.out })
            : writeNationalOutput(client, output, parsed),
        );
        if (parsed.json) printJson(written);
        else
          process.stdout.write(
            `已生成${unit ? '需求清单' : zh} (wrote ${written.file}, ${written.bytes} bytes)\n`,
          );
      });
  }
}
