// A county-level year, time-skipped: --units units (3,000 by default: provinces, prefectures, counties, in
// tiers) through the whole year with nobody submitting, and the 37-unit default registry's same year in the
// same process, so that the costs per unit compare on the day's machine. Checks every mail went out.
// --workers worker processes on the task queue (2, as docker-compose runs them), each caching at most
// --cache workflows (the SDK's default from the heap size when absent, ≈ 2,300 here).
//   npx tsx bench/countyYear.bench.ts [--units 3000] [--workers 2] [--cache N]   (npm run bench:county-year -- …)
import { parseArgs } from 'node:util';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { unreplayableWorkflows } from '../client/operations/recovery/replayAll.ts';
import { defaultRegistry } from '../domain/defaultRegistry.ts';
import { type Registry, reportingUnits } from '../domain/registry.ts';
import { tiersOf } from '../domain/unitGroups.ts';
import { nextYear, startTestCampaign } from '../test/support/testCampaign.ts';
import { launchWindow } from '../workflows/shared/inWindows.ts';
import { campaignWorkflowId, unitGroupWorkflowId, unitWorkflowId } from '../workflows/shared/messages.ts';
import { countyRegistry } from './county/registry.ts';
import { kb, mb, seconds } from './format.ts';
import { silentYearMail } from './silentYear.ts';
import { startBenchWorker, startYearBench } from './yearBench.ts';

const { values } = parseArgs({
  options: {
    units: { type: 'string', default: '3000' },
    workers: { type: 'string', default: '2' },
    cache: { type: 'string' },
  },
});
const size = Number(values.units);
if (!Number.isInteger(size) || size < 48)
  throw new Error(`--units takes a whole number from 48, not "${values.units}"`);
const workers = Number(values.workers);
if (!Number.isInteger(workers) || workers < 1)
  throw new Error(`--workers takes a positive whole number, not "${values.workers}"`);
const cache = values.cache === undefined ? undefined : Number(values.cache);
if (cache !== undefined && !(Number.isInteger(cache) && cache >= 2))
  throw new Error(`--cache takes a whole number of workflows from 2, not "${values.cache}"`);

interface YearRun {
  units: number;
  reporting: number;
  ms: number;
  cpuMs: number;
  peakRss: number;
  mails: number;
  campaignEvents: number;
  campaignBytes: number;
  /** The largest group's history, in a tiered year. */
  groupEvents: number;
  groupBytes: number;
}

Runtime.install({ logger: new DefaultLogger('WARN') });
const bench = await startYearBench('county-year');
const { env, sink } = bench;

async function runYear(registry: Registry): Promise<YearRun> {
  sink.clear();
  const year = await nextYear(env);
  const reporting = reportingUnits(registry).length;
  const expected = silentYearMail(registry);
  const pool = await Promise.all(
    Array.from({ length: workers }, () =>
      startBenchWorker(bench, cache === undefined ? {} : { maxCachedWorkflows: cache }),
    ),
  );
  try {
    const start = Date.now();
    const progress = setInterval(async () => {
      const day = new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
      console.log(
        `    ${((Date.now() - start) / 1000).toFixed(0).padStart(5)} s  server day ${day}  ${sink.messages().length} of ${expected} mails`,
      );
    }, 30_000);
    await startTestCampaign(env.client, { year, registry })
      .then(({ handle }) => handle.result())
      .finally(() => clearInterval(progress));
    const ms = Date.now() - start;
    const mails = sink.messages().length;
    if (mails !== expected) throw new Error(`expected ${expected} mails, the year sent ${mails}`);
    // The campaign closed (execute returned); every workflow of the year must replay on a cold worker.
    const ids = [
      campaignWorkflowId(year),
      ...reportingUnits(registry).map((u) => unitWorkflowId(year, u.code)),
      ...(reporting > launchWindow
        ? tiersOf(registry.units, registry.units, launchWindow).groups.map((g) =>
            unitGroupWorkflowId(year, g.key),
          )
        : []),
    ];
    const replay = await unreplayableWorkflows(env.client, { codePath: bench.bundlePath }, ids);
    if (replay.failures.length > 0)
      throw new Error(
        `${replay.failures.length} of ${replay.replayed} histories do not replay:\n${replay.failures.join('\n')}`,
      );
    console.log(`    ${replay.replayed} histories replayed on a cold worker, none failing`);
    const memories = await Promise.all(pool.map((worker) => worker.stop()));
    const sum = (of: (m: (typeof memories)[number]) => number) => memories.reduce((t, m) => t + of(m), 0);
    const history = async (id: string) => {
      const events = (await env.client.workflow.getHandle(id).fetchHistory()).events ?? [];
      return { events: events.length, bytes: JSON.stringify(events).length };
    };
    const campaign = await history(campaignWorkflowId(year));
    const groups =
      reporting > launchWindow
        ? await Promise.all(
            tiersOf(registry.units, registry.units, launchWindow).groups.map((g) =>
              history(unitGroupWorkflowId(year, g.key)),
            ),
          )
        : [];
    const largest = groups.sort((a, b) => b.events - a.events)[0] ?? { events: 0, bytes: 0 };
    return {
      units: registry.units.length,
      reporting,
      ms,
      cpuMs: sum((m) => m.cpuMs),
      peakRss: sum((m) => m.peakRss),
      mails,
      campaignEvents: campaign.events,
      campaignBytes: campaign.bytes,
      groupEvents: largest.events,
      groupBytes: largest.bytes,
    };
  } catch (error) {
    for (const worker of pool) worker.kill();
    throw error;
  }
}

try {
  console.log(
    `county year: the default registry, then ${size} units, nobody submitting; time-skipping server; ` +
      `${workers} worker process(es), cache ${cache ?? "the SDK's default"} each`,
  );
  const runs: YearRun[] = [];
  for (const registry of [defaultRegistry(), countyRegistry(size)]) {
    console.log(`  ${registry.units.length} units …`);
    const run = await runYear(registry);
    runs.push(run);
    console.log(
      `  ${run.units} units (${run.reporting} reporting): ${seconds(run.ms, 1)} wall, ${seconds(run.cpuMs, 1)} worker CPU, ` +
        `peak RSS ${mb(run.peakRss, 0)} (workers together), ${run.mails} mails; campaign history ${run.campaignEvents} events ` +
        `(${kb(run.campaignBytes)})` +
        (run.groupEvents ? `, largest group ${run.groupEvents} events (${kb(run.groupBytes)})` : ''),
    );
  }
  const [small, large] = runs as [YearRun, YearRun];
  const perUnitRatio = (of: (r: YearRun) => number) =>
    (of(large) / large.reporting / (of(small) / small.reporting)).toFixed(2);
  console.log(
    `county year per reporting unit, ${large.reporting} against ${small.reporting}: ` +
      `wall ${perUnitRatio((r) => r.ms)}, worker CPU ${perUnitRatio((r) => r.cpuMs)}, ` +
      `peak RSS ${perUnitRatio((r) => r.peakRss)}`,
  );
} finally {
  await bench.close();
}
