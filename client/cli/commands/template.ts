// wlx template demands | activities | results: the blank .xlsx a unit fills in and submits; and
// wlx template catalogue, the blank resource catalogue operators keep.

import type { Command } from 'commander';
import { z } from 'zod';
import { yearSchema } from '../../../domain/campaignYear.ts';
import { unitCodeSchema } from '../../../domain/registry.ts';
import type { SpreadsheetKind } from '../../../domain/spreadsheets/annexes.ts';
import { writeCatalogueWorkbook } from '../../operations/catalogueFile.ts';
import { writeTemplate } from '../../operations/writeTemplate.ts';
import { commandGroups } from '../commandGroups.ts';
import { jsonField, jsonOption, parseOptions, unitOption, yearOption } from '../options.ts';
import { printJson } from '../output.ts';

const templateOptions = z.object({
  year: yearSchema.optional(),
  unit: unitCodeSchema.optional(),
  registry: z.string().min(1).optional(),
  out: z
    .string()
    .regex(/\.xlsx$/i, 'a file name ending in .xlsx')
    .optional(),
  ...jsonField,
});

const catalogueTemplateOptions = z.object({
  registry: z.string().min(1).optional(),
  out: z
    .string()
    .regex(/\.xlsx$/i, 'a file name ending in .xlsx')
    .default('catalogue-template.xlsx'),
  ...jsonField,
});

const kinds: { name: SpreadsheetKind; zh: string; what: string }[] = [
  { name: 'demands', zh: '需求清单', what: 'the demand list (Annex 1)' },
  { name: 'activities', zh: '活动记录', what: 'activity records, one row each' },
  { name: 'results', zh: '成果汇总', what: 'the results summary (Annex 2) with typical cases' },
];

export function registerTemplateCommands(program: Command): void {
  const template = program.command('template').description(commandGroups.template);
  for (const kind of kinds) {
    template
      .command(kind.name)
      .description(`the ${kind.zh} template: ${kind.what}`)
      .addOption(yearOption('this year'))
      .addOption(unitOption('any unit; given one, its name is filled in'))
      .option('--registry <file>', 'units (JSON or YAML); the default registry otherwise')
      .option('--out <file>', 'where to write it (default: <year>-<unit>-<kind>.xlsx)')
      .addOption(jsonOption('what was written'))
      .action(async (raw) => {
        const options = parseOptions(templateOptions, raw);
        const written = await writeTemplate(kind.name, options);
        if (options.json) printJson(written);
        else
          process.stdout.write(`已生成 ${kind.zh}模板 (wrote the ${kind.name} template): ${written.file}\n`);
      });
  }
  template
    .command('catalogue')
    .description(
      'the 服务资源目录 template: matching resources, one row each (wlx catalogue import reads it)',
    )
    .option(
      '--registry <file>',
      'units (JSON or YAML) for the regions drop-down; the default registry otherwise',
    )
    .option('--out <file>', 'where to write it (default: catalogue-template.xlsx)')
    .addOption(jsonOption('what was written'))
    .action(async (raw) => {
      const options = parseOptions(catalogueTemplateOptions, raw);
      const written = await writeCatalogueWorkbook({ ...options, blank: true });
      if (options.json) printJson(written);
      else process.stdout.write(`已生成 服务资源目录模板 (wrote the catalogue template): ${written.file}\n`);
    });
}
