// A year at real volumes on the time-skipping server: every reporting unit submits a 1,000-row demand list (a
// third flagged), has it returned and resubmits it 3 times, and records 300 activities; the campaign proposes
// matches over all flagged demands, and operators accept them all and confirm. Reports what Temporal's limits are measured against: wall time, the
// worker's peak RSS, the largest event (payload) and the largest histories, campaign and unit.
// With --campaign-history-limit the campaign continues as new past that many events, carrying the review.
//   npx tsx bench/volume.bench.ts [--units 37] [--rows 1000] [--activities 300] [--returns 3]
//                                 [--campaign-history-limit N]
//   (npm run bench:volume -- --units 5 for a quick look)
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
// Default import: the package is CommonJS, and tsx offers no named exports for it.
import proto from '@temporalio/proto';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { z } from 'zod';
import { defaultRegistry } from '../domain/defaultRegistry.ts';
import { inParallel } from '../domain/inParallel.ts';
import { reportingUnits } from '../domain/registry.ts';
import { parseInput } from '../domain/validation.ts';
import { dataConverter } from '../infra/temporal/payloadCodec.ts';
import { sampleWorkPlan } from '../test/support/samples.ts';
import { nextYear, startTestCampaign } from '../test/support/testCampaign.ts';
import {
  campaignWorkflowId,
  recordActivityUpdate,
  returnForRevisionUpdate,
  reviewMatchingUpdate,
  submitDemandListUpdate,
  submitWorkPlanUpdate,
  unitWorkflowId,
} from '../workflows/shared/messages.ts';
import { kb, mb } from './format.ts';
import { skipToNoon } from './timeSkippingServer.ts';
import { activity, demandList } from './volume/generate.ts';
import { startBenchWorker, startYearBench } from './yearBench.ts';

const count = (max: number) => z.coerce.number().int().min(0).max(max);
const options = parseInput(
  z.object({
    units: count(37).default(37),
    rows: count(5_000).default(1_000),
    activities: count(1_000).default(300),
    returns: count(10).default(3),
    'campaign-history-limit': z.coerce.number().int().min(20).optional(),
  }),
  parseArgs({
    options: {
      units: { type: 'string' },
      rows: { type: 'string' },
      activities: { type: 'string' },
      returns: { type: 'string' },
      'campaign-history-limit': { type: 'string' },
    },
  }).values,
  'options',
);

Runtime.install({ logger: new DefaultLogger('WARN') });
const registry = defaultRegistry();
const units = reportingUnits(registry).slice(0, options.units);
const { temporal } = proto;
const log = (line: string) => process.stderr.write(`${line}\n`);

const { env, sink, bundlePath, close } = await startYearBench('volume');

/** Runs `work` over `items` with at most `width` at a time, saying how far it got now and then. */
async function inParallelSaying<T>(
  what: string,
  items: T[],
  width: number,
  work: (item: T) => Promise<void>,
) {
  let done = 0;
  await inParallel(items, width, async (item) => {
    await work(item);
    done += 1;
    if (done % Math.max(1, Math.floor(items.length / 10)) === 0) log(`  ${what}: ${done}/${items.length}`);
  });
}

interface HistoryFigures {
  workflowId: string;
  events: number;
  bytes: number;
  largestEvent: { bytes: number; type: string };
  /** The run it continued as new into. */
  next?: string;
}

async function historyFigures(client: Client, workflowId: string, runId?: string): Promise<HistoryFigures> {
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  const events = (history.events ?? []).map((e) => temporal.api.history.v1.HistoryEvent.fromObject(e));
  let largestEvent = { bytes: 0, type: '' };
  let bytes = 0;
  for (const event of events) {
    const size = temporal.api.history.v1.HistoryEvent.encode(event).finish().length;
    bytes += size;
    if (size > largestEvent.bytes) {
      largestEvent = { bytes: size, type: temporal.api.enums.v1.EventType[event.eventType ?? 0] ?? '?' };
    }
  }
  const next = events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  return { workflowId, events: events.length, bytes, largestEvent, ...(next && { next }) };
}

/** Each run of a workflow that may have continued as new, from its first. */
async function runFigures(client: Client, workflowId: string, firstRunId: string): Promise<HistoryFigures[]> {
  const runs = [await historyFigures(client, workflowId, firstRunId)];
  for (let next = runs[0]?.next; next; next = runs.at(-1)?.next)
    runs.push(await historyFigures(client, workflowId, next));
  return runs;
}

try {
  const year = await nextYear(env);
  const limit = options['campaign-history-limit'];
  const skipTo = (monthDay: string) => skipToNoon(env, year, monthDay);
  console.log(
    `volume: ${units.length} units × ${options.rows} demand rows (${Math.ceil(options.rows / 3)} flagged), ` +
      `${options.returns} returns, ${options.activities} activities each; time-skipping server`,
  );
  const worker = await startBenchWorker({ env, sink, bundlePath });
  const started = process.hrtime.bigint();
  let outcome = 'completed';
  let firstRunId: string | undefined;
  try {
    const client = env.client;
    const { handle: campaign } = await startTestCampaign(client, {
      year,
      registry,
      withCatalogue: true,
      historyEventLimit: limit,
    });
    firstRunId = campaign.firstExecutionRunId;
    const unit = (code: string) => client.workflow.getHandle(unitWorkflowId(year, code));
    await skipTo('05-08');
    await inParallelSaying('plans and demand lists', units, 4, async (u) => {
      await unit(u.code).executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
      await unit(u.code).executeUpdate(submitDemandListUpdate, { args: [demandList(u.code, options.rows)] });
    });
    for (let r = 1; r <= options.returns; r += 1) {
      await inParallelSaying(`return and resubmit ${r}`, units, 4, async (u) => {
        await unit(u.code).executeUpdate(returnForRevisionUpdate, {
          args: [{ what: 'demandList', reason: `第${r}次退回：请补充联系人 / revision ${r}` }],
        });
        await unit(u.code).executeUpdate(submitDemandListUpdate, {
          args: [demandList(u.code, options.rows, r)],
        });
      });
    }
    await skipTo('05-21');
    log('  the review: operators accept the proposal made when matching opened, and confirm');
    const review = client.workflow.getHandle(campaignWorkflowId(year));
    for (const action of ['accept', 'acceptPairings', 'confirm'] as const)
      await review.executeUpdate(reviewMatchingUpdate, { args: [{ action, by: 'bench' }] });
    await skipTo('06-20');
    const records = units.flatMap((u) => Array.from({ length: options.activities }, (_, i) => ({ u, i })));
    await inParallelSaying('activity records', records, 8, async ({ u, i }) => {
      await unit(u.code).executeUpdate(recordActivityUpdate, { args: [activity(u.code, i, year)] });
    });
    log('  the rest of the year, time-skipped');
    await campaign.result();
  } catch (error) {
    outcome = `failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const memory = await worker.stop();

  // Histories past gRPC's default 4 MB are what this bench looks for: read them over a wider channel.
  const reader = await Connection.connect({
    address: env.address,
    channelArgs: { 'grpc.max_receive_message_length': 256 * 1_048_576 },
  });
  const readerClient = new Client({
    connection: reader,
    namespace: env.namespace ?? 'default',
    dataConverter,
  });
  const campaignRuns = firstRunId
    ? await runFigures(readerClient, campaignWorkflowId(year), firstRunId)
    : [await historyFigures(readerClient, campaignWorkflowId(year))];
  const unitFigures = await Promise.all(
    units.map((u) => historyFigures(readerClient, unitWorkflowId(year, u.code))),
  );
  await reader.close();
  const figures = [...campaignRuns, ...unitFigures];
  const campaignFigures = campaignRuns.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const largestUnit = unitFigures.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const largestEvent = figures.reduce((a, b) => (b.largestEvent.bytes > a.largestEvent.bytes ? b : a));
  console.log(`outcome:              ${outcome}`);
  console.log(`wall time:            ${(ms / 1000).toFixed(1)} s`);
  console.log(
    `worker peak RSS:      ${mb(memory.peakRss)} (Δ ${mb(memory.peakRss - memory.rssAtReady)} over ready)`,
  );
  console.log(
    `largest event:        ${kb(largestEvent.largestEvent.bytes)} ${largestEvent.largestEvent.type} in ${largestEvent.workflowId}` +
      ' (limits: 2 MB a payload, 256 kB warning)',
  );
  console.log(
    `campaign history:     ${campaignFigures.events} events, ${mb(campaignFigures.bytes)} (limits: 51,200 events, 50 MB)` +
      (campaignRuns.length > 1 ? `, the largest of ${campaignRuns.length} runs` : ''),
  );
  console.log(
    `largest unit history: ${largestUnit.events} events, ${mb(largestUnit.bytes)} (${largestUnit.workflowId}, last run)`,
  );
  console.log(`mail sent:            ${sink.messages().length}`);
} finally {
  await close();
}
