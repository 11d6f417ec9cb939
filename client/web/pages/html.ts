// The few pieces every page is made of. Text is Chinese first with English beside it; a reader who switched
// to English sees English alone (the stylesheet hides the Chinese). `html` escapes every value put into it.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { daysBetween } from '../../../domain/calendar.ts';
import { dateZh } from '../../../domain/dateWords.ts';

export type Lang = 'zh' | 'en';
export const langs: readonly Lang[] = ['zh', 'en'];
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Text in both languages, for the body of a page. */
export const t = (zh: string, en: string): Html =>
  html`<span class="zh">${zh}</span><span class="en" lang="en">${en}</span>`;

/** Text in the reader's language for places markup cannot go: attributes, <option>, <title>. */
export const tt = (lang: Lang, zh: string, en: string): string => (lang === 'en' ? en : `${zh} ${en}`);

/** The language the request's middleware chose (rules.ts's WebVariables carry it). */
export const langOf = (c: { get(key: 'lang'): Lang }): Lang => c.get('lang');

/** A yyyy-mm-dd date in the reader's words: days left, or days late. */
export function daysFrom(today: string, date: string): { days: number; late: boolean } {
  const days = daysBetween(today, date);
  return { days: Math.abs(days), late: days < 0 };
}

/** A yyyy-mm-dd date: 2027年5月25日 in the Chinese half, 2027-05-25 in the English. */
export const dateT = (date: string): Html => t(dateZh(date), date);

/** A yyyy-mm-dd date in the reader's language, for attributes and titles. */
export const dateTt = (lang: Lang, date: string): string => (lang === 'en' ? date : dateZh(date));

/** "1 unit", "3 units": the English half's count. */
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
