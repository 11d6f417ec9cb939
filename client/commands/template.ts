// wlx template demands | activities | results: the blank .xlsx a unit fills in and submits.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { formatShanghaiDate } from '../../domain/calendar.ts';
import { defaultRegistry } from '../../domain/defaultRegistry.ts';
import { findUnit, registrySchema } from '../../domain/registry.ts';
import type { SpreadsheetKind } from '../../domain/spreadsheets/submissionsFromSheets.ts';
import { CliError } from '../cliErrors.ts';
import { readInputFile } from '../inputFile.ts';
import { parseOptions, unitSchema, yearSchema } from '../options.ts';
import { printJson } from '../output.ts';
import { buildTemplate } from '../spreadsheets/template.ts';

const templateOptions = z.object({
  year: yearSchema.optional(),
  unit: unitSchema.optional(),
  registry: z.string().min(1).optional(),
  out: z
    .string()
    .regex(/\.xlsx$/i, 'a file name ending in .xlsx')
    .optional(),
  json: z.boolean().default(false),
});

const kinds: { name: SpreadsheetKind; zh: string; what: string }[] = [
  { name: 'demands', zh: '需求清单', what: 'the demand list (Annex 1)' },
  { name: 'activities', zh: '活动记录', what: 'activity records, one row each' },
  { name: 'results', zh: '成果汇总', what: 'the results summary (Annex 2) with typical cases' },
];

export function registerTemplateCommands(program: Command): void {
  const template = program
    .command('template')
    .description('blank .xlsx templates for units to fill in and submit with "wlx submit ... --file"');
  for (const kind of kinds) {
    template
      .command(kind.name)
      .description(`the ${kind.zh} template: ${kind.what}`)
      .option('--year <year>', 'campaign year (default: this year)')
      .option('--unit <code>', "fill in this unit's name, e.g. 11 or 3702")
      .option('--registry <file>', 'units (JSON or YAML); the default registry otherwise')
      .option('--out <file>', 'where to write it (default: <year>-<unit>-<kind>.xlsx)')
      .option('--json', 'print what was written as JSON')
      .action(async (raw) => {
        const options = parseOptions(templateOptions, raw);
        const year = options.year ?? Number(formatShanghaiDate(Date.now()).slice(0, 4));
        const registry = options.registry
          ? await readInputFile(options.registry, registrySchema, 'registry')
          : defaultRegistry();
        let unit: { code: string; nameZh: string; nameEn: string } | undefined;
        if (options.unit) {
          try {
            unit = findUnit(registry, options.unit);
          } catch (error) {
            throw new CliError(`--unit: ${(error as Error).message}`);
          }
        }
        const out = options.out ?? `${year}-${unit?.code ?? 'unit'}-${kind.name}.xlsx`;
        const bytes = await buildTemplate(kind.name, { year, unit });
        await writeFile(out, bytes);
        if (options.json)
          printJson({ file: out, kind: kind.name, year, unit: unit?.code ?? null, bytes: bytes.length });
        else process.stdout.write(`已生成 ${kind.zh}模板 (wrote the ${kind.name} template): ${out}\n`);
      });
  }
}
