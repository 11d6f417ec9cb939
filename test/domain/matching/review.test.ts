// The review's rules on the shipped catalogue: what an operator may do to a proposal and what goes out.
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../../domain/defaultCatalogue.ts';
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import { proposePairings } from '../../../domain/matching/pairing.ts';
import { proposeMatches } from '../../../domain/matching/proposal.ts';
import {
  applyReviewAction,
  confirmedMatches,
  confirmedPairings,
  forReview,
  type MatchingReview,
  type ReviewAction,
  startReview,
} from '../../../domain/matching/review.ts';
import type { UnitDemand } from '../../../domain/matching/scoring.ts';
import { InvalidInputError } from '../../../domain/validation.ts';
import { sampleDemandList } from '../../support/samples.ts';

const registry = defaultRegistry();
const catalogue = defaultCatalogue(registry);
const template = sampleDemandList().items[0] as UnitDemand['item'];
const demand = (unitCode: string, id: string): UnitDemand => ({ unitCode, item: { ...template, id } });
const demands = [demand('11', 'A'), demand('12', 'B'), demand('13', 'C')];
const proposal = () => forReview(proposeMatches({ catalogue, demands, pairings: [] }));
const at = '2027-05-21T04:00:00.000Z';
const act = (review: MatchingReview, action: ReviewAction) =>
  applyReviewAction(review, action, catalogue, at);

function issue(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  }
  throw new Error('expected the action to be refused');
}

describe('the matching review', () => {
  const fresh = startReview(proposal(), { by: 'system', at }, null);

  it('starts with every flagged demand proposed, and sends nothing until confirmed', () => {
    expect(fresh.decisions.map((d) => [d.unitCode, d.demandId, d.status])).toEqual([
      ['11', 'A', 'proposed'],
      ['12', 'B', 'proposed'],
      ['13', 'C', 'proposed'],
    ]);
    expect(confirmedMatches(act(fresh, { action: 'accept', by: '张伟' }))).toEqual([]);
  });

  it('sends the accepted and overridden matches once confirmed, never the rejected or merely proposed', () => {
    let review = act(fresh, { action: 'accept', by: '张伟', demands: [{ unitCode: '11', demandId: 'A' }] });
    const alternate = fresh.decisions[1]?.alternates[0] as string;
    review = act(review, {
      action: 'override',
      by: '李娜',
      unitCode: '12',
      demandId: 'B',
      resourceId: alternate,
    });
    review = act(review, { action: 'confirm', by: '张伟' });
    expect(confirmedMatches(review)).toEqual([
      { unitCode: '11', demandId: 'A', resourceId: fresh.decisions[0]?.resourceId },
      { unitCode: '12', demandId: 'B', resourceId: alternate },
    ]);
    expect(review.decisions[1]?.decided).toEqual({ by: '李娜', at });

    const changed = act(review, {
      action: 'reject',
      by: '李娜',
      unitCode: '11',
      demandId: 'A',
      reason: '重复',
    });
    expect(changed.confirmed).toBeNull();
    expect(confirmedMatches(act(changed, { action: 'confirm', by: '张伟' }))).toHaveLength(1);
  });

  it('refuses an override to an unknown, conflicted or full resource, naming resourceId', () => {
    const override = (resourceId: string, unitCode = '12', demandId = 'B') =>
      issue(() => act(fresh, { action: 'override', by: '李娜', unitCode, demandId, resourceId }));
    expect(override('no-such-resource')).toMatch(/^resourceId: unknown resource "no-such-resource"/);
    expect(override('ctex', '11', 'A')).toMatch(/^resourceId: .*\(ctex\) may not serve unit 11/);
    const tiny = {
      resources: catalogue.resources.map((r) => ({ ...r, capacity: r.id === 'ctex' ? 0 : r.capacity })),
    };
    expect(
      issue(() =>
        applyReviewAction(
          fresh,
          { action: 'override', by: '李娜', unitCode: '12', demandId: 'B', resourceId: 'ctex' },
          tiny,
          at,
        ),
      ),
    ).toMatch(/^resourceId: .*\(ctex\) is full: 0\/0/);
  });

  it('names the demand an action points at when the proposal has no such demand', () => {
    expect(
      issue(() =>
        act(fresh, { action: 'accept', by: '张伟', demands: [{ unitCode: '11', demandId: 'ZZ' }] }),
      ),
    ).toBe('demands[0]: unit 11 has no flagged demand "ZZ" in the proposal');
  });

  it('keeps the operators’ decisions across a re-run, for the demands still flagged', () => {
    const decided = act(fresh, {
      action: 'reject',
      by: '李娜',
      unitCode: '13',
      demandId: 'C',
      reason: '不明确',
    });
    const rerun = startReview(
      forReview(proposeMatches({ catalogue, demands: [...demands, demand('14', 'D')], pairings: [] })),
      { by: '张伟', at },
      decided,
    );
    expect(rerun.decisions.map((d) => `${d.unitCode}/${d.demandId}:${d.status}`)).toEqual([
      '11/A:proposed',
      '12/B:proposed',
      '13/C:rejected',
      '14/D:proposed',
    ]);
    expect(rerun.proposed.by).toBe('张伟');
  });

  it('reviews the one-to-one pairing the same way: accept, override within the load, reject, confirm', () => {
    const scoped = { ...registry, units: registry.units.filter((u) => ['11', '12', '13'].includes(u.code)) };
    const pairing = proposePairings({ registry: scoped, catalogue, demands });
    const review = startReview(
      forReview(proposeMatches({ catalogue, demands, pairings: [] }), pairing),
      { by: 'system', at },
      null,
    );
    expect(review.pairings.map((p) => p.unitCode)).toEqual(['11', '12', '13']);
    expect(review.pairingMaxLoad).toBe(pairing.maxLoad);

    const cnipaOther = catalogue.resources.find(
      (r) =>
        r.cnipaUnit &&
        r.id !== review.pairings[1]?.resourceId &&
        !review.pairings.some((p) => p.resourceId === r.id),
    )?.id as string;
    expect(
      issue(() => act(review, { action: 'overridePairing', by: '李娜', unitCode: '12', resourceId: 'ctex' })),
    ).toMatch(/^resourceId: .*\(ctex\) is not part of CNIPA/);
    let next = act(review, { action: 'acceptPairings', by: '张伟', units: ['11'] });
    next = act(next, { action: 'overridePairing', by: '李娜', unitCode: '12', resourceId: cnipaOther });
    next = act(next, { action: 'rejectPairing', by: '李娜', unitCode: '13', reason: '本年度暂不对口' });
    expect(confirmedPairings(next)).toEqual([]);
    next = act(next, { action: 'confirm', by: '张伟' });
    expect(confirmedPairings(next)).toEqual([
      { unitCode: '11', resourceId: review.pairings[0]?.resourceId },
      { unitCode: '12', resourceId: cnipaOther },
    ]);
    expect(issue(() => act(review, { action: 'acceptPairings', by: '张伟', units: ['99'] }))).toBe(
      'units[0]: unit 99 has no one-to-one pairing in the proposal',
    );
  });
});
