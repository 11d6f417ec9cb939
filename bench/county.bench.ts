import { parseArgs } from 'node:util';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { inParallel } from '../domain/inParallel.ts';
import { reportingUnits } from '../domain/registry.ts';
import { campaignStatus } from '../reads/campaignStatus.ts';
import { startTestCampaign } from '../test/support/testCampaign.ts';
import { unitWorkflowId } from '../workflows/shared/messages.ts';
import { countyRegistry } from './county/registry.ts';
import { mb } from './format.ts';
import { startBenchWorker, startDevServerBench } from './yearBench.ts';

const { values } = parseArgs({
  options: { units: { type: 'string', default: '3000' }, minutes: { type: 'string', default: '5' } },
});
const size = Number(values.units);
const minutes = Number(values.minutes);
if (!Number.isInteger(size) || size < 48)
  throw new Error(`--units takes a whole number from 48, not "${values.units}"`);
if (!(minutes > 0)) throw new Error(`--minutes takes a positive number, not "${values.minutes}"`);

Runtime.install({ logger: new DefaultLogger('WARN') });
const registry = countyRegistry(size);
const reporting = reportingUnits(registry).length;
const bench = await startDevServerBench('county');
const { env, sink } = bench;
const worker = await startBenchWorker(bench);

try {
  const year = new Date().getUTCFullYear() + 1;
  console.log(`county launch: ${registry.units.length} units (${reporting} reporting), dev server, 2 cores`);
  const start = Date.now();
  // The year squeezed into 30 real days: the launch is now, and nothing else falls due while we watch.
  const { handle: campaign } = await startTestCampaign(env.client, {
    year,
    registry,
    compressed: { from: Date.now(), ms: 30 * 86_400_000 },
  });
  const units = () =>
    env.client.workflow
      .count(`CampaignYear = ${year} AND WorkflowType = 'unitWorkflow'`)
      .then((c) => c.count);
  let running = 0;
  let allAt: number | null = null;
  while (Date.now() - start < minutes * 60_000) {
    await new Promise((done) => setTimeout(done, 5_000));
    running = await units();
    console.log(
      `  ${((Date.now() - start) / 1000).toFixed(0).padStart(4)} s  ${running} units running, ${sink.messages().length} mails`,
    );
    if (running >= reporting) {
      allAt = Date.now() - start;
      break;
    }
  }
  // What the dashboard reads: the campaign's status, then every unit's memo, by one Visibility list past
  // 500 units; against it, the memos read by one description each (32 at once), as below 500.
  const reads: number[] = [];
  const described: number[] = [];
  let overviewUnits = 0;
  if (allAt !== null)
    for (let i = 0; i < 3; i++) {
      let at = Date.now();
      overviewUnits = (await campaignStatus(env.client, year)).units.length;
      reads.push(Date.now() - at);
      at = Date.now();
      await inParallel(reportingUnits(registry), 32, async (unit) => {
        await env.client.workflow.getHandle(unitWorkflowId(year, unit.code)).describe();
      });
      described.push(Date.now() - at);
    }
  const history = await campaign.fetchHistory();
  const events = history.events ?? [];
  const failures = events.flatMap((e) => {
    const failed = e.workflowTaskFailedEventAttributes;
    return failed ? [failed.failure?.message ?? String(failed.cause)] : [];
  });
  const memory = await worker.stop();
  console.log(
    allAt === null
      ? `not all running after ${minutes} min: ${running} of ${reporting}`
      : `all ${reporting} units running after ${(allAt / 1000).toFixed(1)} s (${(allAt / reporting).toFixed(1)} ms a unit)`,
  );
  if (reads.length > 0)
    console.log(
      `dashboard overview (campaignStatus) of ${overviewUnits} units: ${reads.map((ms) => `${ms} ms`).join(', ')}; ` +
        `the memos by a description each: ${described.map((ms) => `${ms} ms`).join(', ')}`,
    );
  console.log(`campaign history: ${events.length} events; workflow task failures: ${failures.length}`);
  if (failures.length > 0) console.log(`  the first: ${failures[0]}`);
  console.log(`worker peak RSS ${mb(memory.peakRss, 0)}; mails sent ${sink.messages().length}`);
  await campaign.terminate('bench over');
} finally {
  worker.kill();
  await bench.close();
}
