// China's public holidays and make-up working days as the State Council announces them each year, from the
// chinese-days package (pinned; its maintainers add a year when the notice comes out, usually in November).
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import packageJson from 'chinese-days/package.json' with { type: 'json' };

/** What the source says, for messages: "chinese-days 1.5.7". */
export const officialSource = `chinese-days ${packageJson.version}`;

const yearOf = (date: string) => Number(date.slice(0, 4));

/** The years the package has the State Council's arrangement for. */
export const officialYears: readonly number[] = [...new Set(Object.keys(data.holidays).map(yearOf))].sort(
  (a, b) => a - b,
);

/** Days off and make-up working days of `year`, or null when the package does not know it. */
export function officialYear(year: number): { offDays: string[]; workDays: string[] } | null {
  if (!officialYears.includes(year)) return null;
  const inYear = (dates: Record<string, string>) => Object.keys(dates).filter((d) => yearOf(d) === year);
  return { offDays: inYear(data.holidays), workDays: inYear(data.workdays) };
}

/** What a demo year's start needs when the library does not know it yet: calendar days, said out loud. */
export function demoCalendarFlag(year: number): string {
  return officialYears.includes(year) ? '' : ' --calendar-days';
}
