// The audit trail as an .xlsx workbook: one sheet, a row per entry under the bilingual headers, the same cells
// as the page and `wlx audit` show (domain/audit/view.ts), with filters on the header row.
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { AuditEntry } from '../../../domain/audit/entry.ts';
import { type AuditFilter, auditColumns, auditRow } from '../../../domain/audit/view.ts';
import { info, type SheetSpec } from '../../../domain/spreadsheets/column.ts';
import { addExportSheet, addFilter, finish } from '../spreadsheets/exportSheet.ts';

const widths: Record<keyof typeof auditColumns, number> = {
  at: 17,
  unit: 22,
  actor: 30,
  what: 26,
  via: 12,
  detail: 60,
};

const columnKeys = Object.keys(auditColumns) as (keyof typeof auditColumns)[];

export const auditSheet: SheetSpec = {
  name: { zh: '办理记录', en: 'Audit trail' },
  title: (year) => ({
    zh: `${year}年“知识产权服务万里行”活动办理记录`,
    en: `${year} IP Service Campaign — audit trail`,
  }),
  schema: z.unknown(),
  columns: columnKeys.map((key) => info(key, auditColumns[key], widths[key])),
  templateRows: 0,
  rules: {},
};

/** What the filter narrowed the trail to, for the sheet's line under its title. */
function filterNote(filter: AuditFilter): string {
  const parts = [
    filter.unit && `单位 unit ${filter.unit}`,
    filter.who && `办理人 who ${filter.who}`,
    filter.kind && `事项 what ${filter.kind.join(', ')}`,
    filter.since && `自 from ${filter.since}`,
    filter.until && `至 to ${filter.until}`,
  ].filter(Boolean);
  return parts.length > 0 ? `　筛选 filter: ${parts.join('; ')}` : '';
}

export async function buildTrailExport(
  filter: AuditFilter,
  entries: readonly AuditEntry[],
  exportedOn: string,
  unitName?: (code: string) => string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const rows = entries.map((entry) => {
    const row = auditRow(entry, unitName);
    return columnKeys.map((key) => row[key]);
  });
  const sheet = addExportSheet(
    workbook,
    auditSheet,
    auditSheet.title(filter.year),
    exportedOn,
    rows,
    filterNote(filter),
  );
  addFilter(sheet, columnKeys.length, Math.max(rows.length, 1));
  return finish(workbook);
}
