// Every unit of the year as a tile coloured by its standing, the legend counting each colour. A tile says in
// words what its colour says (for readers who cannot tell the colours apart) and opens the unit's page.
import { html } from 'hono/html';
import { type Standing, standings, type UnitStanding } from '../../../operations/describe/standing.ts';
import type { UnitListRow } from '../../../operations/unitList.ts';
import { dateTt, type Html, type Lang, t, tt } from '../html.ts';
import { daysLabel, inLang, missingLabel, shortName, standingLabels, tb } from './labels.ts';
import { lastRemindedLine } from './lastReminded.ts';

export type UnitRow = UnitListRow;

export const unitPath = (year: number, unitCode: string) => `/campaigns/${year}/units/${unitCode}`;

/** "催办 · 逾期 4 天"; 逾期 alone says the level already: "逾期 2 天". */
function when(lang: Lang, standing: UnitStanding): string {
  const level = inLang(lang, standingLabels[standing.standing]);
  if (standing.daysLeft === null) return level;
  const days = inLang(lang, daysLabel(standing.daysLeft));
  return standing.standing === 'overdue' ? days : `${level} · ${days}`;
}

function tile(year: number, lang: Lang, { unit, standing, reminded: last }: UnitRow): Html {
  const name = shortName(unit);
  const level = standingLabels[standing.standing];
  const missing = standing.missing.length > 0 ? missingLabel(standing.missing, true) : null;
  const days = standing.daysLeft === null ? null : daysLabel(standing.daysLeft);
  // The title tells all of it in both languages, with the deadline.
  const title = [
    `${unit.unitCode} ${tt(lang, unit.nameZh, unit.nameEn)}`,
    tt(lang, level.zh, level.en),
    missing && `${tt(lang, '未报', 'missing')}: ${tt(lang, missing.zh, missing.en)}`,
    standing.deadline &&
      `${tt(lang, '截止', 'due')} ${dateTt(lang, standing.deadline)}${days ? ` (${tt(lang, days.zh, days.en)})` : ''}`,
    last && lastRemindedLine(lang, last),
  ]
    .filter(Boolean)
    .join('\n');
  return html`<a class="tile s-${standing.standing}" href="${unitPath(year, unit.unitCode)}" title="${title}">
    <b><span class="code">${unit.unitCode}</span> ${t(name.zh, name.en)}</b>
    <small>${missing ? inLang(lang, missing) : inLang(lang, { zh: '应报材料已报齐', en: 'everything due is in' })}</small>
    <small class="when">${when(lang, standing)}</small>
    ${last ? html`<small class="reminded">${lastRemindedLine(lang, last)}</small>` : ''}
  </a>`;
}

export function unitGrid(year: number, lang: Lang, rows: readonly UnitRow[]): Html {
  const count = (s: Standing) => rows.filter((r) => r.standing.standing === s).length;
  return html`<section class="card" id="units">
    <h2>${t('各单位进度', 'Units')} <span class="muted">(${rows.length})</span></h2>
    <div class="legend">${standings.map(
      (s) => html`<span class="badge s-${s}">${tb(standingLabels[s])} <b>${count(s)}</b></span>`,
    )}</div>
    <div class="grid">${rows.map((row) => tile(year, lang, row))}</div>
  </section>`;
}
