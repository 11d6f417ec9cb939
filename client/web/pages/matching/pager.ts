// Above the demands table: a filter by unit and status (a GET form, so the page's address says what it shows)
// and the pager, "第 2 / 13 页".
import { html } from 'hono/html';
import type { MatchDecision } from '../../../../domain/matching/review.ts';
import { type DecisionPage, decisionStatuses, filterQuery } from '../../../../domain/matching/reviewPage.ts';
import { pageWords, statusLabels } from '../../../operations/describe/matchingReview.ts';
import { type Html, t, tt } from '../html.ts';
import type { ReviewView, UnitNames } from './parts.ts';

export function filterForm(
  view: ReviewView,
  decisions: readonly MatchDecision[],
  unitNames: UnitNames,
): Html {
  const perUnit = new Map<string, number>();
  for (const d of decisions) perUnit.set(d.unitCode, (perUnit.get(d.unitCode) ?? 0) + 1);
  const unitName = (code: string) => {
    const names = unitNames.get(code);
    return names ? tt(view.lang, names.nameZh, names.nameEn) : '';
  };
  const selected = (yes: boolean) => (yes ? html` selected` : '');
  return html`<form class="filters" method="get" action="/campaigns/${view.year}/matching">
    <span><label for="f-unit">${t('单位', 'Unit')}</label>
    <select id="f-unit" name="unit"><option value="">${tt(view.lang, '全部单位', 'all units')}</option>${[
      ...perUnit,
    ].map(
      ([code, count]) =>
        html`<option value="${code}"${selected(view.filter.unit === code)}>${code} ${unitName(code)} (${count})</option>`,
    )}</select></span>
    <span><label for="f-status">${t('状态', 'Status')}</label>
    <select id="f-status" name="status"><option value="">${tt(view.lang, '全部状态', 'every status')}</option>${decisionStatuses.map(
      (s) =>
        html`<option value="${s}"${selected(view.filter.status === s)}>${tt(view.lang, statusLabels[s].zh, statusLabels[s].en)}</option>`,
    )}</select></span>
    <span><button class="secondary">${t('筛选', 'Filter')}</button></span>
  </form>`;
}

export function pager(view: ReviewView, shown: DecisionPage): Html {
  const to = (page: number) => `/campaigns/${view.year}/matching${filterQuery({ ...view.filter, page })}`;
  const filtered = view.filter.unit || view.filter.status;
  const where = pageWords(shown);
  return html`<nav class="pager" aria-label="${tt(view.lang, '分页', 'pages')}">
    ${shown.page > 1 ? html`<a href="${to(shown.page - 1)}" rel="prev">${t('上一页', 'Previous')}</a>` : ''}
    <span>${t(where.zh, where.en)}</span>
    ${shown.page < shown.pages ? html`<a href="${to(shown.page + 1)}" rel="next">${t('下一页', 'Next')}</a>` : ''}
    ${filtered ? html`<a href="/campaigns/${view.year}/matching">${t('清除筛选', 'Clear the filter')}</a>` : ''}
  </nav>`;
}
