// The matches export from plain data, read back with exceljs: a row per recorded match, the flagged
// demands left without one shaded on the same sheet, bilingual headers, frozen headers and filters.
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildMatchExport } from '../../../client/operations/spreadsheets/demandExports.ts';
import { firstDataRow } from '../../../client/operations/spreadsheets/tableSheet.ts';
import type { DemandItem } from '../../../domain/submissions.ts';
import { sampleDemandList } from '../../support/samples.ts';
import { loadWorkbook } from './support.ts';

/** The two example demands, both flagged for CNIPA coordination. */
function flaggedDemands(): [DemandItem, DemandItem] {
  const [navigation, pledge] = sampleDemandList().items;
  if (!navigation || !pledge) throw new Error('examples/demand-list.json has two demands');
  return [navigation, { ...pledge, needsCnipaCoordination: true, coordinationReason: '需协调评估机构' }];
}
const [navigation, pledge] = flaggedDemands();

async function matchSheet(): Promise<ExcelJS.Worksheet> {
  const bytes = await buildMatchExport({
    year: 2027,
    exportedOn: '2027-06-16',
    units: [
      { unitCode: '11', nameZh: '北京市知识产权局', demands: [navigation, pledge] },
      { unitCode: '12', nameZh: '天津市知识产权局', demands: [] },
      { unitCode: '13', nameZh: '河北省知识产权局', demands: [{ ...pledge, id: 'HE-1' }] },
    ],
    matches: [
      { unitCode: '13', demandId: 'HE-1', resource: '中国技术交易所' },
      { unitCode: '11', demandId: navigation.id, resource: '专利局审查协作北京中心', note: '6月到企业' },
      // Matched before the unit revised its list: the demand is no longer there to describe.
      { unitCode: '11', demandId: 'BJ-OLD', resource: 'res-unknown' },
    ],
  });
  return (await loadWorkbook(bytes)).getWorksheet('需求匹配') as ExcelJS.Worksheet;
}

const values = (sheet: ExcelJS.Worksheet, row: number) =>
  Array.from({ length: sheet.columnCount }, (_, c) => sheet.getRow(row).getCell(c + 1).value);
const shaded = (sheet: ExcelJS.Worksheet, row: number) =>
  Array.from({ length: sheet.columnCount }, (_, c) => {
    const fill = sheet.getRow(row).getCell(c + 1).fill;
    return fill?.type === 'pattern' ? fill.fgColor?.argb : undefined;
  });

describe('the matches export', () => {
  it('has the title, Chinese and English headers, frozen above the data, with filters and widths', async () => {
    const sheet = await matchSheet();
    expect(String(sheet.getCell('A1').value)).toContain('2027年“知识产权服务万里行”需求与服务资源匹配情况');
    expect(String(sheet.getCell('A2').value)).toContain('导出日期：2027-06-16');
    expect(values(sheet, 3)).toEqual([
      '单位代码',
      '填报单位',
      '需求编号',
      '需求主体名称',
      '行业/技术领域',
      '需求描述',
      '匹配资源',
      '备注',
    ]);
    expect(values(sheet, 4)).toEqual([
      'Unit code',
      'Reporting unit',
      'Demand ID',
      'Demanding entity',
      'Industry or technical field',
      'Description',
      'Matched resource',
      'Note',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: firstDataRow - 1 });
    expect(sheet.autoFilter).toBe(`A${firstDataRow - 1}:H${firstDataRow + 3}`);
    // exceljs leaves a width of 9, its default, out of the file.
    expect(sheet.columns.map((c) => c.width ?? 9)).toEqual([9, 22, 12, 28, 16, 40, 30, 30]);
  });

  it('gives a row per match, unit by unit, then the unit’s flagged demands without one, shaded', async () => {
    const sheet = await matchSheet();
    expect(values(sheet, firstDataRow)).toEqual([
      '11',
      '北京市知识产权局',
      navigation.id,
      navigation.entity.name,
      navigation.field,
      navigation.description,
      '专利局审查协作北京中心',
      '6月到企业',
    ]);
    expect(values(sheet, firstDataRow + 1)).toEqual([
      '11',
      '北京市知识产权局',
      'BJ-OLD',
      null,
      null,
      null,
      'res-unknown',
      null,
    ]);
    expect(values(sheet, firstDataRow + 2)).toEqual([
      '11',
      '北京市知识产权局',
      pledge.id,
      pledge.entity.name,
      pledge.field,
      pledge.description,
      '未匹配',
      null,
    ]);
    expect(values(sheet, firstDataRow + 3)).toEqual(
      expect.arrayContaining(['13', '河北省知识产权局', 'HE-1', '中国技术交易所']),
    );
    expect(sheet.getRow(firstDataRow + 4).hasValues).toBe(false);

    const unmatchedShade = shaded(sheet, firstDataRow + 2);
    expect(new Set(unmatchedShade).size).toBe(1);
    expect(unmatchedShade[0]).toMatch(/^FF[0-9A-F]{6}$/);
    for (const matched of [0, 1, 3])
      expect(shaded(sheet, firstDataRow + matched)).not.toContain(unmatchedShade[0]);
    expect(String(sheet.getCell('A2').value)).toContain('底色标出的为尚未匹配的需求');
  });

  it('keeps its headers when nothing is flagged', async () => {
    const bytes = await buildMatchExport({ year: 2027, exportedOn: '2027-06-16', units: [], matches: [] });
    const sheet = (await loadWorkbook(bytes)).getWorksheet('需求匹配') as ExcelJS.Worksheet;
    expect(sheet.getCell(`A${firstDataRow - 2}`).value).toBe('单位代码');
    expect(sheet.getRow(firstDataRow).hasValues).toBe(false);
  });
});
