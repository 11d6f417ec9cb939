// The dashboard's lists narrowed and ordered by the address (?q=&standing=&sort=&order=): a GET form, so it
// works without JS and a filtered view can be sent to a colleague; the same query downloads the .xlsx.
import { html } from 'hono/html';
import { campaignToday } from '../../../operations/describe/campaignToday.ts';
import { standingLabels, standings, unitStanding } from '../../../operations/describe/standing.ts';
import {
  isFiltered,
  type UnitListQuery,
  type UnitListRow,
  type UnitListSort,
  unitListQueryString,
  unitListSorts,
} from '../../../operations/unitList.ts';
import type { WebServices } from '../../routeSpec.ts';
import { type Html, type Lang, t, tt } from '../html.ts';

export const unitListExportPath = (year: number, query: UnitListQuery) =>
  `/campaigns/${year}/unit-list/export${unitListQueryString(query)}`;

/** Every unit of the year with its standing and last reminder, in the campaign's order, from the read model. */
export async function unitRows(services: WebServices, year: number) {
  const [overview, reminders] = await Promise.all([
    services.reads.overview(year),
    services.reads.reminders(year),
  ]);
  const status = overview.value;
  const today = campaignToday(status, services.clock());
  const rows: UnitListRow[] = status.units.map((unit) => ({
    unit,
    standing: unitStanding(unit, today, status.calendar),
    reminded: reminders.value.get(unit.unitCode),
  }));
  return { status, today, rows, version: `${overview.readAt}/${reminders.readAt}` };
}

const sortLabels: Record<UnitListSort, { zh: string; en: string }> = {
  severity: { zh: '最严重在前', en: 'worst first' },
  code: { zh: '按单位代码', en: 'by unit code' },
  deadline: { zh: '按截止日期', en: 'by deadline' },
  reminded: { zh: '按上次催报', en: 'by last reminder' },
};

export function unitFilterForm(
  year: number,
  lang: Lang,
  query: UnitListQuery,
  shown: number,
  all: number,
): Html {
  const selected = (yes: boolean) => (yes ? html` selected` : '');
  const option = (value: string, label: { zh: string; en: string }, chosen: string | undefined) =>
    html`<option value="${value}"${selected(chosen === value)}>${tt(lang, label.zh, label.en)}</option>`;
  return html`<section class="card" id="unit-filter">
    <form class="filters" method="get" action="/campaigns/${year}">
      <span><label for="f-q">${t('查找单位', 'Find a unit')}</label>
        <input id="f-q" name="q" value="${query.q ?? ''}" placeholder="${tt(lang, '代码或名称', 'code or name')}"></span>
      <span><label for="f-standing">${t('进度', 'Standing')}</label>
        <select id="f-standing" name="standing">${option('', { zh: '全部', en: 'all' }, query.standing ?? '')}${standings.map((s) => option(s, standingLabels[s], query.standing))}</select></span>
      <span><label for="f-sort">${t('排序', 'Sort')}</label>
        <select id="f-sort" name="sort">${option('', { zh: '默认', en: 'default' }, query.sort ?? '')}${unitListSorts.map((s) => option(s, sortLabels[s], query.sort))}</select></span>
      <span><label for="f-order">${t('顺序', 'Order')}</label>
        <select id="f-order" name="order">${option('', { zh: '正序', en: 'ascending' }, query.order ?? '')}${option('desc', { zh: '倒序', en: 'descending' }, query.order)}</select></span>
      <span><button class="secondary">${t('筛选', 'Filter')}</button></span>
    </form>
    <p>${isFiltered(query) ? html`${t(`显示 ${shown} / ${all} 个单位`, `${shown} of ${all} units shown`)} · <a href="/campaigns/${year}">${t('清除筛选', 'Clear the filter')}</a> · ` : ''}
      <a href="${unitListExportPath(year, query)}" download>${t('下载本列表', 'Download this list')} .xlsx</a></p>
  </section>`;
}
