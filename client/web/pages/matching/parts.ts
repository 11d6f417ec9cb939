// What both tables of the matching review page are made of: the page's view of the review, resource names,
// the status badge, who decided when, and the labels of the review's form fields (the action routes name a
// refused field by these same labels).
import { html } from 'hono/html';
import { dateTimeWords } from '../../../../domain/dateWords.ts';
import type { Bilingual } from '../../../../domain/labels.ts';
import type { CatalogueResource } from '../../../../domain/matching/catalogue.ts';
import type { ResourceLoad } from '../../../../domain/matching/resourceLoads.ts';
import type { Stamp } from '../../../../domain/matching/review.ts';
import type { DecisionStatus } from '../../../../domain/matching/reviewDigest.ts';
import { filterQuery, type ReviewFilter } from '../../../../domain/matching/reviewPage.ts';
import type { DemandItem } from '../../../../domain/submissions.ts';
import { statusLabels } from '../../../operations/describe/matchingReview.ts';
import { type Html, type Lang, t, tt } from '../html.ts';

export interface ReviewView {
  year: number;
  lang: Lang;
  /** An operator, and the review still open: the forms are shown. */
  canDecide: boolean;
  resources: readonly CatalogueResource[];
  byId: ReadonlyMap<string, CatalogueResource>;
  /** Each resource's capacity as the review stands (domain/matching/resourceLoads.ts). */
  loads: ReadonlyMap<string, ResourceLoad>;
  /** The flagged rows under review by demandKey, read from the units (the campaign holds ids only). */
  demands: ReadonlyMap<string, DemandItem>;
  /** The CSRF field every form carries. */
  csrf: Html;
  /** What the demands table shows: the forms carry it, so an action brings the operator back to it. */
  filter: ReviewFilter;
}

/** Each unit's names by its code, from the registry the campaign was started with. */
export type UnitNames = ReadonlyMap<string, { nameZh: string; nameEn: string }>;

export const actionPath = (view: ReviewView, segment: string) =>
  `/campaigns/${view.year}/matching/${segment}${filterQuery(view.filter)}`;

/** The review's form fields as the page labels them. */
export const fieldLabels = {
  unitCode: { zh: '单位', en: 'Unit' },
  units: { zh: '单位', en: 'Unit' },
  demandId: { zh: '需求', en: 'Demand' },
  demands: { zh: '需求', en: 'Demand' },
  resourceId: { zh: '改配资源', en: 'Other resource' },
  partner: { zh: '改配对口', en: 'Other partner' },
  note: { zh: '备注', en: 'Note' },
  reason: { zh: '退回理由', en: 'Why rejected' },
} satisfies Record<string, Bilingual>;

export const label = (l: Bilingual, forId: string): Html =>
  html`<label for="${forId}">${t(l.zh, l.en)}</label>`;

/** A resource by its name, its id small beside it; "—" for none. */
export function resourceName(view: ReviewView, id: string | null | undefined): Html {
  if (!id) return html`—`;
  const r = view.byId.get(id);
  return html`<span class="resource">${r ? t(r.nameZh, r.nameEn) : id} <code class="id">${id}</code></span>`;
}

/** A resource in the reader's language only, for lists where both would crowd the row. */
export function resourceShortName(view: ReviewView, id: string): Html {
  const r = view.byId.get(id);
  const name = r ? (view.lang === 'en' ? r.nameEn : r.nameZh) : id;
  return html`<span class="resource">${name} <code class="id">${id}</code></span>`;
}

/** What is left of a resource's capacity: "剩余 3/20 left". */
export function remainingText(view: Pick<ReviewView, 'lang' | 'loads'>, id: string): string {
  const load = view.loads.get(id);
  return load
    ? tt(view.lang, `剩余 ${load.remaining}/${load.capacity}`, `${load.remaining}/${load.capacity} left`)
    : '';
}

/** The text of an <option> for a resource, in the reader's language. */
export const resourceOption = (view: ReviewView, r: CatalogueResource): string =>
  `${tt(view.lang, r.nameZh, r.nameEn)} (${r.id})`;

export const resourceListId = 'resource-options';

/**
 * The resources the override fields offer, once for the page: a hundred rows each carrying the whole
 * catalogue made the page megabytes. Fullest last, so those with room come first.
 */
export function resourceDatalist(view: ReviewView): Html {
  const left = (id: string) => view.loads.get(id)?.remaining ?? 0;
  const ordered = [...view.resources].sort((a, b) => Number(left(b.id) === 0) - Number(left(a.id) === 0));
  return html`<datalist id="${resourceListId}">${ordered.map(
    (r) => html`<option value="${r.id}">${resourceOption(view, r)} · ${remainingText(view, r.id)}</option>`,
  )}</datalist>`;
}

const badgeClass: Record<DecisionStatus, string> = {
  proposed: 's-soon',
  accepted: 's-ontime',
  overridden: 's-complete',
  rejected: 's-urging',
};

export const statusBadge = (status: DecisionStatus): Html =>
  html`<span class="badge ${badgeClass[status]}">${t(statusLabels[status].zh, statusLabels[status].en)}</span>`;

/** When it was done, in the reader's words: 2027年5月25日 09:30 beside 2027-05-25 09:30. */
export const whenWords = (stamp: Stamp) => dateTimeWords(Date.parse(stamp.at));
export const when = (stamp: Stamp): Html => t(whenWords(stamp).zh, whenWords(stamp).en);

/** The status, and who decided it when. */
export const decidedCell = (status: DecisionStatus, decided: Stamp | undefined): Html =>
  html`${statusBadge(status)}${decided ? html`<div class="stamp">${decided.by}<br>${when(decided)}</div>` : ''}`;

/** Why the optimiser proposed it, or what the operator said. */
export function reasonCell(d: { reason: Bilingual; rejectedBecause?: string; note?: string }): Html {
  return html`${t(d.reason.zh, d.reason.en)}
    ${d.rejectedBecause ? html`<div class="said">${t('退回理由：', 'Why rejected: ')}${d.rejectedBecause}</div>` : ''}
    ${d.note ? html`<div class="said">${t('备注：', 'Note: ')}${d.note}</div>` : ''}`;
}

/** A one-button form posting hidden fields. */
export function buttonForm(
  view: ReviewView,
  segment: string,
  fields: Record<string, string>,
  text: Html,
  kind = '',
): Html {
  return html`<form class="inline" method="post" action="${actionPath(view, segment)}">${view.csrf}${Object.entries(
    fields,
  ).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`,
  )}<button class="${kind}">${text}</button></form>`;
}
