// The dashboard's unit list as an .xlsx workbook: the rows the page's filter keeps, in its order, with each
// unit's standing, what is missing, the deadline and the last reminder; filters on the header row.
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { formatShanghaiDateTime } from '../../../domain/calendar.ts';
import { itemLabel } from '../../../domain/labels.ts';
import { info, type SheetSpec } from '../../../domain/spreadsheets/column.ts';
import { standingLabels } from '../describe/standing.ts';
import type { UnitListQuery, UnitListRow } from '../unitList.ts';
import { addExportSheet, addFilter, finish, unitCodeColumn } from './exportSheet.ts';

export const unitListSheet: SheetSpec = {
  name: { zh: '各单位进度', en: 'Units' },
  title: (year) => ({
    zh: `${year}年“知识产权服务万里行”各单位报送进度`,
    en: `${year} IP Service Campaign — where each unit stands`,
  }),
  schema: z.unknown(),
  columns: [
    unitCodeColumn,
    info('nameZh', { zh: '单位', en: 'Unit (Chinese)' }, 26),
    info('nameEn', { zh: '单位（英文）', en: 'Unit' }, 30),
    info('standing', { zh: '进度', en: 'Standing' }, 14),
    info('missing', { zh: '未报材料', en: 'Missing' }, 30),
    info('deadline', { zh: '截止日期', en: 'Deadline' }, 12),
    info('days', { zh: '剩余天数（负数为逾期）', en: 'Days left (negative: late)' }, 12),
    info('remindedAt', { zh: '上次催报（北京时间）', en: 'Last reminded (Beijing time)' }, 18),
    info('remindedBy', { zh: '催报人', en: 'Reminded by' }, 18),
  ],
  templateRows: 0,
  rules: {},
};

function filterNote(query: UnitListQuery): string {
  const parts = [
    query.q && `查找 search ${query.q}`,
    query.standing &&
      `进度 standing ${standingLabels[query.standing].zh} ${standingLabels[query.standing].en}`,
    query.sort && `排序 sort ${query.sort}${query.order === 'desc' ? ' ↓' : ''}`,
  ].filter(Boolean);
  return parts.length > 0 ? `　筛选 filter: ${parts.join('; ')}` : '';
}

export async function buildUnitListExport(
  year: number,
  query: UnitListQuery,
  rows: readonly UnitListRow[],
  exportedOn: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const cells = rows.map(({ unit, standing, reminded }) => {
    const label = standingLabels[standing.standing];
    return [
      unit.unitCode,
      unit.nameZh,
      unit.nameEn,
      `${label.zh} ${label.en}`,
      standing.missing.map((m) => itemLabel(m).zh).join('、') || null,
      standing.deadline,
      standing.daysLeft,
      reminded ? formatShanghaiDateTime(reminded.at) : null,
      reminded?.by ?? null,
    ];
  });
  const sheet = addExportSheet(
    workbook,
    unitListSheet,
    unitListSheet.title(year),
    exportedOn,
    cells,
    filterNote(query),
  );
  addFilter(sheet, unitListSheet.columns.length, Math.max(cells.length, 1));
  return finish(workbook);
}
