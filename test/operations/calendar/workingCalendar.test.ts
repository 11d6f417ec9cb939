// The working calendar a campaign is started with: the library's years, the operators' holidays file on top,
// and a year neither knows refused with a message naming the year and the file to supply.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { calendarYear } from '../../../client/operations/calendar/calendarYear.ts';
import { officialYears } from '../../../client/operations/calendar/officialHolidays.ts';
import { workingCalendar } from '../../../client/operations/calendar/workingCalendar.ts';
import { planCampaign } from '../../../client/operations/startCampaign.ts';
import { isWorkingDay } from '../../../domain/calendar/workingDays.ts';
import { InvalidInputError } from '../../../domain/validation.ts';
import { UserError } from '../../../infra/userError.ts';

const dir = await mkdtemp(join(tmpdir(), 'wlx-holidays-'));
async function holidaysFile(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}
/** A year past the library's data: the next State Council notice not yet in it. */
const unknown = (officialYears.at(-1) ?? 0) + 1;

async function refusal(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => new Error('accepted'),
    (e: Error) => e,
  );
  expect(error.message).not.toBe('accepted');
  return error;
}

describe('the working calendar', () => {
  it('takes a known year from the library', async () => {
    const calendar = await workingCalendar({ years: [2026] });
    expect(calendar.years).toEqual([2026]);
    expect(calendar.offDays).toContain('2026-05-01');
    expect(calendar.workDays).toContain('2026-05-09');
  });

  it('refuses a year neither the library nor a file knows, naming the year and the file to supply', async () => {
    const error = await refusal(workingCalendar({ years: [unknown] }));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(`no working calendar for ${unknown}`);
    expect(error.message).toContain(`${unknown} 年`);
    expect(error.message).toContain('--holidays FILE');
    const file = await holidaysFile('local.yaml', '2026:\n  offDays: [2026-06-01]\n');
    const named = await refusal(workingCalendar({ years: [unknown], holidays: file }));
    expect(named.message).toContain(`add ${unknown} to the holidays file ${file}`);
  });

  it('refuses a campaign whose year is unknown before anything starts, unless told to count calendar days', async () => {
    const error = await refusal(planCampaign({ year: unknown, compress: 60_000 }));
    expect(error.message).toContain(`no working calendar for ${unknown}`);
    const plan = await planCampaign({ year: unknown, compress: 60_000, calendarDays: true });
    expect(plan.schedule.workingDays).toBeUndefined();
  });

  it("takes a year the library lacks from the operators' file, and local days off on top of the library", async () => {
    const file = await holidaysFile(
      'holidays.yaml',
      [
        `${unknown}:`,
        `  offDays: [${unknown}-10-01, ${unknown}-10-04]   # 国庆`,
        `  workDays: [${unknown}-10-09]`,
        '2026:',
        '  offDays: [2026-06-01]   # a local day off',
        '  workDays: [2026-05-05]  # worked here after all',
        '',
      ].join('\n'),
    );
    const calendar = await workingCalendar({ years: [2026, unknown], holidays: file });
    expect(calendar.years).toEqual([2026, unknown]);
    expect(isWorkingDay(calendar, `${unknown}-10-01`)).toBe(false);
    expect(isWorkingDay(calendar, '2026-06-01')).toBe(false);
    expect(isWorkingDay(calendar, '2026-05-05')).toBe(true);
    expect(isWorkingDay(calendar, '2026-05-04')).toBe(false);
    const plan = await planCampaign({ year: unknown, compress: 60_000, holidays: file });
    expect(plan.schedule.workingDays?.offDays).toContain(`${unknown}-10-04`);
    const shown = await calendarYear(unknown, file);
    expect(shown.sources).toEqual([file]);
    expect(shown.exceptions).toContainEqual({
      date: `${unknown}-10-09`,
      weekday: expect.any(String),
      working: true,
    });
  });

  it('reads the example file shipped in examples/', async () => {
    const calendar = await workingCalendar({ years: [2026], holidays: 'examples/holidays.yaml' });
    expect(isWorkingDay(calendar, '2026-06-01')).toBe(false);
  });

  it('reports every error of a file at once, each with its line and field', async () => {
    const file = await holidaysFile(
      'bad.yaml',
      ['2027:', '  offDays:', '    - 2027-02-30', '    - 2028-01-01', '  workdays: [2027-02-06]', ''].join(
        '\n',
      ),
    );
    const error = await refusal(workingCalendar({ years: [2027], holidays: file }));
    expect(error).toBeInstanceOf(InvalidInputError);
    const issues = (error as InvalidInputError).issues.map((i) => `${i.path}: ${i.message}`);
    expect(issues).toEqual([
      'line 3, 2027.offDays[0]: not a date of the calendar',
      'line 2, 2027: Unrecognized key: "workdays"',
      'line 4, 2027.offDays[1]: 2028-01-01 is not in 2027',
    ]);
  });

  it('reads the holidays file as a workbook, one row a day, and names the row and column of each error', async () => {
    const workbook = async (name: string, rows: unknown[][]) => {
      const book = new ExcelJS.Workbook();
      book.addWorksheet('节假日').addRows([['日期 date', '安排 arrangement', '说明 note'], ...rows]);
      const path = join(dir, name);
      await book.xlsx.writeFile(path);
      return path;
    };
    const good = await workbook('holidays.xlsx', [
      [new Date(Date.UTC(unknown, 9, 1)), '放假', '国庆'],
      [`${unknown}-10-02`, '放假'],
      [`${unknown}/10/10`, '上班'],
    ]);
    const calendar = await workingCalendar({ years: [unknown], holidays: good });
    expect(calendar.offDays).toEqual([`${unknown}-10-01`, `${unknown}-10-02`]);
    expect(calendar.workDays).toEqual([`${unknown}-10-10`]);
    const bad = await workbook('bad.xlsx', [
      [`${unknown}-02-30`, '放假'],
      [`${unknown}-10-02`, '请假'],
      [`${unknown}-10-01`, '放假'],
      [`${unknown}-10-01`, '上班'],
    ]);
    const error = await refusal(workingCalendar({ years: [unknown], holidays: bad }));
    expect((error as InvalidInputError).issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      `row 2, 日期 date: a date such as 2027-06-08, 2027/6/8 or 2027年6月8日, not "${unknown}-02-30"`,
      'row 3, 安排 arrangement: 放假 (day off) or 上班 (make-up working day), not "请假"',
      `row 5, 日期 date: ${unknown}-10-01 is also listed under offDays: a day is either off or worked`,
    ]);
  });
});
