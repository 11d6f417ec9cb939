// The matching review page (匹配建议审核): where the proposal stands, its flagged demands and one-to-one
// pairings, and for operators the forms that propose, decide and confirm. The forms post to actions.ts.
import { html } from 'hono/html';
import { resourceLoads } from '../../../../domain/matching/resourceLoads.ts';
import { demandKey, type MatchingReview } from '../../../../domain/matching/review.ts';
import { reviewCounts } from '../../../../domain/matching/reviewDigest.ts';
import {
  type DecisionPage,
  pageOfDecisions,
  reviewFilterSchema,
} from '../../../../domain/matching/reviewPage.ts';
import { campaignCatalogue, campaignRegistry } from '../../../operations/campaignInput.ts';
import { statusLabels } from '../../../operations/describe/matchingReview.ts';
import { statusReview } from '../../../operations/matchingReview.ts';
import { defineRoute, type WebRoute, yearParams } from '../../routeSpec.ts';
import { rules } from '../../rules.ts';
import { asOf } from '../asOf.ts';
import { csrfField } from '../forms.ts';
import { type Html, langOf, t } from '../html.ts';
import { keptBody } from '../keptBody.ts';
import { renderPage } from '../layout.ts';
import { reviewActionPages } from './actions.ts';
import { massStepPages } from './confirmSteps.ts';
import { decisionsTable } from './decisionsTable.ts';
import { filterForm, pager } from './pager.ts';
import { pairingsTable } from './pairingsTable.ts';
import {
  buttonForm,
  type ReviewView,
  resourceDatalist,
  statusBadge,
  type UnitNames,
  when,
  whenWords,
} from './parts.ts';

function proposeCard(view: ReviewView, review: MatchingReview | null): Html {
  if (!view.canDecide) return html``;
  return review
    ? html`<p>${buttonForm(view, 'propose', {}, t('重新生成建议', 'Propose again'), 'secondary')}
        <span class="muted">${t('按目前提交的需求重新计算；已作出的接受、调整、退回决定保留。', 'Recomputed from the demands flagged now; decisions already taken are kept.')}</span></p>`
    : html`<p>${buttonForm(view, 'propose', {}, t('生成匹配建议', 'Propose matches'))}</p>`;
}

function overview(view: ReviewView, review: MatchingReview): Html {
  const counts = reviewCounts(review);
  const decided = review.pairings.filter((p) => p.status !== 'proposed').length;
  return html`<section class="card"><dl class="facts">
    <dt>${t('生成', 'Proposed')}</dt><dd>${review.proposed.by} · ${when(review.proposed)}</dd>
    <dt>${t('需求', 'Demands')}</dt><dd>${t(`共 ${review.decisions.length} 项：`, `${review.decisions.length} in all:`)} ${(
      ['accepted', 'overridden', 'rejected', 'proposed'] as const
    ).map((s) => html`${statusBadge(s)} ${counts[s]} `)}</dd>
    <dt>${t('一对一对口', 'Pairings')}</dt><dd>${t(`共 ${review.pairings.length} 个，已决定 ${decided} 个`, `${review.pairings.length} in all, ${decided} decided`)}</dd>
    <dt>${t('确认', 'Confirmed')}</dt><dd>${
      review.confirmed
        ? html`<span class="badge s-ontime">${t('已确认', 'confirmed')}</span> ${review.confirmed.by} · ${when(review.confirmed)}`
        : html`<span class="badge s-soon">${t('未确认', 'not confirmed')}</span>`
    }</dd>
  </dl>${proposeCard(view, review)}</section>`;
}

function confirmCard(view: ReviewView, review: MatchingReview): Html {
  const open = reviewCounts(review).proposed;
  const openPairings = review.pairings.filter((p) => p.status === 'proposed').length;
  return html`<section class="card confirm">
    <p><b>${t(
      '只有已确认的匹配和对口会在匹配阶段结束时发给各单位和服务资源方。',
      'Only confirmed matches and partners go out to the units and the resource providers when matching closes.',
    )}</b></p>
    <p>${t(
      `仍为“${statusLabels.proposed.zh}”状态的 ${open} 项需求和 ${openPairings} 个对口不会发出；确认后再作任何修改都会撤销确认，需重新确认。`,
      `The ${open} demands and ${openPairings} pairings still only ${statusLabels.proposed.en} do not go out; any change after confirming withdraws the confirmation until you confirm again.`,
    )}</p>
    ${
      review.confirmed
        ? html`<p>${t(`已由 ${review.confirmed.by} 于 ${whenWords(review.confirmed).zh} 确认。`, `Confirmed by ${review.confirmed.by} at ${whenWords(review.confirmed).en}.`)}</p>`
        : ''
    }
    ${view.canDecide && !review.confirmed ? buttonForm(view, 'confirm', {}, t('确认匹配结果', 'Confirm the review'), 'danger') : ''}
  </section>`;
}

function reviewBody(
  view: ReviewView,
  review: MatchingReview,
  shown: DecisionPage,
  unitNames: UnitNames,
): Html {
  const acceptAll = (segment: string, count: number) =>
    view.canDecide && count > 0
      ? html`<p>${buttonForm(view, segment, {}, t(`接受全部仍为建议的 ${count} 项`, `Accept all ${count} still proposed`), 'secondary')}</p>`
      : '';
  const proposedWithResource = (list: readonly { status: string; resourceId: string | null }[]) =>
    list.filter((d) => d.status === 'proposed' && d.resourceId !== null).length;
  return html`${overview(view, review)}
    <h2>${t('需国家局协调的需求', 'Demands flagged for CNIPA')}</h2>
    ${acceptAll('accept', proposedWithResource(review.decisions))}
    ${
      review.decisions.length
        ? html`${filterForm(view, review.decisions, unitNames)}${pager(view, shown)}
          ${shown.decisions.length ? decisionsTable(view, shown.decisions, unitNames) : ''}
          ${view.canDecide && shown.decisions.length ? resourceDatalist(view) : ''}
          ${shown.pages > 1 ? pager(view, shown) : ''}`
        : html`<p class="muted">${t('没有需协调的需求。', 'No flagged demands.')}</p>`
    }
    <h2>${t('一对一对口', 'One-to-one pairings')}</h2>
    ${acceptAll('accept-pairings', proposedWithResource(review.pairings))}
    ${review.pairings.length ? pairingsTable(view, review.pairings, unitNames) : html`<p class="muted">${t('没有对口建议。', 'No pairings proposed.')}</p>`}
    <h2>${t('确认', 'Confirmation')}</h2>
    ${confirmCard(view, review)}`;
}

export const matchingPages: WebRoute[] = [
  defineRoute({
    rule: 'viewer',
    page: true,
    method: 'get',
    path: '/campaigns/{year}/matching',
    summary:
      'the matching review page: the proposal, its decisions a page at a time, and for operators the forms',
    tags: ['pages'],
    params: yearParams,
    query: reviewFilterSchema,
    success: { status: 200, description: 'HTML' },
    handle: async ({ c, params, query, principal, services }) => {
      const [{ value: status, readAt }, catalogue, registry] = await Promise.all([
        services.reads.campaign(params.year),
        campaignCatalogue(services.client, params.year),
        campaignRegistry(services.client, params.year),
      ]);
      const unitNames: UnitNames = new Map(
        (registry ?? services.registry).units.map((u) => [u.code, { nameZh: u.nameZh, nameEn: u.nameEn }]),
      );
      const resources = catalogue?.resources ?? [];
      const review = await statusReview(status);
      const shown = pageOfDecisions(review?.decisions ?? [], query);
      // Only the units on this page are asked for their rows.
      const { value: rows, readAt: rowsReadAt } = await services.reads.flaggedRows(params.year, [
        ...new Set(shown.decisions.map((d) => d.unitCode)),
      ]);
      const operator = principal !== null && rules.operator.admits(principal);
      const canDecide = operator && !status.feedbackSent && catalogue !== null;
      const render = () => {
        const view: ReviewView = {
          year: params.year,
          lang: langOf(c),
          canDecide,
          resources,
          byId: new Map(resources.map((r) => [r.id, r])),
          loads: resourceLoads(resources, review),
          demands: new Map(
            rows.map(({ unitCode, item }) => [demandKey({ unitCode, demandId: item.id }), item]),
          ),
          csrf: csrfField(c, services),
          filter: { ...query, page: shown.page },
        };
        const body = !catalogue
          ? html`<section class="card"><p>${t(
              '本年度活动启动时未配置服务资源目录，无法生成匹配建议；可用 wlx matching record 手工记录匹配。',
              'This year’s campaign was started without a resource catalogue: no proposal can be made; record matches by hand with wlx matching record.',
            )}</p></section>`
          : html`${status.feedbackSent ? html`<div class="notice">${t('匹配反馈已发出，审核已结束。', 'Matching feedback has gone out; the review is closed.')}</div>` : ''}
          ${review ? reviewBody(view, review, shown, unitNames) : html`<section class="card"><p>${t('尚无匹配建议。', 'No proposal yet.')}</p>${proposeCard(view, null)}</section>`}`;
        const catalogueLink =
          operator && catalogue
            ? html`<p><a href="/campaigns/${params.year}/matching/catalogue">${t('服务资源目录与剩余容量', 'Resource catalogue and remaining capacity')}</a></p>`
            : '';
        return html`<div class="matching">${asOf(readAt)}${catalogueLink}${body}</div>`;
      };
      // The same read, language, filter and right to decide: the same body, whoever reads it.
      const key = `${params.year}/matching/${langOf(c)}/${operator}/${canDecide}/${JSON.stringify(query)}`;
      return renderPage(c, services, {
        title: [`${params.year} 年需求匹配审核`, `Matching review ${params.year}`],
        year: params.year,
        body: await keptBody(c, services, key, `${readAt}/${rowsReadAt}`, render),
      });
    },
  }),
  ...massStepPages,
  ...reviewActionPages,
];
