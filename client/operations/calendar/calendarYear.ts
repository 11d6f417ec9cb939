// One year of the working calendar as wlx calendar show prints it: where it comes from, the days that break
// the weekday rule, and how many working days the year has.
import { yearDays } from '../../../domain/calendar/workingDays.ts';
import { officialSource, officialYear } from './officialHolidays.ts';
import { readHolidayFile } from './readHolidayFile.ts';
import { mergeCalendars } from './workingCalendar.ts';

const weekdays = ['日', '一', '二', '三', '四', '五', '六'];

export interface CalendarYear {
  year: number;
  /** "chinese-days 1.5.7", the holidays file, or both. */
  sources: string[];
  workingDayCount: number;
  /** The days that break the weekday rule: days off (放假, holidays' weekend days too), make-up working days (调休上班). */
  exceptions: { date: string; weekday: string; working: boolean }[];
}

export async function calendarYear(year: number, holidays?: string): Promise<CalendarYear> {
  const file = holidays ? await readHolidayFile(holidays) : {};
  const calendar = mergeCalendars({ years: [year], holidays }, file);
  const days = yearDays(calendar, year);
  const sources = [
    ...(officialYear(year) ? [officialSource] : []),
    ...(holidays && file[String(year)] ? [holidays] : []),
  ];
  return {
    year,
    sources,
    workingDayCount: days.filter((d) => d.working).length,
    exceptions: days
      .filter((d) => d.exception !== null)
      .map((d) => ({
        date: d.date,
        weekday: `星期${weekdays[new Date(`${d.date}T00:00:00Z`).getUTCDay()]}`,
        working: d.working,
      })),
  };
}
