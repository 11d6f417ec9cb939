// What the review leaves of each resource: the demands it goes to as the review stands, rejected ones not.
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../../domain/defaultCatalogue.ts';
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import { resourceLoads } from '../../../domain/matching/resourceLoads.ts';
import type { MatchDecision } from '../../../domain/matching/review.ts';

const [first, second] = defaultCatalogue(defaultRegistry()).resources;

function decision(resourceId: string | null, status: MatchDecision['status']): MatchDecision {
  return {
    unitCode: '11',
    demandId: `D-${Math.random()}`,
    status,
    resourceId,
    proposedResourceId: resourceId,
    alternates: [],
    reason: { zh: '', en: '' },
  };
}

describe('resourceLoads', () => {
  it('counts proposed, accepted and overridden demands, never rejected ones, and floors at 0', () => {
    if (!first || !second) throw new Error('the shipped catalogue has resources');
    const full = Array.from({ length: second.capacity + 1 }, () => decision(second.id, 'overridden'));
    const loads = resourceLoads([first, second], {
      decisions: [
        decision(first.id, 'proposed'),
        decision(first.id, 'accepted'),
        decision(null, 'rejected'),
        ...full,
      ],
    });
    expect(loads.get(first.id)).toEqual({ used: 2, capacity: first.capacity, remaining: first.capacity - 2 });
    expect(loads.get(second.id)).toEqual({
      used: second.capacity + 1,
      capacity: second.capacity,
      remaining: 0,
    });
    expect(resourceLoads([first], null).get(first.id)?.remaining).toBe(first.capacity);
  });
});
