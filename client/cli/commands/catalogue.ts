// wlx catalogue import | export: the resource catalogue (服务资源目录) in Excel, checked as a campaign would
// take it, and written out for operators to edit.
import type { Command } from 'commander';
import { z } from 'zod';
import { formLabels, serviceCategoryLabels } from '../../../domain/labels.ts';
import type { CatalogueResource } from '../../../domain/matching/catalogue.ts';
import { readCatalogueFile, registryFrom, writeCatalogueWorkbook } from '../../operations/catalogueFile.ts';
import { commandGroups } from '../commandGroups.ts';
import { jsonField, jsonOption, parseOptions } from '../options.ts';
import { printJson, printTable } from '../output.ts';

const xlsxOut = z.string().regex(/\.xlsx$/i, 'a file name ending in .xlsx');
const importOptions = z.object({ registry: z.string().min(1).optional(), ...jsonField });
const exportOptions = z.object({
  registry: z.string().min(1).optional(),
  catalogue: z.string().min(1).optional(),
  out: xlsxOut.default('catalogue.xlsx'),
  ...jsonField,
});

const regionsText = (r: CatalogueResource) => (r.regions === 'national' ? '全国' : r.regions.join('、'));

export function registerCatalogueCommands(program: Command): void {
  const catalogue = program.command('catalogue').description(commandGroups.catalogue);
  catalogue
    .command('import')
    .description(
      'check a catalogue file (.xlsx from "wlx template catalogue", or JSON/YAML) and print its resources',
    )
    .argument('<file>', 'the catalogue: .xlsx, .xls, .ods, .csv, .json or .yaml')
    .option('--registry <file>', 'units (JSON or YAML) its regions name; the default registry otherwise')
    .addOption(jsonOption('the parsed catalogue'))
    .action(async (file: string, raw) => {
      const options = parseOptions(importOptions, raw);
      const parsed = await readCatalogueFile(file, await registryFrom(options.registry));
      if (options.json) {
        printJson(parsed);
        return;
      }
      process.stdout.write(
        `“${file}”共 ${parsed.resources.length} 个服务资源，无错误 (${parsed.resources.length} resources, no errors)\n`,
      );
      printTable(
        ['资源编号 ID', '名称 Name', '类别 Categories', '地区 Regions', '形式 Form', '容量 Capacity'],
        parsed.resources.map((r) => [
          r.id,
          r.nameZh,
          r.serviceCategories.map((c) => serviceCategoryLabels[c].zh).join('、'),
          regionsText(r),
          formLabels[r.form].zh,
          String(r.capacity),
        ]),
      );
    });
  catalogue
    .command('export')
    .description(
      'write a catalogue as the Excel template, filled in: the 53 shipped resources, or --catalogue',
    )
    .option('--catalogue <file>', 'the catalogue to write (.xlsx, JSON or YAML); the shipped one otherwise')
    .option(
      '--registry <file>',
      'units (JSON or YAML) for the regions drop-down; the default registry otherwise',
    )
    .option('--out <file>', 'where to write it (default: catalogue.xlsx)')
    .addOption(jsonOption('what was written'))
    .action(async (raw) => {
      const options = parseOptions(exportOptions, raw);
      const written = await writeCatalogueWorkbook({
        out: options.out,
        registry: options.registry,
        source: options.catalogue,
      });
      if (options.json) printJson(written);
      else
        process.stdout.write(
          `已导出 ${written.resources} 个服务资源 (wrote ${written.resources} resources): ${written.file}\n`,
        );
    });
}
