import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minCostMaxFlow } from '../../../../domain/matching/solver/costScaling.ts';
import { FlowNetwork } from '../../../../domain/matching/solver/flowNetwork.ts';
import { solveMatching } from '../../../../domain/matching/solver/optimiser.ts';
import { smallProblemScored } from '../arbitraries.ts';
import { bruteForce } from '../bruteForce.ts';
import { type Arc, cheapestMaximumFlow } from './shortestPaths.ts';

/**
 * Up to 7 nodes, s = 0 and t the last; `acyclic`: arcs only from lower to higher nodes. Costs are wide (up to
 * 10^6) or narrow (up to 5, where near-optimal flows abound and only an exact solver gets every one right).
 */
const network = (acyclic: boolean, signed: boolean) =>
  fc
    .record({ nodes: fc.integer({ min: 2, max: 7 }), highest: fc.constantFrom(5, 1_000_000) })
    .chain(({ nodes, highest }) =>
      fc.record({
        nodes: fc.constant(nodes),
        arcs: fc.array(
          fc
            .record({
              from: fc.integer({ min: 0, max: nodes - 1 }),
              to: fc.integer({ min: 0, max: nodes - 1 }),
              capacity: fc.integer({ min: 0, max: 4 }),
              cost: fc.integer({ min: signed ? -highest : 0, max: highest }),
            })
            .filter((a) => (acyclic ? a.from < a.to : a.from !== a.to)),
          { maxLength: 16 },
        ),
      }),
    );

function solved(nodes: number, arcs: readonly Arc[]) {
  const net = new FlowNetwork(nodes, arcs.length);
  for (const a of arcs) net.addEdge(a.from, a.to, a.capacity, a.cost);
  const result = minCostMaxFlow(net, 0, nodes - 1);
  return { ...result, net };
}

describe('the cost-scaling min-cost flow against successive shortest paths (costs up to 10^6)', () => {
  it('finds the same maximum flow and cost on acyclic networks with costs of either sign', () => {
    fc.assert(
      fc.property(network(true, true), ({ nodes, arcs }) => {
        const { flow, cost } = solved(nodes, arcs);
        expect({ flow, cost }).toEqual(cheapestMaximumFlow(nodes, arcs, 0, nodes - 1));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same maximum flow and cost on networks with cycles and non-negative costs', () => {
    fc.assert(
      fc.property(network(false, false), ({ nodes, arcs }) => {
        const { flow, cost } = solved(nodes, arcs);
        expect({ flow, cost }).toEqual(cheapestMaximumFlow(nodes, arcs, 0, nodes - 1));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps every capacity and balances every node but the source and the sink', () => {
    fc.assert(
      fc.property(network(false, true), ({ nodes, arcs }) => {
        const { flow, net } = solved(nodes, arcs);
        const balance = new Array<number>(nodes).fill(0);
        arcs.forEach((a, i) => {
          const f = net.flowOn(2 * i);
          expect(f).toBeGreaterThanOrEqual(0);
          expect(f).toBeLessThanOrEqual(a.capacity);
          balance[a.from] = (balance[a.from] as number) - f;
          balance[a.to] = (balance[a.to] as number) + f;
        });
        expect(balance.slice(1, -1).every((b) => b === 0)).toBe(true);
        expect(balance[nodes - 1]).toBe(flow);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the optimiser with scores up to 10^6', () => {
  it('reaches the brute-force best total score for the leximin counts', () => {
    fc.assert(
      fc.property(smallProblemScored(1_000_000), (problem) => {
        expect(solveMatching(problem).totalScore).toBe(bruteForce(problem).totalScore);
      }),
      { numRuns: 1000 },
    );
  });
});
