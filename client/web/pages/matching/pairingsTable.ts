// The one-to-one pairings (一对一对口) under review, one row per unit; for operators, accept / override /
// reject on the row. Only CNIPA's own units can be partners.
import { html } from 'hono/html';
import type { PairingDecision } from '../../../../domain/matching/review.ts';
import { type Html, t, tt } from '../html.ts';
import {
  actionPath,
  buttonForm,
  decidedCell,
  fieldLabels,
  label,
  type ReviewView,
  reasonCell,
  resourceName,
  resourceOption,
  type UnitNames,
} from './parts.ts';

function partnerCell(view: ReviewView, p: PairingDecision): Html {
  const changed = p.status === 'overridden' || p.status === 'rejected';
  return html`${changed ? resourceName(view, p.resourceId) : resourceName(view, p.proposedResourceId)}
    ${changed ? html`<div class="said">${t('原建议：', 'Proposed: ')}${resourceName(view, p.proposedResourceId)}</div>` : ''}`;
}

function actionsCell(view: ReviewView, p: PairingDecision): Html {
  const cnipa = view.resources.filter((r) => r.cnipaUnit && r.id !== p.resourceId);
  return html`<td class="actions">
    ${p.status === 'proposed' && p.resourceId !== null ? buttonForm(view, 'accept-pairings', { unitCode: p.unitCode }, t('接受建议', 'Accept proposal')) : ''}
    <details><summary>${t('调整', 'Override')}</summary>
      <form method="post" action="${actionPath(view, 'override-pairing')}">${view.csrf}
        <input type="hidden" name="unitCode" value="${p.unitCode}">
        ${label(fieldLabels.partner, `partner-${p.unitCode}`)}
        <select id="partner-${p.unitCode}" name="resourceId" required>
          <option value="">${tt(view.lang, '请选择', 'choose')}</option>
          ${cnipa.map((r) => html`<option value="${r.id}">${resourceOption(view, r)}</option>`)}
        </select>
        <p><button>${t('改配', 'Override')}</button></p>
      </form></details>
    ${
      p.status === 'rejected'
        ? ''
        : html`<details><summary>${t('退回', 'Reject')}</summary>
      <form method="post" action="${actionPath(view, 'reject-pairing')}">${view.csrf}
        <input type="hidden" name="unitCode" value="${p.unitCode}">
        ${label(fieldLabels.reason, `pwhy-${p.unitCode}`)}
        <input type="text" id="pwhy-${p.unitCode}" name="reason" maxlength="500" required>
        <p><button class="danger">${t('退回', 'Reject')}</button></p>
      </form></details>`
    }
  </td>`;
}

export function pairingsTable(
  view: ReviewView,
  pairings: readonly PairingDecision[],
  unitNames: UnitNames,
): Html {
  const rows = pairings.map((p) => {
    const unit = unitNames.get(p.unitCode);
    return html`<tr id="p-${p.unitCode}">
      <td class="unit">${p.unitCode}<br>${unit ? t(unit.nameZh, unit.nameEn) : ''}</td>
      <td>${partnerCell(view, p)}</td>
      <td>${resourceName(view, p.previousResourceId)}</td>
      <td class="reason">${reasonCell(p)}</td>
      <td>${decidedCell(p.status, p.decided)}</td>
      ${view.canDecide ? actionsCell(view, p) : ''}
    </tr>`;
  });
  return html`<table class="review">
    <thead><tr>
      <th>${t('单位', 'Unit')}</th><th>${t('对口资源', 'Partner')}</th><th>${t('原对口', 'Before')}</th>
      <th>${t('理由', 'Reason')}</th><th>${t('状态', 'Status')}</th>
      ${view.canDecide ? html`<th>${t('审核', 'Review')}</th>` : ''}
    </tr></thead>
    <tbody>${rows}</tbody>
  </table>`;
}
