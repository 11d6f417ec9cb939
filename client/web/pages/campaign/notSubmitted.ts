// The units with something due and not in (未报), worst first: what is missing, the deadline, how late, the
// level reached. Operators remind them all at once (催报) or one by one; viewers read the list.
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { UnitListRow } from '../../../operations/unitList.ts';
import type { WebServices } from '../../routeSpec.ts';
import type { WebEnv } from '../../rules.ts';
import { csrfField } from '../forms.ts';
import { dateT, type Html, t } from '../html.ts';
import { unitPath } from './grid.ts';
import { daysLabel, missingLabel, shortName, standingLabels, tb } from './labels.ts';
import { lastRemindedCell } from './lastReminded.ts';

/** The step before remind-all (remindAll.ts). */
export const remindAllPath = (year: number) => `/campaigns/${year}/remind`;

function remindButton(c: Context<WebEnv>, services: WebServices, year: number, unitCode: string): Html {
  return html`<form class="inline" method="post" action="${unitPath(year, unitCode)}/remind">
    ${csrfField(c, services)}<button class="secondary small">${t('催报', 'Remind')}</button>
  </form>`;
}

export function notSubmittedSection(
  c: Context<WebEnv>,
  services: WebServices,
  year: number,
  /** The units as the list's query keeps and orders them (unitList.ts). */
  rows: readonly UnitListRow[],
  canAct: boolean,
): Html {
  const owing = rows.filter((r) => r.standing.missing.length > 0);
  // A unit whose deadline no longer runs (the year has closed) cannot be reminded.
  const remindable = owing.filter((r) => r.unit.due !== null);
  const reminds = canAct && remindable.length > 0;
  // A link to the step that says what will happen; the sending is one more click there.
  const remindAll = reminds
    ? html`<a class="button" href="${remindAllPath(year)}">${t(`催报全部未报单位（${remindable.length}）`, `Remind all (${remindable.length})`)}</a>`
    : '';
  return html`<section class="card" id="not-submitted">
    <div class="row spread">
      <h2>${t('未报单位', 'Not submitted')} <span class="muted">(${owing.length})</span></h2>
      ${remindAll}
    </div>
    ${
      owing.length === 0
        ? html`<p class="muted">${t('目前没有应报未报的单位。', 'No unit has anything due and not in.')}</p>`
        : html`<table class="owing">
      <thead><tr>
        <th>${t('单位', 'Unit')}</th><th>${t('未报材料', 'Missing')}</th><th>${t('截止日期', 'Deadline')}</th>
        <th class="num">${t('天数', 'Days')}</th><th>${t('级别', 'Level')}</th>
        <th>${t('上次催报', 'Last reminded')}</th>
        ${reminds ? html`<th>${t('操作', 'Action')}</th>` : ''}
      </tr></thead>
      <tbody>${owing.map(({ unit, standing, reminded }) => {
        const name = shortName(unit);
        return html`<tr>
          <td class="unit"><a href="${unitPath(year, unit.unitCode)}">${unit.unitCode} ${t(name.zh, name.en)}</a></td>
          <td>${tb(missingLabel(standing.missing, true))}</td>
          <td>${standing.deadline ? dateT(standing.deadline) : ''}</td>
          <td class="num days">${standing.daysLeft === null ? '' : tb(daysLabel(standing.daysLeft))}</td>
          <td><span class="badge s-${standing.standing}">${tb(standingLabels[standing.standing])}</span></td>
          <td>${lastRemindedCell(reminded)}</td>
          ${reminds ? html`<td>${unit.due === null ? '' : remindButton(c, services, year, unit.unitCode)}</td>` : ''}
        </tr>`;
      })}</tbody>
    </table>`
    }
  </section>`;
}
