// How long the matching proposal takes at campaign scale and beyond, and what it buys over a plain greedy:
// a seeded instance (5,000 flagged demands x 500 resources by default), the whole proposal (scoring, the
// fairness floors, the min-cost flow, the explanations) several times, against a greedy that shares the
// scoring. Then the same proposal with wide weights (pair scores up to about 10^6) and the ratio of the medians;
// the solver alone on the instance's pairs with random scores 1..10^6 (bypassing scoring.ts, whose weights give
// at most 176 distinct scores) against the solver alone on the default scores; and the dense 50,000 x 2,000
// instance (every pair allowed): its outcome, time and peak RSS.
// Prints medians, peak memory and summary lines.
//   npx tsx bench/matching.bench.ts [--runs N] [--demands N] [--resources N] [--seed N] [--no-dense]
//   (npm run bench:matching)
import { parseArgs } from 'node:util';
import { buildInstance } from '../domain/matching/instance.ts';
import { proposeMatches } from '../domain/matching/proposal.ts';
import type { ScoreWeights } from '../domain/matching/scoring.ts';
import { solveMatching } from '../domain/matching/solver/optimiser.ts';
import { greedyAssignment } from './matchingGreedy.ts';
import { matchingInstance } from './matchingInstance.ts';
import { withRandomScores } from './matchingScores.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    demands: { type: 'string', default: '5000' },
    resources: { type: 'string', default: '500' },
    seed: { type: 'string', default: '2022' },
    'no-dense': { type: 'boolean', default: false },
  },
});
function positive(name: keyof typeof values): number {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--${name} takes a positive whole number, not "${values[name]}"`);
  return n;
}
const runs = positive('runs');
const instance = matchingInstance(positive('demands'), positive('resources'), positive('seed'));
const input = { catalogue: instance.catalogue, demands: instance.demands, pairings: instance.pairings };

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const rssBefore = process.memoryUsage().rss;
let heapPeak = 0;

function timed<T>(run: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = run();
  const ms = performance.now() - start;
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  return { ms, result };
}

// Wide weights: unequal primes, so that pair scores (up to about 10^6) and path costs take many distinct values.
const wide: ScoreWeights = {
  category: 1,
  keyTask: 400_009,
  paired: 250_013,
  localRegion: 150_001,
  nationalRegion: 20_011,
  form: 99_991,
  keywordHit: 9_973,
  keywordHitsCounted: 10,
};
const proposalMs: number[] = [];
const wideMs: number[] = [];
const greedyMs: number[] = [];
let proposal = proposeMatches(input);
let greedy = greedyAssignment(buildInstance(input).problem);
for (let i = 0; i < runs; i++) {
  const p = timed(() => proposeMatches(input));
  const g = timed(() => greedyAssignment(buildInstance(input).problem));
  // Interleaved with the default weights' runs, so that a change of load on a shared machine hits both.
  const w = timed(() => proposeMatches({ ...input, weights: wide }));
  proposalMs.push(p.ms);
  greedyMs.push(g.ms);
  wideMs.push(w.ms);
  proposal = p.result;
  greedy = g.result;
  console.log(
    `run ${i + 1}: proposal ${p.ms.toFixed(0)} ms, greedy ${g.ms.toFixed(0)} ms, wide weights ${w.ms.toFixed(0)} ms`,
  );
}

const matched = proposal.matches.length;
const greedyMatched = greedy.assignment.filter((r) => r >= 0).length;
// The greedy's worst unit coverage, against the same servable counts the fairness rule uses.
const built = buildInstance(input);
const greedyByUnit = new Int32Array(built.unitCodes.length);
greedy.assignment.forEach((r, d) => {
  const unit = built.problem.unitOf[d] as number;
  if (r >= 0) greedyByUnit[unit] = (greedyByUnit[unit] as number) + 1;
});
const greedyWorst = Math.min(
  ...proposal.units.flatMap((u, i) => (u.servable > 0 ? [(greedyByUnit[i] as number) / u.servable] : [])),
);
const capacity = instance.catalogue.resources.reduce((n, r) => n + r.capacity, 0);
const worst = proposal.worstShare;
const rssPeak = process.resourceUsage().maxRSS * 1024;
console.log(
  `instance: ${instance.demands.length} demands, ${instance.catalogue.resources.length} resources ` +
    `(capacity ${capacity}), ${proposal.units.length} units`,
);
console.log(
  `proposal: ${matched} matched, ${proposal.unmatched.length} unmatched, total score ${proposal.totalScore}, ` +
    `worst unit coverage ${worst ? (worst.numerator / worst.denominator).toFixed(3) : 'n/a'}; ` +
    `greedy: ${greedyMatched} matched, total score ${greedy.totalScore}, worst unit coverage ${greedyWorst.toFixed(3)}`,
);
console.log(
  `matching: median ${median(proposalMs).toFixed(0)} ms (greedy ${median(greedyMs).toFixed(0)} ms, ` +
    `time ratio ${(median(proposalMs) / median(greedyMs)).toFixed(2)}), score ratio ${(proposal.totalScore / greedy.totalScore).toFixed(4)}, ` +
    `peak RSS ${mb(rssPeak)} MB (${mb(rssBefore)} MB before), heap used after a run at most ${mb(heapPeak)} MB, ${runs} runs`,
);

console.log(
  `wide weights (pair scores up to ${(400_009 + 250_013 + 150_001 + 99_991 + 1 + 10 * 9_973).toLocaleString('en')}): ` +
    `median ${median(wideMs).toFixed(0)} ms, ratio to the default weights ${(median(wideMs) / median(proposalMs)).toFixed(2)}`,
);

// The solver alone, so that the score range is all that differs: the same pairs, scores as scored or random.
const random = withRandomScores(built.problem, 1_000_000, positive('seed'));
const solverMs: number[] = [];
const randomMs: number[] = [];
for (let i = 0; i < runs; i++) {
  solverMs.push(timed(() => solveMatching(built.problem)).ms);
  randomMs.push(timed(() => solveMatching(random)).ms);
}
console.log(
  `solver alone, random scores 1..1,000,000: median ${median(randomMs).toFixed(0)} ms; default weights' scores: ` +
    `median ${median(solverMs).toFixed(0)} ms; ratio ${(median(randomMs) / median(solverMs)).toFixed(2)}`,
);

if (!values['no-dense']) {
  // Last: its peak RSS is the process's from here on (the instance above stays far below it).
  const dense = matchingInstance(50_000, 2_000, positive('seed'), true);
  const start = performance.now();
  let outcome: string;
  try {
    const p = proposeMatches({
      catalogue: dense.catalogue,
      demands: dense.demands,
      pairings: dense.pairings,
    });
    outcome = `completed, ${p.matches.length} matched`;
  } catch (error) {
    outcome = `refused: ${(error as Error).message}`;
  }
  console.log(
    `dense 50,000 x 2,000: ${outcome} (${(performance.now() - start).toFixed(0)} ms), ` +
      `peak RSS of the process ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
  );
}
