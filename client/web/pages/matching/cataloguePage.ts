// The resource catalogue page (服务资源目录), for operators: every resource the campaign was started with,
// what it offers and where, its yearly capacity and what the current proposal and review leave of it; and
// each unit's one-to-one partners over the last years.
import { html } from 'hono/html';
import { formLabels, resourceKindLabels, serviceCategoryLabels } from '../../../../domain/labels.ts';
import type { CatalogueResource } from '../../../../domain/matching/catalogue.ts';
import { type ResourceLoad, resourceLoads } from '../../../../domain/matching/resourceLoads.ts';
import type { PairingHistory } from '../../../../reads/pairingHistory.ts';
import { campaignCatalogue, campaignRegistry } from '../../../operations/campaignInput.ts';
import { statusReview } from '../../../operations/matchingReview.ts';
import { pairingHistory } from '../../../operations/pairingHistory.ts';
import { defineRoute, type WebRoute, yearParams } from '../../routeSpec.ts';
import { asOf } from '../asOf.ts';
import { type Html, t } from '../html.ts';
import { renderPage } from '../layout.ts';
import type { UnitNames } from './parts.ts';

/** Years of pairings the page shows, this one included. */
const historyYears = 5;

function regionsCell(r: CatalogueResource, units: UnitNames): Html {
  if (r.regions === 'national') return t('全国', 'national');
  return html`${r.regions.map((code, i) => {
    const unit = units.get(code);
    return html`${i ? '、' : ''}${unit ? t(unit.nameZh.replace(/知识产权局$/, ''), unit.nameEn.replace(/ Intellectual Property Office$/, '')) : code}`;
  })}`;
}

function capacityCells(load: ResourceLoad | undefined): Html {
  if (!load) return html`<td></td><td></td><td></td>`;
  const full = load.remaining === 0;
  return html`<td class="num">${load.capacity}</td><td class="num">${load.used}</td>
    <td class="num">${full ? html`<span class="badge s-urging">${t('已满', 'full')} 0</span>` : load.remaining}</td>`;
}

function catalogueTable(
  resources: readonly CatalogueResource[],
  loads: ReadonlyMap<string, ResourceLoad>,
  units: UnitNames,
): Html {
  const rows = resources.map(
    (r) => html`<tr id="r-${r.id}">
      <th scope="row">${t(r.nameZh, r.nameEn)}<br><code class="id">${r.id}</code></th>
      <td>${t(resourceKindLabels[r.kind].zh, resourceKindLabels[r.kind].en)}</td>
      <td>${r.serviceCategories.map((c) => html`<span class="badge">${t(serviceCategoryLabels[c].zh, serviceCategoryLabels[c].en)}</span> `)}</td>
      <td>${regionsCell(r, units)}${r.conflicts.length ? html`<div class="said">${t('回避：', 'Not: ')}${r.conflicts.join('、')}</div>` : ''}</td>
      <td>${t(formLabels[r.form].zh, formLabels[r.form].en)}</td>
      ${capacityCells(loads.get(r.id))}
    </tr>`,
  );
  return html`<table class="catalogue" tabindex="0">
    <thead><tr>
      <th scope="col">${t('资源', 'Resource')}</th><th scope="col">${t('类型', 'Kind')}</th>
      <th scope="col">${t('服务类别', 'Categories')}</th><th scope="col">${t('服务地区', 'Regions')}</th>
      <th scope="col">${t('形式', 'Form')}</th><th scope="col">${t('年度容量', 'Capacity')}</th>
      <th scope="col">${t('已分配', 'Assigned')}</th><th scope="col">${t('剩余', 'Remaining')}</th>
    </tr></thead>
    <tbody>${rows}</tbody>
  </table>`;
}

/** Each unit's partner year by year, and for how many years in a row it has had this year's. */
function historyTable(
  history: PairingHistory,
  names: ReadonlyMap<string, CatalogueResource>,
  units: UnitNames,
): Html {
  if (history.units.length === 0)
    return html`<p class="muted">${t('尚无一对一对口记录。', 'No one-to-one pairings recorded yet.')}</p>`;
  const partner = (id: string | null) => {
    const r = id ? names.get(id) : undefined;
    return id ? (r ? t(r.nameZh, r.nameEn) : id) : '—';
  };
  return html`<table class="pairing-history" tabindex="0">
    <thead><tr><th scope="col">${t('单位', 'Unit')}</th>${history.years.map((y) => html`<th scope="col">${y}</th>`)}
      <th scope="col" class="num">${t('连续年数', 'Years in a row')}</th></tr></thead>
    <tbody>${history.units.map((u) => {
      const unit = units.get(u.unitCode);
      return html`<tr id="h-${u.unitCode}"><th scope="row">${u.unitCode} ${unit ? t(unit.nameZh, unit.nameEn) : ''}</th>
        ${u.partners.map((p) => html`<td>${partner(p)}</td>`)}<td class="num">${u.streak}</td></tr>`;
    })}</tbody>
  </table>`;
}

export const cataloguePages: WebRoute[] = [
  defineRoute({
    rule: 'operator',
    page: true,
    method: 'get',
    path: '/campaigns/{year}/matching/catalogue',
    summary:
      "the campaign's resource catalogue: each resource's categories, regions, capacity and what the review leaves of it",
    tags: ['pages'],
    params: yearParams,
    success: { status: 200, description: 'HTML' },
    handle: async ({ c, params, services }) => {
      const [{ value: status, readAt }, catalogue, registry] = await Promise.all([
        services.reads.campaign(params.year),
        campaignCatalogue(services.client, params.year),
        campaignRegistry(services.client, params.year),
      ]);
      const units: UnitNames = new Map(
        (registry ?? services.registry).units.map((u) => [u.code, { nameZh: u.nameZh, nameEn: u.nameEn }]),
      );
      const [review, history] = await Promise.all([
        statusReview(status),
        pairingHistory(services.client, params.year, historyYears),
      ]);
      const resources = catalogue?.resources ?? [];
      const loads = resourceLoads(resources, review);
      const used = [...loads.values()].reduce((sum, l) => sum + l.used, 0);
      const capacity = resources.reduce((sum, r) => sum + r.capacity, 0);
      const body = !catalogue
        ? html`<section class="card"><p>${t('本年度活动启动时未配置服务资源目录。', 'This year’s campaign was started without a resource catalogue.')}</p></section>`
        : html`<section class="card"><p>${t(
            `共 ${resources.length} 个服务资源，年度容量合计 ${capacity}；${review ? `按目前的匹配建议与审核已分配 ${used} 项。` : '尚无匹配建议，全部容量可用。'}`,
            `${resources.length} resources, ${capacity} demands of capacity a year; ${review ? `${used} assigned by the proposal and review as they stand.` : 'no proposal yet: all of it is free.'}`,
          )}</p>
          <p class="muted">${t('目录随活动启动时给定，修改请用 wlx catalogue export / import 并在下一年度启动时使用。', 'The catalogue is fixed when the campaign starts; edit it with wlx catalogue export / import for the next year.')}</p>
          <p><a href="/campaigns/${params.year}/matching">${t('返回匹配审核', 'Back to the matching review')}</a></p></section>
          ${catalogueTable(resources, loads, units)}
          <h2>${t('一对一对口历史', 'One-to-one pairings by year')}</h2>
          <p class="muted">${t(
            `近 ${historyYears} 年各单位的对口资源，本年度按目前的审核；新的建议在负载允许时保留上一年度的对口。`,
            `Each unit's partner over the last ${historyYears} years, this year's as the review stands; a new proposal keeps last year's where the load allows.`,
          )}</p>
          ${historyTable(history, new Map(resources.map((r) => [r.id, r])), units)}`;
      return renderPage(c, services, {
        title: [`${params.year} 年服务资源目录`, `Resource catalogue ${params.year}`],
        year: params.year,
        body: html`<div class="matching">${asOf(readAt)}${body}</div>`,
      });
    },
  }),
];
