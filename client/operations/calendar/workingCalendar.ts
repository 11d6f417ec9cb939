// The working calendar a campaign counts in: the official arrangement from the library, and the operators'
// holidays file on top (years the library does not know yet, local days off). A year of the campaign that
// neither knows is refused: counting it as plain weekdays would send 催办 on the Labour Day holiday.

import type { HolidayFile } from '../../../domain/calendar/holidayFile.ts';
import type { WorkingDays } from '../../../domain/calendar/workingDays.ts';
import { UserError } from '../../../infra/userError.ts';
import { officialSource, officialYear, officialYears } from './officialHolidays.ts';
import { readHolidayFile } from './readHolidayFile.ts';

export interface WorkingCalendarOptions {
  /** The years that must be known; the campaign's own. */
  years: number[];
  /** Years taken when known, not required (the next January, which an extension may reach). */
  optionalYears?: number[];
  /** The operators' holidays file, if any. */
  holidays?: string | undefined;
}

function unknownYear(year: number, file: string | undefined): UserError {
  const known = `${officialSource} 收录 ${officialYears[0]}–${officialYears.at(-1)} 年 / knows ${officialYears[0]}–${officialYears.at(-1)}`;
  const supply = file
    ? `请在节假日文件 ${file} 中补充 ${year} 年 / add ${year} to the holidays file ${file}`
    : `请以 --holidays FILE 提供含 ${year} 年的节假日文件 / supply a holidays file with ${year} in --holidays FILE`;
  return new UserError(
    `${year} 年的节假日和调休安排未知 / no working calendar for ${year} (${known}): ${supply} (docs/calendar.md)`,
  );
}

export async function workingCalendar(options: WorkingCalendarOptions): Promise<WorkingDays> {
  const file = options.holidays ? await readHolidayFile(options.holidays) : {};
  return mergeCalendars(options, file);
}

/** The library's years and the file's, merged: the file wins a day both name. */
export function mergeCalendars(options: WorkingCalendarOptions, file: HolidayFile): WorkingDays {
  const calendar: WorkingDays = { years: [], offDays: [], workDays: [] };
  const wanted = [
    ...options.years,
    ...(options.optionalYears ?? []).filter((y) => !options.years.includes(y)),
  ];
  for (const year of wanted) {
    const official = officialYear(year);
    const own = file[String(year)];
    if (!official && !own) {
      if (options.years.includes(year)) throw unknownYear(year, options.holidays);
      continue;
    }
    // The file wins over the library: a local day off, or a correction of it.
    const offDays = new Set([...(official?.offDays ?? []), ...(own?.offDays ?? [])]);
    const workDays = new Set([...(official?.workDays ?? []), ...(own?.workDays ?? [])]);
    for (const day of own?.offDays ?? []) workDays.delete(day);
    for (const day of own?.workDays ?? []) offDays.delete(day);
    calendar.years.push(year);
    calendar.offDays.push(...[...offDays].sort());
    calendar.workDays.push(...[...workDays].sort());
  }
  return calendar;
}
