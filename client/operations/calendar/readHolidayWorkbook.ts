// The holidays file as a workbook (.xlsx), for offices that keep the State Council's notice in Excel: one row a
// day, a column 日期 (date) and a column 安排 (arrangement: 放假 day off, 上班 make-up working day); other
// columns (说明, notes) are ignored. Every error at once, each naming its row and column header.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type HolidayFile, holidayFileSchema } from '../../../domain/calendar/holidayFile.ts';
import { cellText, fold, parseDate } from '../../../domain/spreadsheets/cells.ts';
import { InvalidInputError } from '../../../domain/validation.ts';
import { readSpreadsheet } from '../spreadsheets/readUpload.ts';

const dateHeader = '日期 date';
const arrangementHeader = '安排 arrangement';
const arrangements: Record<string, 'offDays' | 'workDays'> = {
  放假: 'offDays',
  休: 'offDays',
  休息: 'offDays',
  off: 'offDays',
  'day off': 'offDays',
  上班: 'workDays',
  班: 'workDays',
  调休上班: 'workDays',
  work: 'workDays',
  'working day': 'workDays',
};

const isColumn = (header: string, ...names: string[]) => names.some((n) => fold(header).includes(n));

export async function readHolidayWorkbook(path: string): Promise<HolidayFile> {
  const what = `holidays file ${path}`;
  const { grids } = await readSpreadsheet(basename(path), await readFile(path));
  const [header, ...rows] = grids[0]?.rows ?? [];
  const headers = (header?.cells ?? []).map((cell) => cellText(cell));
  const dateColumn = headers.findIndex((h) => isColumn(h, '日期', 'date'));
  const arrangementColumn = headers.findIndex((h) => isColumn(h, '安排', 'arrangement'));
  if (dateColumn < 0 || arrangementColumn < 0) {
    throw new InvalidInputError(what, [
      {
        path: 'row 1',
        message: `the first row needs the column headers "${dateHeader}" and "${arrangementHeader}"`,
      },
    ]);
  }
  const issues: { path: string; message: string }[] = [];
  const file: Record<string, { offDays: string[]; workDays: string[] }> = {};
  /** The Excel row of each date, by its place in the file: "2027.offDays.3" → 12. */
  const rowOf = new Map<string, number>();
  for (const row of rows) {
    const date = parseDate(row.cells[dateColumn] ?? null);
    const list = arrangements[fold(cellText(row.cells[arrangementColumn] ?? null)).toLowerCase()];
    const found = (column: number) => `, not "${cellText(row.cells[column] ?? null)}"`;
    if (!date.ok)
      issues.push({
        path: `row ${row.number}, ${dateHeader}`,
        message: `${date.expected.en}${found(dateColumn)}`,
      });
    if (!list)
      issues.push({
        path: `row ${row.number}, ${arrangementHeader}`,
        message: `放假 (day off) or 上班 (make-up working day)${found(arrangementColumn)}`,
      });
    if (!date.ok || !list) continue;
    const year = date.value.slice(0, 4);
    const entry = file[year] ?? { offDays: [], workDays: [] };
    file[year] = entry;
    rowOf.set(`${year}.${list}.${entry[list].length}`, row.number);
    entry[list].push(date.value);
  }
  const result = holidayFileSchema.safeParse(file);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const row = rowOf.get(issue.path.join('.'));
      issues.push({ path: row ? `row ${row}, ${dateHeader}` : dateHeader, message: issue.message });
    }
  }
  if (issues.length > 0) throw new InvalidInputError(what, issues);
  return result.data as HolidayFile;
}
