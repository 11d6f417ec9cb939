// The review's flagged demands, one row each: the unit, the demand, the resource it goes to and why, the
// alternates, the status; and, for operators, accept / override / reject on the row.
import { html } from 'hono/html';
import { serviceCategoryLabels } from '../../../../domain/labels.ts';
import { demandKey, type MatchDecision } from '../../../../domain/matching/review.ts';
import type { DemandItem } from '../../../../domain/submissions.ts';
import { type Html, t } from '../html.ts';
import {
  actionPath,
  buttonForm,
  decidedCell,
  fieldLabels,
  label,
  type ReviewView,
  reasonCell,
  remainingText,
  resourceListId,
  resourceName,
  resourceShortName,
  type UnitNames,
} from './parts.ts';

function demandCell(d: MatchDecision, item: DemandItem | undefined): Html {
  if (!item) return html`<b>${d.demandId}</b>`;
  const category = serviceCategoryLabels[item.serviceCategory];
  return html`<b>${item.id}</b> ${item.entity.name}
    <div><span class="badge">${t(category.zh, category.en)}</span> ${item.field}</div>
    <div class="demand-text">${item.description}</div>
    ${item.coordinationReason ? html`<div class="said">${t('需协调：', 'CNIPA to coordinate: ')}${item.coordinationReason}</div>` : ''}`;
}

function resourceCell(view: ReviewView, d: MatchDecision): Html {
  const changed = d.status === 'overridden' || d.status === 'rejected';
  return html`${changed ? resourceName(view, d.resourceId) : resourceName(view, d.proposedResourceId)}
    ${changed ? html`<div class="said">${t('原建议：', 'Proposed: ')}${resourceName(view, d.proposedResourceId)}</div>` : ''}`;
}

/** Another resource for one demand: its id typed or picked from the page's one list, the alternates named. */
function overrideForm(view: ReviewView, d: MatchDecision, id: string): Html {
  const alternates = d.alternates.filter((a) => a !== d.resourceId);
  return html`<details><summary>${t('调整', 'Override')}</summary>
    <form method="post" action="${actionPath(view, 'override')}">${view.csrf}
      <input type="hidden" name="unitCode" value="${d.unitCode}"><input type="hidden" name="demandId" value="${d.demandId}">
      ${label(fieldLabels.resourceId, `res-${id}`)}
      <input type="text" id="res-${id}" name="resourceId" list="${resourceListId}" required autocomplete="off"${
        alternates.length ? html` aria-describedby="alt-${id}"` : ''
      }>
      ${
        alternates.length
          ? html`<div class="said" id="alt-${id}">${t('备选：', 'Alternates: ')}${alternates.map(
              (a, i) => html`${i ? '、' : ''}<code>${a}</code> ${remainingText(view, a)}`,
            )}</div>`
          : ''
      }
      ${label(fieldLabels.note, `note-${id}`)}
      <input type="text" id="note-${id}" name="note" maxlength="500">
      <p><button>${t('改配', 'Override')}</button></p>
    </form></details>`;
}

function rejectForm(view: ReviewView, d: MatchDecision, id: string): Html {
  return html`<details><summary>${t('退回', 'Reject')}</summary>
    <form method="post" action="${actionPath(view, 'reject')}">${view.csrf}
      <input type="hidden" name="unitCode" value="${d.unitCode}"><input type="hidden" name="demandId" value="${d.demandId}">
      ${label(fieldLabels.reason, `why-${id}`)}
      <input type="text" id="why-${id}" name="reason" maxlength="500" required>
      <p><button class="danger">${t('退回', 'Reject')}</button></p>
    </form></details>`;
}

function actionsCell(view: ReviewView, d: MatchDecision): Html {
  const id = `${d.unitCode}-${d.demandId}`;
  // Accept takes the proposal as it stands; a rejected or overridden demand changes again by override.
  const acceptable = d.status === 'proposed' && d.resourceId !== null;
  return html`<td class="actions">
    ${acceptable ? buttonForm(view, 'accept', { unitCode: d.unitCode, demandId: d.demandId }, t('接受建议', 'Accept proposal')) : ''}
    ${overrideForm(view, d, id)}
    ${d.status === 'rejected' ? '' : rejectForm(view, d, id)}
  </td>`;
}

export function decisionsTable(
  view: ReviewView,
  decisions: readonly MatchDecision[],
  unitNames: UnitNames,
): Html {
  const rows = decisions.map((d) => {
    const unit = unitNames.get(d.unitCode);
    const item = view.demands.get(demandKey(d));
    return html`<tr id="d-${d.unitCode}-${d.demandId}">
      <td class="unit">${d.unitCode}<br>${unit ? t(unit.nameZh, unit.nameEn) : ''}</td>
      <td class="demand">${demandCell(d, item)}</td>
      <td>${resourceCell(view, d)}</td>
      <td class="reason">${reasonCell(d)}</td>
      <td class="alternates">${d.alternates.length ? html`<ol>${d.alternates.map((a) => html`<li>${resourceShortName(view, a)}</li>`)}</ol>` : '—'}</td>
      <td>${decidedCell(d.status, d.decided)}</td>
      ${view.canDecide ? actionsCell(view, d) : ''}
    </tr>`;
  });
  return html`<table class="review">
    <thead><tr>
      <th>${t('单位', 'Unit')}</th><th>${t('需求', 'Demand')}</th><th>${t('匹配资源', 'Resource')}</th>
      <th>${t('理由', 'Reason')}</th><th>${t('备选', 'Alternates')}</th><th>${t('状态', 'Status')}</th>
      ${view.canDecide ? html`<th>${t('审核', 'Review')}</th>` : ''}
    </tr></thead>
    <tbody>${rows}</tbody>
  </table>`;
}
