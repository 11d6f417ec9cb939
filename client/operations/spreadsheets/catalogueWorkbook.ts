// The resource catalogue as a workbook: the template operators keep their resources in, blank or filled
// with a catalogue (the shipped one, or the one a campaign runs with), and the reading of one back.
import ExcelJS from 'exceljs';
import type { ResourceCatalogue } from '../../../domain/matching/catalogue.ts';
import type { Registry } from '../../../domain/registry.ts';
import { annexes, type SpreadsheetKind } from '../../../domain/spreadsheets/annexes.ts';
import { catalogueFromSheets } from '../../../domain/spreadsheets/catalogue/catalogueFromSheets.ts';
import { catalogueSheet } from '../../../domain/spreadsheets/catalogue/catalogueSheet.ts';
import { itemToRow } from '../../../domain/spreadsheets/itemToRow.ts';
import { SpreadsheetRejectedError } from './importSubmission.ts';
import { addInstructions, headerInstructions } from './instructions.ts';
import { defaultMaxSpreadsheetBytes, readSpreadsheet } from './readUpload.ts';
import { metaSheetName } from './readWorkbook.ts';
import { addTableSheet, firstDataRow } from './tableSheet.ts';
import { ListSheet } from './validations.ts';

export const catalogueKind = 'catalogue';

const instructions = [
  {
    zh: '本表为“知识产权服务万里行”服务资源目录：从第5行起，每行填写一个服务资源；空行会被忽略。',
    en: 'The resource catalogue of the IP Service Campaign: one resource per row from row 5; blank rows are skipped.',
  },
  {
    zh: '服务类别、重点任务、服务地区、关键词、联系人和回避单位可填多项，用“、”分隔；下拉列表每次选一项，其余可直接输入。',
    en: 'Service categories, key tasks, regions, keywords, contacts and conflicts take several items separated by 、; a drop-down picks one, type the rest.',
  },
  {
    zh: '单位名录中与某单位一对一对口的资源（如国家局各司）须保留在目录中。',
    en: 'Every resource the registry pairs a unit with (CNIPA departments, for instance) must stay in the catalogue.',
  },
  ...headerInstructions,
  {
    zh: '导入前可先检查：wlx catalogue import 本文件.xlsx；启动活动：wlx campaign start --catalogue 本文件.xlsx。所有错误一次列出（注明行号和列名），有错误时不会导入任何资源。',
    en: 'Check it with wlx catalogue import this-file.xlsx; start a campaign with wlx campaign start --catalogue this-file.xlsx. Every error is listed at once with its row and column; nothing is imported while any remains.',
  },
];

/** The catalogue template, blank or filled with `catalogue`'s resources; reading it back gives them again. */
export async function buildCatalogueWorkbook(
  registry: Registry,
  catalogue: ResourceCatalogue | null,
): Promise<Buffer> {
  const spec = catalogueSheet(registry);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'wlx 知识产权服务万里行';
  workbook.title = spec.title(0).zh;
  const lists = new ListSheet();
  const resources = catalogue?.resources ?? [];
  const title = spec.title(0);
  const subtitle = `共 ${resources.length} 个服务资源　　${resources.length} resources`;
  const sheet = addTableSheet(
    workbook,
    spec,
    { title, subtitle },
    Math.max(spec.templateRows, resources.length + 100),
    lists,
  );
  resources.forEach((resource, r) => {
    itemToRow(spec, resource).forEach((value, c) => {
      if (value !== null) sheet.getCell(firstDataRow + r, c + 1).value = value;
    });
  });
  addInstructions(workbook, instructions, [spec]);
  lists.addTo(workbook);
  workbook.addWorksheet(metaSheetName, { state: 'veryHidden' }).addRows([
    ['wanlixing-template', 1],
    ['kind', catalogueKind],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const nothingImported = { zh: '未导入任何资源', en: 'nothing was imported' };

/** A catalogue workbook (.xlsx, or .xls/.ods/.csv as the annexes take them) checked against `registry`. */
export async function importCatalogueWorkbook(
  fileName: string,
  bytes: Uint8Array,
  registry: Registry,
): Promise<ResourceCatalogue> {
  const content = await readSpreadsheet(fileName, bytes, defaultMaxSpreadsheetBytes);
  const made = content.meta?.kind;
  if (made && made in annexes) {
    const annex = annexes[made as SpreadsheetKind].name;
    throw new SpreadsheetRejectedError(
      fileName,
      [
        {
          sheet: { zh: '工作簿', en: 'Workbook' },
          row: null,
          column: null,
          found: null,
          message: {
            zh: `这是${annex.zh}模板，不是服务资源目录；请用 wlx template catalogue 生成的模板`,
            en: `this is the ${annex.en} template, not the resource catalogue; use the one wlx template catalogue writes`,
          },
        },
      ],
      nothingImported,
    );
  }
  const result = catalogueFromSheets(content.grids, registry, fileName);
  if (!result.ok) throw new SpreadsheetRejectedError(fileName, result.issues, nothingImported);
  return result.value;
}
