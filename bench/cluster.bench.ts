// A county-level year on the production topology (npm run cluster): the Temporal server built from its Go module
// on PostgreSQL (four services, four history shards), two workers, two web replicas. First the 37-unit default
// registry's year, then --units units in tiers, each in compressed real time with nobody submitting, so the costs
// per unit compare on the day's machine. Prints whether each year closed, its mail (sent / expected / twice), the
// latencies its histories show (bench/cluster/latencies.ts), the CPU and peak RSS of the workers and the server's
// services, and what each year added to PostgreSQL.
//   npx tsx bench/cluster.bench.ts [--units 3000] [--minutes 35] [--baseline-minutes 5]   (npm run bench:cluster -- …)
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { defaultRegistry } from '../domain/defaultRegistry.ts';
import { type Registry, reportingUnits } from '../domain/registry.ts';
import { listMail } from '../infra/mail/mailbox.ts';
import { sqlClient } from '../infra/sql.ts';
import { dataConverter } from '../infra/temporal/payloadCodec.ts';
import { temporalServices } from '../scripts/cluster/serverConfig.ts';
import { ensureTemporalBinaries } from '../scripts/temporalBinaries.ts';
import { clusterMissing, clusterStack } from '../test/support/clusterStack.ts';
import { startTestCampaign } from '../test/support/testCampaign.ts';
import { unitWorkflowId } from '../workflows/shared/messages.ts';
import { historyLatencies, type Latencies, percentile } from './cluster/latencies.ts';
import { processUsage, type Usage } from './cluster/usage.ts';
import { countyRegistry } from './county/registry.ts';
import { mb, seconds } from './format.ts';
import { silentYearMail } from './silentYear.ts';

const { values } = parseArgs({
  options: {
    units: { type: 'string', default: '3000' },
    minutes: { type: 'string', default: '35' },
    'baseline-minutes': { type: 'string', default: '5' },
  },
});
const size = Number(values.units);
const minutes = Number(values.minutes);
const baselineMinutes = Number(values['baseline-minutes']);
if (!Number.isInteger(size) || size < 48)
  throw new Error(`--units takes a whole number from 48, not "${values.units}"`);
for (const [name, value] of [
  ['--minutes', minutes],
  ['--baseline-minutes', baselineMinutes],
] as const)
  if (!(value > 0)) throw new Error(`${name} takes a positive number of minutes, not "${value}"`);
const missing = clusterMissing();
if (missing) throw new Error(`the cluster cannot run here: ${missing}`);

const processes = [...temporalServices.map((s) => `temporal-${s}`), 'worker-1', 'worker-2'];
const databases = ['temporal', 'temporal_visibility', 'wanlixing'];

interface YearRun {
  units: number;
  reporting: number;
  closed: boolean;
  ms: number;
  mails: { sent: number; expected: number; twice: number };
  latencies: Latencies;
  /** Per process: CPU spent during the year, its peak RSS so far. */
  usage: Map<string, Usage>;
  /** Bytes each database grew by. */
  grew: Map<string, number>;
}

const { cli } = ensureTemporalBinaries((line) => console.error(line));
// The workers keep about half the county's workflows each, as compose sets them.
const stack = await clusterStack({ temporalCli: cli, env: { MAX_CACHED_WORKFLOWS: '1500' } });
console.log(`cluster bench: starting the cluster in ${stack.dataDir} …`);
await stack.start();
const connection = await Connection.connect({ address: stack.address });
const client = new Client({ connection, dataConverter });
const postgres = await sqlClient(`postgres://postgres@127.0.0.1:${stack.postgresPort}/postgres`);
const mailDir = join(stack.dataDir, 'mail');

const usageNow = () => new Map(processes.map((name) => [name, processUsage(stack.pid(name))]));
async function sizes(): Promise<Map<string, number>> {
  const { rows } = await postgres.query<{ datname: string; size: string }>(
    'SELECT datname, pg_database_size(datname) AS size FROM pg_database WHERE datname = ANY($1)',
    [databases],
  );
  return new Map(rows.map((r) => [r.datname, Number(r.size)]));
}

async function runYear(registry: Registry, year: number, yearMinutes: number): Promise<YearRun> {
  const reporting = reportingUnits(registry);
  const expected = silentYearMail(registry);
  const [usageBefore, sizesBefore, mailBefore] = [usageNow(), await sizes(), readdirSync(mailDir).length];
  const start = Date.now();
  const { handle } = await startTestCampaign(client, {
    year,
    registry,
    compressed: { from: start + 5_000, ms: yearMinutes * 60_000 },
  });
  const progress = setInterval(() => {
    const sent = readdirSync(mailDir).length - mailBefore;
    // The machine's load says how far other work shared it with the cluster.
    const load = loadavg()[0]?.toFixed(1);
    console.log(
      `    ${seconds(Date.now() - start, 0).padStart(7)}  ${sent} of ${expected} mails, load ${load}`,
    );
  }, 60_000);
  const closed = await handle.result().then(
    () => true,
    (error: unknown) => {
      console.error(`    the ${year} campaign did not close: ${(error as Error).message}`);
      return false;
    },
  );
  clearInterval(progress);
  const ms = Date.now() - start;
  const usageAfter = usageNow();
  const keys = (await listMail(mailDir))
    .map((m) => m.headers.key ?? '')
    .filter((key) => key.startsWith(`${year}/`));
  const latencies = await historyLatencies(
    client,
    reporting.map((u) => unitWorkflowId(year, u.code)),
  );
  const sizesAfter = await sizes();
  return {
    units: registry.units.length,
    reporting: reporting.length,
    closed,
    ms,
    mails: { sent: keys.length, expected, twice: keys.length - new Set(keys).size },
    latencies,
    usage: new Map(
      processes.map((name) => {
        const [before, after] = [usageBefore.get(name), usageAfter.get(name)] as [Usage, Usage];
        // A process restarted during the year counts from its new start.
        const cpuMs = after.cpuMs >= before.cpuMs ? after.cpuMs - before.cpuMs : after.cpuMs;
        return [name, { cpuMs, peakRss: after.peakRss }];
      }),
    ),
    grew: new Map(databases.map((db) => [db, (sizesAfter.get(db) ?? 0) - (sizesBefore.get(db) ?? 0)])),
  };
}

const ms = (value: number) => `${Math.round(value)} ms`;
const p50p95 = (values: number[]) => `${ms(percentile(values, 0.5))} / ${ms(percentile(values, 0.95))}`;
const sum = (map: Map<string, Usage>, prefix: string, of: (u: Usage) => number) =>
  [...map].filter(([name]) => name.startsWith(prefix)).reduce((total, [, u]) => total + of(u), 0);

function print(run: YearRun): void {
  console.log(
    [
      `  ${run.units} units (${run.reporting} reporting): ${run.closed ? 'closed' : 'NOT CLOSED'} in ${seconds(run.ms, 0)}; ` +
        `mails ${run.mails.sent} of ${run.mails.expected}, ${run.mails.twice} twice`,
      `    workflow task schedule-to-start p50/p95 ${p50p95(run.latencies.taskScheduleToStart)} (${run.latencies.taskScheduleToStart.length} tasks); ` +
        `timer fired late ${p50p95(run.latencies.timerLate)}; notice due → sent ${p50p95(run.latencies.noticeDueToSent)} (${run.latencies.noticeDueToSent.length})`,
      `    CPU: workers ${seconds(
        sum(run.usage, 'worker', (u) => u.cpuMs),
        0,
      )}, server ${seconds(
        sum(run.usage, 'temporal', (u) => u.cpuMs),
        0,
      )} ` +
        `(${[...run.usage]
          .filter(([n]) => n.startsWith('temporal'))
          .map(([n, u]) => `${n.slice(9)} ${seconds(u.cpuMs, 0)}`)
          .join(', ')}); ` +
        `peak RSS: workers ${mb(
          sum(run.usage, 'worker', (u) => u.peakRss),
          0,
        )}, server ${mb(
          sum(run.usage, 'temporal', (u) => u.peakRss),
          0,
        )}`,
      `    PostgreSQL grew ${[...run.grew].map(([db, bytes]) => `${db} ${mb(bytes, 1)}`).join(', ')}`,
    ].join('\n'),
  );
}

try {
  const year = new Date().getUTCFullYear() + 1;
  const runs: YearRun[] = [];
  for (const [registry, yearMinutes, offset] of [
    [defaultRegistry(), baselineMinutes, 0],
    [countyRegistry(size), minutes, 1],
  ] as const) {
    console.log(`  ${registry.units.length} units, the year in ${yearMinutes} minutes …`);
    const run = await runYear(registry, year + offset, yearMinutes);
    runs.push(run);
    print(run);
  }
  const [small, large] = runs as [YearRun, YearRun];
  const perUnit = (of: (r: YearRun) => number) =>
    (of(large) / large.reporting / (of(small) / small.reporting)).toFixed(2);
  const dbBytes = (r: YearRun) => [...r.grew.values()].reduce((a, b) => a + b, 0);
  console.log(
    `per reporting unit, ${large.reporting} against ${small.reporting}: ` +
      `worker CPU ${perUnit((r) => sum(r.usage, 'worker', (u) => u.cpuMs))}, ` +
      `server CPU ${perUnit((r) => sum(r.usage, 'temporal', (u) => u.cpuMs))}, ` +
      `PostgreSQL growth ${perUnit(dbBytes)}; ` +
      `notice due → sent p95 ${(percentile(large.latencies.noticeDueToSent, 0.95) / percentile(small.latencies.noticeDueToSent, 0.95)).toFixed(2)}× the 37-unit year's`,
  );
} finally {
  await postgres.close();
  await connection.close();
  await stack.stop();
}
