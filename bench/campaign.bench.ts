// How much the campaign's machinery (xstate, zod, status signals to the parent, search attributes) costs over
// plain Temporal: a full year with all 37 reporting units and nobody submitting (A), against a baseline that sends
// the same 455 mails at the same instants with only timers, activities and children (B). Same server, sink
// and mail activities, alternating runs; reports medians and A/B ratios, since single timings on a 2-core
// machine mean little.
//   npx tsx bench/campaign.bench.ts [--runs N]      (npm run bench -- --runs N)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleWorkflowCode, DefaultLogger, Runtime } from '@temporalio/worker';
import { type CampaignSchedule, defaultCalendarConfig, resolveCalendar } from '../domain/calendar.ts';
import { defaultRegistry } from '../domain/defaultRegistry.ts';
import { reportingUnits } from '../domain/registry.ts';
import type { ReceivedMail } from '../infra/mail/mailbox.ts';
import { startMailSink } from '../scripts/mailSink.ts';
import { nextYear, startTestCampaign } from '../test/support/testCampaign.ts';
import { taskQueue } from '../workflows/shared/messages.ts';
import { baselinePlan, baselineWorkflowId } from './baselinePlan.ts';
import { baselineCampaign } from './baselineWorkflows.ts';
import { kb, mb, seconds } from './format.ts';
import { mailsPerSilentUnit, silentYearMail } from './silentYear.ts';
import { benchServer } from './timeSkippingServer.ts';
import { startWorker } from './workerControl.ts';
import type { WorkerMemory } from './workerProcess.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs takes a positive whole number, not "${values.runs}"`);

const registry = defaultRegistry();
const reporting = reportingUnits(registry).length;
const notifiedOnly = registry.units.length - reporting;
const perUnit = mailsPerSilentUnit;
const expectedMail = silentYearMail(registry);

interface Scenario {
  name: string;
  taskQueue: string;
  bundlePath: string;
  execute(year: number, schedule: CampaignSchedule): Promise<unknown>;
}

interface RunResult {
  year: number;
  ms: number;
  memory: WorkerMemory;
  /** Kind, key without the year, recipients of each mail, sorted: equal across runs and scenarios when fair. */
  mailSignature: string;
  mailCount: number;
}

Runtime.install({ logger: new DefaultLogger('WARN') });
const tmp = mkdtempSync(join(tmpdir(), 'wlx-bench-'));
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

const campaignWorkflows = here('../workflows/index.ts');
const baselineWorkflows = here('./baselineWorkflows.ts');

/** Once per bench process, to a file each run's worker loads: bundling takes seconds and is not measured. */
async function bundle(workflowsPath: string, name: string): Promise<{ path: string; bytes: number }> {
  const { code } = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
  const path = join(tmp, `${name}.js`);
  writeFileSync(path, code);
  return { path, bytes: code.length };
}

const [env, sink, campaignBundle, baselineBundle] = await Promise.all([
  benchServer(),
  startMailSink({ port: 0 }),
  bundle(campaignWorkflows, 'campaign'),
  bundle(baselineWorkflows, 'baseline'),
]);

const scenarios: Scenario[] = [
  {
    name: 'A campaign',
    taskQueue,
    bundlePath: campaignBundle.path,
    // On the default calendar, as the baseline: the campaign resolves `year`'s itself, the baseline is handed it.
    execute: async (year) => (await startTestCampaign(env.client, { year, registry })).handle.result(),
  },
  {
    name: 'B baseline',
    taskQueue: 'wanlixing-bench-baseline',
    bundlePath: baselineBundle.path,
    execute: (year, schedule) =>
      env.client.workflow.execute(baselineCampaign, {
        taskQueue: 'wanlixing-bench-baseline',
        workflowId: baselineWorkflowId(year),
        args: [baselinePlan(registry, schedule)],
      }),
  },
];

async function runOnce(scenario: Scenario): Promise<RunResult> {
  sink.clear();
  // The server's clock ends each run late in its year: every run takes the next one, with fresh workflow ids.
  const year = await nextYear(env);
  const schedule = resolveCalendar(defaultCalendarConfig, year);
  const worker = await startWorker({
    address: env.address,
    namespace: env.namespace ?? 'default',
    taskQueue: scenario.taskQueue,
    bundlePath: scenario.bundlePath,
    smtpUrl: sink.url,
  });
  try {
    const start = process.hrtime.bigint();
    await scenario.execute(year, schedule);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    // The sink answers 250 only once a mail is stored, so all of it is here when the workflow completes.
    const mail = sink.messages();
    const memory = await worker.stop();
    return { year, ms, memory, mailSignature: signature(mail, year), mailCount: mail.length };
  } catch (error) {
    worker.kill();
    throw error;
  }
}

function signature(mail: ReceivedMail[], year: number): string {
  return mail
    .map((m) => `${m.headers.kind} ${m.headers.key?.replaceAll(String(year), 'YYYY')} ${m.to} | ${m.cc}`)
    .sort()
    .join('\n');
}

try {
  console.log(
    `bench: ${runs} runs each, alternating A and B; ${reporting} reporting + ${notifiedOnly} notified units, ` +
      `${expectedMail} mails per run; workflow bundles A ${kb(campaignBundle.bytes)}, B ${kb(baselineBundle.bytes)}`,
  );
  const results = new Map<string, RunResult[]>(scenarios.map((s) => [s.name, []]));
  for (let i = 0; i < runs; i += 1) {
    for (const scenario of scenarios) {
      const result = await runOnce(scenario);
      results.get(scenario.name)?.push(result);
      console.log(
        `  run ${i + 1} ${scenario.name.padEnd(10)} ${result.year} ${seconds(result.ms).padStart(7)}  ` +
          `RSS Δ ${mb(result.memory.peakRss - result.memory.rssAtReady).padStart(8)}  ${result.mailCount} mails`,
      );
    }
  }

  // Fair only if both sent exactly the same mail: same count, kinds, keys and recipients.
  const all = [...results.values()].flat();
  const wrongCount = all.filter((r) => r.mailCount !== expectedMail);
  if (wrongCount.length > 0) {
    throw new Error(`expected ${expectedMail} mails per run, got ${all.map((r) => r.mailCount).join(', ')}`);
  }
  const differing = all.find((r) => r.mailSignature !== all[0]?.mailSignature);
  if (differing) {
    const first = new Set(all[0]?.mailSignature.split('\n'));
    const other = new Set(differing.mailSignature.split('\n'));
    const only = (xs: Set<string>, ys: Set<string>) => [...xs].filter((x) => !ys.has(x)).slice(0, 5);
    throw new Error(
      'the scenarios sent different mail, so the comparison is not fair; e.g.\n' +
        `  only in one run:     ${only(first, other).join('\n                       ')}\n` +
        `  only in another run: ${only(other, first).join('\n                       ')}`,
    );
  }

  const metrics: { label: string; of: (r: RunResult) => number; format: (x: number) => string }[] = [
    { label: 'wall time', of: (r) => r.ms, format: seconds },
    { label: 'worker CPU', of: (r) => r.memory.cpuMs, format: seconds },
    { label: 'peak RSS Δ', of: (r) => r.memory.peakRss - r.memory.rssAtReady, format: mb },
    { label: 'peak RSS', of: (r) => r.memory.peakRss, format: mb },
    { label: 'main heap Δ', of: (r) => r.memory.peakHeap - r.memory.heapAtReady, format: mb },
  ];
  console.log(`\n${''.padEnd(24)}${'median'.padStart(10)}${'min'.padStart(10)}${'max'.padStart(10)}`);
  const medians = new Map<string, number[]>();
  for (const scenario of scenarios) {
    const rs = results.get(scenario.name) ?? [];
    const scenarioMedians = metrics.map((metric) => {
      const xs = rs.map(metric.of);
      const row = [median(xs), Math.min(...xs), Math.max(...xs)].map((x) => metric.format(x).padStart(10));
      console.log(`${scenario.name.padEnd(11)} ${metric.label.padEnd(12)}${row.join('')}`);
      return median(xs);
    });
    medians.set(scenario.name, scenarioMedians);
  }
  const [a, b] = scenarios.map((s) => medians.get(s.name) ?? []);
  const ratio = (i: number) => ((a?.[i] ?? Number.NaN) / (b?.[i] ?? Number.NaN)).toFixed(2);
  console.log(`ratio A/B of medians: ${metrics.map((m, i) => `${m.label} ${ratio(i)}`).join(', ')}`);
  console.log(
    `mail: every run sent ${expectedMail} (${reporting} units × ${perUnit} + ${notifiedOnly} launch), ` +
      'same kinds, keys and recipients in A and B',
  );
  console.log(
    'main heap = the worker process main thread (activities); workflows run in a worker thread, see RSS\n',
  );
  console.log(
    `bench: campaign ${reporting} units median ${((a?.[0] ?? 0) / 1000).toFixed(1)}s, ` +
      `baseline ${((b?.[0] ?? 0) / 1000).toFixed(1)}s, ratio ${ratio(0)}`,
  );
  console.log(
    `bench: campaign ${reporting} units worker CPU median ${seconds(a?.[1] ?? 0)}, baseline ${seconds(b?.[1] ?? 0)}, ratio ${ratio(1)}`,
  );
  console.log(
    `bench: campaign ${reporting} units peak RSS Δ median ${mb(a?.[2] ?? 0)}, baseline ${mb(b?.[2] ?? 0)}, ratio ${ratio(2)}`,
  );
} finally {
  await sink.close();
  await env.teardown();
  rmSync(tmp, { recursive: true, force: true });
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
