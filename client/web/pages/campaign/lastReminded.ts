// "Last reminded" (上次催报) on the lists and tiles: when and by whom, from the audit trail, so that an
// operator sees a unit was reminded an hour ago before reminding it again.
import { html } from 'hono/html';
import { dateTimeWords } from '../../../../domain/dateWords.ts';
import type { LastReminded } from '../../../operations/lastReminded.ts';
import { type Html, type Lang, t } from '../html.ts';

/** "2027年5月20日 10:00 · zhang" in a table cell; "—" when never. */
export function lastRemindedCell(last: LastReminded | undefined): Html {
  if (!last) return html`<span class="muted">—</span>`;
  const when = dateTimeWords(last.at);
  return html`${t(when.zh, when.en)} <span class="muted">· ${last.by}</span>`;
}

/** The same in the reader's language, for a tile's small line and its title. */
export function lastRemindedLine(lang: Lang, last: LastReminded): string {
  const when = dateTimeWords(last.at);
  return lang === 'en' ? `reminded ${when.en} by ${last.by}` : `上次催报 ${when.zh} · ${last.by}`;
}
