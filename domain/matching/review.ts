// The operator's review of a matching proposal (匹配建议审核): each flagged demand starts as the optimiser
// proposed it, and operators accept, override or reject it, then confirm. Only a confirmed review's matches
// go out as feedback. Pure: the campaign workflow holds the review and applies the actions here.
import { z } from 'zod';
import type { Bilingual } from '../labels.ts';
import { lazySchema } from '../lazySchema.ts';
import { unitCodeSchema } from '../registry.ts';
import { InvalidInputError } from '../validation.ts';
import { conflictsWith, type ResourceCatalogue } from './catalogue.ts';
import type { RecordMatches } from './decisions.ts';
import type { PairingProposal } from './pairing.ts';
import type { MatchingProposal, ProposedMatch } from './proposal.ts';

const by = lazySchema(() =>
  z.string().trim().min(1, 'who decides: an operator name, e.g. --by 张伟').max(100),
);
const demandRef = lazySchema(() => z.object({ unitCode: unitCodeSchema, demandId: z.string().min(1) }));

export const reviewActionSchema = lazySchema(() =>
  z.discriminatedUnion('action', [
    /** Accept the proposed resource of the listed demands, or of every demand still only proposed. */
    z.object({ action: z.literal('accept'), by, demands: z.array(demandRef).optional() }),
    z.object({
      action: z.literal('override'),
      by,
      ...demandRef.shape,
      resourceId: z.string().min(1),
      note: z.string().trim().max(500).optional(),
    }),
    z.object({
      action: z.literal('reject'),
      by,
      ...demandRef.shape,
      reason: z.string().trim().min(1, 'say why, for the unit and the record').max(500),
    }),
    /** Accept the proposed one-to-one partner of the listed units, or of every unit still only proposed. */
    z.object({ action: z.literal('acceptPairings'), by, units: z.array(unitCodeSchema).optional() }),
    z.object({
      action: z.literal('overridePairing'),
      by,
      unitCode: unitCodeSchema,
      resourceId: z.string().min(1),
    }),
    z.object({
      action: z.literal('rejectPairing'),
      by,
      unitCode: unitCodeSchema,
      reason: z.string().trim().min(1, 'say why, for the record').max(500),
    }),
    z.object({ action: z.literal('confirm'), by }),
  ]),
);
export type ReviewAction = z.infer<typeof reviewActionSchema>;

/** A proposal as the campaign keeps it: score breakdowns stay out, to keep the payload small. */
export type ProposalForReview = Omit<MatchingProposal, 'matches'> & {
  matches: Omit<ProposedMatch, 'breakdown'>[];
  /** Absent in proposals recorded before pairings were reviewed. */
  pairingProposal?: PairingProposal;
};

export function forReview(proposal: MatchingProposal, pairingProposal?: PairingProposal): ProposalForReview {
  return {
    ...proposal,
    matches: proposal.matches.map(({ breakdown: _, ...m }) => m),
    ...(pairingProposal && { pairingProposal }),
  };
}

export const proposeMatchingSchema = lazySchema(() => z.object({ by }));
export type ProposeMatching = z.infer<typeof proposeMatchingSchema>;

/** Who did what when: an ISO instant and an operator (or "system" for the campaign's own proposal). */
export interface Stamp {
  by: string;
  at: string;
}

export interface MatchDecision {
  unitCode: string;
  demandId: string;
  status: 'proposed' | 'accepted' | 'overridden' | 'rejected';
  /** The resource the demand goes to if confirmed; null when rejected or nobody could take it. */
  resourceId: string | null;
  proposedResourceId: string | null;
  /** Best other resources, best first, as the optimiser ranked them. */
  alternates: string[];
  reason: Bilingual;
  note?: string;
  rejectedBecause?: string;
  decided?: Stamp;
}

/** A province's one-to-one partner (一对一对口), reviewed like a match. */
export interface PairingDecision {
  unitCode: string;
  status: MatchDecision['status'];
  resourceId: string | null;
  proposedResourceId: string | null;
  /** The registry's pairing before this proposal, if any. */
  previousResourceId?: string;
  reason: Bilingual;
  rejectedBecause?: string;
  decided?: Stamp;
}

export interface MatchingReview {
  proposed: Stamp;
  totalScore: number;
  decisions: MatchDecision[];
  pairings: PairingDecision[];
  /** Most units one resource may partner, as the pairing proposal balanced them. */
  pairingMaxLoad: number;
  /** Set by confirm; any later change clears it, so what goes out is always what was last confirmed. */
  confirmed: Stamp | null;
}

/** One flagged demand across the campaign: demand ids are unique within a unit only. */
export const demandKey = (d: { unitCode: string; demandId: string }) => `${d.unitCode}/${d.demandId}`;

/**
 * A review of a new proposal. On a re-run the operators' own decisions (accepted, overridden, rejected) are
 * kept for demands still flagged; the rest take the new proposal.
 */
export function startReview(
  proposal: ProposalForReview,
  stamp: Stamp,
  previous: MatchingReview | null,
): MatchingReview {
  const kept = new Map(
    (previous?.decisions ?? []).filter((d) => d.status !== 'proposed').map((d) => [demandKey(d), d] as const),
  );
  const fresh: MatchDecision[] = [
    ...proposal.matches.map((m) => ({
      unitCode: m.unitCode,
      demandId: m.demandId,
      status: 'proposed' as const,
      resourceId: m.resourceId,
      proposedResourceId: m.resourceId,
      alternates: m.alternates.map((a) => a.resourceId),
      reason: m.reason,
    })),
    ...proposal.unmatched.map((u) => ({
      unitCode: u.unitCode,
      demandId: u.demandId,
      status: 'proposed' as const,
      resourceId: null,
      proposedResourceId: null,
      alternates: u.alternates.map((a) => a.resourceId),
      reason: u.reason,
    })),
  ].sort((a, b) => (demandKey(a) < demandKey(b) ? -1 : demandKey(a) > demandKey(b) ? 1 : 0));
  const keptPairings = new Map(
    (previous?.pairings ?? []).filter((p) => p.status !== 'proposed').map((p) => [p.unitCode, p] as const),
  );
  const pairing = proposal.pairingProposal;
  const freshPairings: PairingDecision[] = [
    ...(pairing?.pairings ?? []).map((p) => ({
      unitCode: p.unitCode,
      status: 'proposed' as const,
      resourceId: p.resourceId,
      proposedResourceId: p.resourceId,
      ...(p.previousResourceId && { previousResourceId: p.previousResourceId }),
      reason: p.reason,
    })),
    ...(pairing?.unpaired ?? []).map((u) => ({
      unitCode: u.unitCode,
      status: 'proposed' as const,
      resourceId: null,
      proposedResourceId: null,
      reason: u.reason,
    })),
  ].sort((a, b) => (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0));
  return {
    proposed: stamp,
    totalScore: proposal.totalScore,
    decisions: fresh.map((d) => kept.get(demandKey(d)) ?? d),
    pairings: freshPairings.map((p) => keptPairings.get(p.unitCode) ?? p),
    pairingMaxLoad: pairing?.maxLoad ?? 0,
    confirmed: null,
  };
}

/** Applies one operator action; throws InvalidInputError naming the field when it cannot apply. */
export function applyReviewAction(
  review: MatchingReview,
  action: ReviewAction,
  catalogue: ResourceCatalogue,
  at: string,
): MatchingReview {
  const decided = { by: action.by, at };
  if (action.action === 'confirm') return { ...review, confirmed: decided };
  const change = (target: (d: MatchDecision) => boolean, to: (d: MatchDecision) => MatchDecision) => ({
    ...review,
    decisions: review.decisions.map((d) => (target(d) ? to(d) : d)),
    confirmed: null,
  });
  if (
    action.action === 'acceptPairings' ||
    action.action === 'overridePairing' ||
    action.action === 'rejectPairing'
  ) {
    return { ...review, pairings: reviewPairing(review, action, catalogue, decided), confirmed: null };
  }
  if (action.action === 'accept') {
    const listed = action.demands && new Set(action.demands.map(demandKey));
    for (const [i, d] of (action.demands ?? []).entries()) findDecision(review, d, `demands[${i}]`);
    return change(
      (d) => (listed ? listed.has(demandKey(d)) : d.status === 'proposed') && d.resourceId !== null,
      (d) => ({ ...d, status: 'accepted', decided }),
    );
  }
  const decision = findDecision(review, action, 'demandId');
  if (action.action === 'reject') {
    return change(
      (d) => d === decision,
      (d) => ({ ...d, status: 'rejected', resourceId: null, rejectedBecause: action.reason, decided }),
    );
  }
  checkOverride(review, decision, action.resourceId, catalogue);
  return change(
    (d) => d === decision,
    (d) => ({
      ...d,
      status: 'overridden',
      resourceId: action.resourceId,
      ...(action.note && { note: action.note }),
      decided,
    }),
  );
}

function findDecision(
  review: MatchingReview,
  d: { unitCode: string; demandId: string },
  path: string,
): MatchDecision {
  const found = review.decisions.find((x) => demandKey(x) === demandKey(d));
  if (!found) {
    throw new InvalidInputError('matching review', [
      { path, message: `unit ${d.unitCode} has no flagged demand "${d.demandId}" in the proposal` },
    ]);
  }
  return found;
}

/** The new resource exists, may serve the unit, and has room once this demand leaves its old resource. */
function checkOverride(
  review: MatchingReview,
  decision: MatchDecision,
  resourceId: string,
  catalogue: ResourceCatalogue,
): void {
  const found = catalogue.resources.find((r) => r.id === resourceId);
  const fail = (message: string): never => {
    throw new InvalidInputError('matching review', [{ path: 'resourceId', message }]);
  };
  const resource = found ?? fail(`unknown resource "${resourceId}"; see the resource catalogue`);
  if (conflictsWith(resource, decision.unitCode)) {
    fail(
      `${resource.nameZh} (${resourceId}) may not serve unit ${decision.unitCode}: a conflict of interest`,
    );
  }
  const load = review.decisions.filter((d) => d !== decision && d.resourceId === resourceId).length;
  if (load >= resource.capacity) {
    fail(`${resource.nameZh} (${resourceId}) is full: ${load}/${resource.capacity} demands this year`);
  }
}

type PairingAction = Extract<
  ReviewAction,
  { action: 'acceptPairings' | 'overridePairing' | 'rejectPairing' }
>;

function reviewPairing(
  review: MatchingReview,
  action: PairingAction,
  catalogue: ResourceCatalogue,
  decided: Stamp,
): PairingDecision[] {
  const find = (unitCode: string, path: string) => {
    const found = review.pairings.find((p) => p.unitCode === unitCode);
    if (!found) {
      throw new InvalidInputError('matching review', [
        { path, message: `unit ${unitCode} has no one-to-one pairing in the proposal` },
      ]);
    }
    return found;
  };
  if (action.action === 'acceptPairings') {
    for (const [i, code] of (action.units ?? []).entries()) find(code, `units[${i}]`);
    const listed = action.units && new Set(action.units);
    return review.pairings.map((p) =>
      (listed ? listed.has(p.unitCode) : p.status === 'proposed') && p.resourceId !== null
        ? { ...p, status: 'accepted', decided }
        : p,
    );
  }
  const target = find(action.unitCode, 'unitCode');
  if (action.action === 'rejectPairing') {
    return review.pairings.map((p) =>
      p === target
        ? { ...p, status: 'rejected', resourceId: null, rejectedBecause: action.reason, decided }
        : p,
    );
  }
  const fail = (message: string): never => {
    throw new InvalidInputError('matching review', [{ path: 'resourceId', message }]);
  };
  const resource =
    catalogue.resources.find((r) => r.id === action.resourceId) ??
    fail(`unknown resource "${action.resourceId}"; see the resource catalogue`);
  if (!resource.cnipaUnit)
    fail(`${resource.nameZh} (${resource.id}) is not part of CNIPA: only CNIPA units pair one-to-one`);
  if (conflictsWith(resource, target.unitCode)) {
    fail(`${resource.nameZh} (${resource.id}) may not serve unit ${target.unitCode}: a conflict of interest`);
  }
  const load = review.pairings.filter((p) => p !== target && p.resourceId === resource.id).length;
  if (load >= review.pairingMaxLoad) {
    fail(
      `${resource.nameZh} (${resource.id}) already partners ${load} units, the most one resource takes (${review.pairingMaxLoad})`,
    );
  }
  return review.pairings.map((p) =>
    p === target ? { ...p, status: 'overridden', resourceId: resource.id, decided } : p,
  );
}

/** The one-to-one pairings a confirmed review sends out: accepted and overridden ones. */
export function confirmedPairings(review: MatchingReview): RecordMatches['pairings'] {
  if (!review.confirmed) return [];
  return (review.pairings ?? []).flatMap((p) =>
    p.resourceId === null || p.status === 'proposed'
      ? []
      : [{ unitCode: p.unitCode, resourceId: p.resourceId }],
  );
}

/** What a confirmed review sends out: every demand with a resource, with the operator's note. */
export function confirmedMatches(review: MatchingReview): RecordMatches['matches'] {
  if (!review.confirmed) return [];
  return review.decisions.flatMap((d) =>
    d.resourceId === null || d.status === 'proposed'
      ? []
      : [
          {
            unitCode: d.unitCode,
            demandId: d.demandId,
            resourceId: d.resourceId,
            ...(d.note && { note: d.note }),
          },
        ],
  );
}
