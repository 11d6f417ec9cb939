// A matching review as an operator reads it in a terminal: one row per flagged demand, then where it stands.
import type { MatchingReview } from '../../domain/matching/review.ts';

const statusLabels = {
  proposed: '建议 proposed',
  accepted: '接受 accepted',
  overridden: '调整 overridden',
  rejected: '退回 rejected',
} as const;

export function reviewRows(review: MatchingReview, names: ReadonlyMap<string, string>): string[][] {
  const name = (id: string | null) => (id === null ? '—' : `${names.get(id) ?? id} (${id})`);
  return review.decisions.map((d) => [
    `${d.unitCode}/${d.demandId}`,
    statusLabels[d.status],
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
    statusLabels[p.status],
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
  const count = (status: keyof typeof statusLabels) =>
    review.decisions.filter((d) => d.status === status).length;
  const state = review.confirmed
    ? `已确认 confirmed by ${review.confirmed.by} at ${review.confirmed.at}`
    : '未确认 not confirmed: nothing goes out until "wlx matching confirm"';
  return (
    `${review.pairings.length} pairings (${review.pairings.filter((p) => p.status !== 'proposed').length} decided); ` +
    `${review.decisions.length} demands: ${count('accepted')} accepted, ${count('overridden')} overridden, ` +
    `${count('rejected')} rejected, ${count('proposed')} still only proposed; proposed by ${review.proposed.by} ` +
    `at ${review.proposed.at}\n${state}`
  );
}
