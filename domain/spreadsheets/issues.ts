// What is wrong in an uploaded spreadsheet, as data: the sheet, the Excel row, the column header, what
// was found and what is accepted. Rendered Chinese first with English beside it.
import type { Bilingual } from '../labels.ts';

export interface SheetIssue {
  sheet: Bilingual;
  /** The row number Excel shows; null for a problem of the whole sheet or file. */
  row: number | null;
  column: Bilingual | null;
  /** The cell's content as text, when a value was there. */
  found: string | null;
  message: Bilingual;
}

const shown = (found: string) => (found.length > 40 ? `${found.slice(0, 40)}…` : found);

export function formatIssue(issue: SheetIssue): string {
  const whereZh = [issue.sheet.zh, issue.row === null ? '' : ` 第${issue.row}行`].join('');
  const whereEn = [issue.sheet.en, issue.row === null ? '' : ` row ${issue.row}`].join('');
  const colZh = issue.column ? ` “${issue.column.zh}”` : '';
  const colEn = issue.column ? `, "${issue.column.en}"` : '';
  const foundZh = issue.found === null ? '' : `填写的是“${shown(issue.found)}”，应为`;
  const foundEn = issue.found === null ? '' : `found "${shown(issue.found)}"; expected `;
  return `${whereZh}${colZh}：${foundZh}${issue.message.zh} (${whereEn}${colEn}: ${foundEn}${issue.message.en})`;
}

/** Issues in reading order: sheets as met, then by row (whole-sheet issues first), then as found. */
export function sortIssues(issues: readonly SheetIssue[]): SheetIssue[] {
  const sheets = new Map<string, number>();
  for (const issue of issues) if (!sheets.has(issue.sheet.zh)) sheets.set(issue.sheet.zh, sheets.size);
  return issues
    .map((issue, index) => ({ issue, index, sheet: sheets.get(issue.sheet.zh) ?? 0, row: issue.row ?? -1 }))
    .sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.index - b.index)
    .map(({ issue }) => issue);
}
