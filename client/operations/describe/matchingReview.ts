// A matching review as an operator reads it: the words for each decision's status and the counts, shared
// by the terminal's rows here and the web's review page.
import type { Bilingual } from '../../../domain/labels.ts';
import type { ResourceCatalogue } from '../../../domain/matching/catalogue.ts';
import type { MatchingReview } from '../../../domain/matching/review.ts';
import {
  type DecisionStatus,
  glanceOf,
  type ReviewGlance,
  reviewCounts,
} from '../../../domain/matching/reviewDigest.ts';
import type { DecisionPage } from '../../../domain/matching/reviewPage.ts';
import type { CampaignStatus } from '../../../workflows/shared/status.ts';

/** How the review stands, from the campaign's status alone (no read of the stored review); null before one. */
export function reviewGlance(
  status: Pick<CampaignStatus, 'matchingReview' | 'reviewDigest'>,
): ReviewGlance | null {
  if (status.matchingReview) return glanceOf(status.matchingReview);
  return status.reviewDigest ?? null;
}

export const statusLabels: Record<DecisionStatus, Bilingual> = {
  proposed: { zh: '建议', en: 'proposed' },
  accepted: { zh: '接受', en: 'accepted' },
  overridden: { zh: '调整', en: 'overridden' },
  rejected: { zh: '退回', en: 'rejected' },
};

const statusText = (status: DecisionStatus) => `${statusLabels[status].zh} ${statusLabels[status].en}`;

/** Resource id → Chinese name, from the campaign's catalogue (an empty map without one). */
export function resourceNames(catalogue: ResourceCatalogue | null): Map<string, string> {
  return new Map((catalogue?.resources ?? []).map((r) => [r.id, r.nameZh]));
}

export function reviewRows(review: MatchingReview, names: ReadonlyMap<string, string>): string[][] {
  const name = (id: string | null) => (id === null ? '—' : `${names.get(id) ?? id} (${id})`);
  return review.decisions.map((d) => [
    `${d.unitCode}/${d.demandId}`,
    statusText(d.status),
    name(d.resourceId),
    d.status === 'rejected' ? (d.rejectedBecause ?? '') : d.reason.zh,
    d.alternates.join(', '),
    d.decided ? `${d.decided.by} ${d.decided.at.slice(0, 16)}` : '',
  ]);
}

export function pairingRows(review: MatchingReview, names: ReadonlyMap<string, string>): string[][] {
  const name = (id: string | null | undefined) => (id ? `${names.get(id) ?? id} (${id})` : '—');
  return review.pairings.map((p) => [
    p.unitCode,
    statusText(p.status),
    name(p.resourceId),
    name(p.previousResourceId),
    p.status === 'rejected' ? (p.rejectedBecause ?? '') : p.reason.zh,
    p.decided ? `${p.decided.by} ${p.decided.at.slice(0, 16)}` : '',
  ]);
}

export const pairingHeader = [
  '单位 unit',
  '状态 status',
  '对口 partner',
  '原对口 before',
  '理由 reason',
  '决定 decided',
];

export const reviewHeader = [
  '需求 demand',
  '状态 status',
  '资源 resource',
  '理由 reason',
  '备选 alternates',
  '决定 decided',
];

export function reviewSummary(review: MatchingReview): string {
  const counts = reviewCounts(review);
  const state = review.confirmed
    ? `已确认 confirmed by ${review.confirmed.by} at ${review.confirmed.at}`
    : '未确认 not confirmed: nothing goes out until "wlx matching confirm"';
  return (
    `${review.pairings.length} pairings (${review.pairings.filter((p) => p.status !== 'proposed').length} decided); ` +
    `${review.decisions.length} demands: ${counts.accepted} accepted, ${counts.overridden} overridden, ` +
    `${counts.rejected} rejected, ${counts.proposed} still only proposed; proposed by ${review.proposed.by} ` +
    `at ${review.proposed.at}\n${state}`
  );
}

/** Where a page of the review's demands is: "第 2 / 13 页 · 第 101–200 项，共 1234 项". */
export function pageWords(shown: DecisionPage): Bilingual {
  if (!shown.matching) return { zh: '没有符合条件的需求', en: 'no demand matches the filter' };
  const last = shown.from + shown.decisions.length - 1;
  return {
    zh: `第 ${shown.page} / ${shown.pages} 页 · 第 ${shown.from}–${last} 项，共 ${shown.matching} 项`,
    en: `page ${shown.page} of ${shown.pages} · ${shown.from}–${last} of ${shown.matching}`,
  };
}

/** A page's place without its demands, for --json. */
export const pageFacts = ({ decisions: _, ...facts }: DecisionPage) => facts;
