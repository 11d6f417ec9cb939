// How long the web's pages take on the server with a full year behind them: 37 units with plans, 100-row
// demand lists, activities, a confirmed matching review and most summaries in, on the time-skipping server at
// Nov 12 (after the summary deadline, so some units are late). Each page is asked for `--rounds` times by a
// signed-in operator; the server's own time (the Server-Timing header) is reported as median and p95, and as a
// ratio to the JSON API's answer for the same campaign, measured in the same run. The goal: under 200 ms.
// Then the upload path's peak memory, on a web process of its own (bench/uploadMemory.ts).
//   npm run bench:web [-- --units 37 --rows 100 --activities 30 --rounds 15]
// With --load, the pages under 10, 50 and 200 connections at once instead (bench/webLoad.ts):
//   npm run bench:web -- --load [--seconds 20 --connections 10,50,200 --day-seconds 5]
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { z } from 'zod';
import { defaultRegistry } from '../domain/defaultRegistry.ts';
import { inParallel } from '../domain/inParallel.ts';
import { reportingUnits } from '../domain/registry.ts';
import { parseInput } from '../domain/validation.ts';
import { dataConverter } from '../infra/temporal/payloadCodec.ts';
import { sampleResults, sampleWorkPlan, sampleWritten } from '../test/support/samples.ts';
import { nextYear, startTestCampaign } from '../test/support/testCampaign.ts';
import { addOperator, Browser, webHarness } from '../test/web/support.ts';
import {
  recordActivityUpdate,
  reviewMatchingUpdate,
  submitDemandListUpdate,
  submitSummaryUpdate,
  submitWorkPlanUpdate,
  unitWorkflowId,
} from '../workflows/shared/messages.ts';
import { skipToNoon } from './timeSkippingServer.ts';
import { uploadPeakMemory } from './uploadMemory.ts';
import { activity, demandList } from './volume/generate.ts';
import { loadBench } from './webLoad.ts';
import { startBenchWorker, startYearBench } from './yearBench.ts';

const count = (max: number) => z.coerce.number().int().min(1).max(max);
const options = parseInput(
  z.object({
    units: count(37).default(37),
    rows: count(1_000).default(100),
    activities: count(300).default(30),
    rounds: count(100).default(15),
    load: z.boolean().default(false),
    seconds: count(600).default(20),
    connections: z
      .string()
      .default('10,50,200')
      .transform((list) => list.split(',').map(Number))
      .pipe(z.array(z.number().int().min(1).max(1_000)).min(1)),
    'day-seconds': z.coerce.number().min(0.5).max(600).default(5),
  }),
  parseArgs({
    options: {
      units: { type: 'string' },
      rows: { type: 'string' },
      activities: { type: 'string' },
      rounds: { type: 'string' },
      load: { type: 'boolean' },
      seconds: { type: 'string' },
      connections: { type: 'string' },
      'day-seconds': { type: 'string' },
    },
  }).values,
  'options',
);

Runtime.install({ logger: new DefaultLogger('WARN') });
if (options.load) {
  await loadBench({ ...options, daySeconds: options['day-seconds'] });
  process.exit(0);
}
const registry = defaultRegistry();
const units = reportingUnits(registry).slice(0, options.units);
const log = (line: string) => process.stderr.write(`${line}\n`);

const { env, sink, bundlePath, close } = await startYearBench('web-bench');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)] ?? Number.NaN;

const worker = await startBenchWorker({ env, sink, bundlePath });
try {
  const client = env.client;
  const year = await nextYear(env);
  const skipTo = (monthDay: string) => skipToNoon(env, year, monthDay);
  const unit = (code: string) => client.workflow.getHandle(unitWorkflowId(year, code));
  // A few units stay late on each deliverable, so the dashboard has every colour.
  const onTime = (i: number, lateEvery: number) => i % lateEvery !== lateEvery - 1;

  log(`a year for ${units.length} units: plans and ${options.rows}-row demand lists`);
  const { handle: campaign } = await startTestCampaign(client, { year, registry, withCatalogue: true });
  await skipTo('05-08');
  await inParallel(
    units.filter((_, i) => onTime(i, 9)),
    4,
    async (u) => {
      await unit(u.code).executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
      await unit(u.code).executeUpdate(submitDemandListUpdate, { args: [demandList(u.code, options.rows)] });
    },
  );
  log('matching: the proposal made when the matching phase opens, accepted and confirmed');
  await skipTo('05-28');
  await campaign.executeUpdate(reviewMatchingUpdate, { args: [{ action: 'accept', by: 'bench' }] });
  await campaign.executeUpdate(reviewMatchingUpdate, { args: [{ action: 'acceptPairings', by: 'bench' }] });
  await campaign.executeUpdate(reviewMatchingUpdate, { args: [{ action: 'confirm', by: 'bench' }] });
  log(`${options.activities} activities a unit`);
  const records = units.flatMap((u) => Array.from({ length: options.activities }, (_, i) => ({ u, i })));
  await inParallel(records, 8, async ({ u, i }) => {
    await unit(u.code).executeUpdate(recordActivityUpdate, { args: [activity(u.code, i, year)] });
  });
  log('summaries, then on to Nov 12');
  await skipTo('11-05');
  await inParallel(
    units.filter((_, i) => onTime(i, 5)),
    4,
    async (u) => {
      await unit(u.code).executeUpdate(submitSummaryUpdate, {
        args: [{ written: sampleWritten(), results: sampleResults() }],
      });
    },
  );
  await skipTo('11-12');

  // The web reads the campaign's start event (its catalogue) with a page size of one; the time-skipping
  // server ignores page sizes and sends the whole history, past gRPC's 4 MB default at these volumes.
  const webConnection = await Connection.connect({
    address: env.address,
    channelArgs: { 'grpc.max_receive_message_length': 64 * 1024 * 1024 },
  });
  const harness = await webHarness({
    sink,
    client: new Client({ connection: webConnection, namespace: env.namespace ?? 'default', dataConverter }),
  });
  // The web's "today" is the test server's skipped-to date, not the machine's.
  harness.clock.now = await env.currentTimeMs();
  await addOperator(harness.store, 'bench-operator', 'operator', 'bench password 1');
  const operator = await new Browser(harness.web).start();
  await operator.signInWithPassword('bench-operator', 'bench password 1');
  const serverMs = async (path: string): Promise<number> => {
    const response = await operator.request('GET', path);
    await response.arrayBuffer();
    if (response.status !== 200)
      throw new Error(`GET ${path} answered ${response.status}: ${harness.logs.join('\n')}`);
    const timing = /app;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1];
    if (!timing) throw new Error(`GET ${path}: no Server-Timing`);
    return Number(timing);
  };
  const pages: [string, string[]][] = [
    ['API: campaign status (JSON, baseline)', [`/api/campaigns/${year}`]],
    ['dashboard', [`/campaigns/${year}`]],
    ['unit page (each unit in turn)', units.map((u) => `/campaigns/${year}/units/${u.code}`)],
    ['matching review', [`/campaigns/${year}/matching`]],
    ['matching review, one unit accepted', [`/campaigns/${year}/matching?unit=11&status=accepted`]],
  ];
  const results: { name: string; median: number; p95: number }[] = [];
  for (const [name, paths] of pages) {
    for (const path of paths.slice(0, 2)) await serverMs(path); // warm-up
    const times: number[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      for (const path of paths.length > 1 ? [paths[round % paths.length] as string] : paths)
        times.push(await serverMs(path));
    }
    results.push({ name, median: median(times), p95: p95(times) });
  }
  const baseline = results[0]?.median ?? Number.NaN;
  console.log(
    `web pages, server time (Server-Timing), ${units.length} units, ${options.rounds} rounds, Nov 12 of a full year:`,
  );
  for (const r of results) {
    console.log(
      `  ${r.name.padEnd(40)} median ${r.median.toFixed(1).padStart(7)} ms  p95 ${r.p95.toFixed(1).padStart(7)} ms  ` +
        `ratio to baseline ${(r.median / baseline).toFixed(2)}`,
    );
  }
  const uploads = await uploadPeakMemory(45, 8);
  console.log(
    `  ${'upload path, peak memory (web process)'.padEnd(40)} one 45 MiB upload +${uploads.one.toFixed(0)} MiB, ` +
      `eight at once +${uploads.many.toFixed(0)} MiB (the upload queue reads two at a time)`,
  );
  const slowest = Math.max(...results.slice(1).map((r) => r.p95));
  console.log(
    `goal: every page under 200 ms (p95 of the slowest page: ${slowest.toFixed(1)} ms) — ${slowest < 200 ? 'met' : 'NOT met'}`,
  );
  await harness.close();
  await webConnection.close();
} finally {
  await worker.stop();
  await close();
}
