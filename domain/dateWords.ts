// Dates as people read them: 2027年5月25日 in Chinese, ISO (2027-05-25) in English. Every Chinese date on the
// pages goes through here, so one function decides how a date reads.
import { formatShanghaiDate, formatShanghaiDateTime } from './calendar.ts';

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2027-05-25" → "2027年5月25日"; anything else is returned as it came. */
export function dateZh(date: string): string {
  const match = isoDate.exec(date);
  if (!match) return date;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** An instant in Beijing time: "2027年5月25日 09:30" and "2027-05-25 09:30". */
export function dateTimeWords(instant: number): { zh: string; en: string } {
  const en = formatShanghaiDateTime(instant);
  return { zh: `${dateZh(formatShanghaiDate(instant))} ${en.slice(11)}`, en };
}
