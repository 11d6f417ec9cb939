// bench:web's concurrency mode: the pages under many users at once, as `npm start` serves them. The dev server,
// a worker process, the ledger's PGlite server and the web in a process of its own (bin/web.js, as `npm run web`);
// a 37-unit year squeezed so that a nominal day lasts `--day-seconds`, started on Apr 20 in the past so that it
// stands at May 12 when the units hand in, and runs on through June and July while it is measured (timers fire,
// the matching proposal is made). A signed-in operator's cookie; autocannon holds 10, 50 and 200 connections
// on each page for `--seconds`, with the JSON floor (whoami: the session and nothing else) in the same run.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { compress, defaultCalendarConfig, resolveCalendar } from '../domain/calendar.ts';
import { defaultCatalogue } from '../domain/defaultCatalogue.ts';
import { defaultRegistry } from '../domain/defaultRegistry.ts';
import { inParallel } from '../domain/inParallel.ts';
import { reportingUnits } from '../domain/registry.ts';
import { openWebStore } from '../infra/webStore/store.ts';
import { startLedgerServer } from '../scripts/ledgerServer.ts';
import { sampleWorkPlan } from '../test/support/samples.ts';
import { addOperator, Browser, sessionSecret } from '../test/web/support.ts';
import {
  campaignWorkflowId,
  submitDemandListUpdate,
  submitWorkPlanUpdate,
  taskQueue,
  unitWorkflowId,
} from '../workflows/shared/messages.ts';
import { demandList } from './volume/generate.ts';
import { startBenchWorker, startDevServerBench } from './yearBench.ts';

export interface LoadOptions {
  units: number;
  rows: number;
  seconds: number;
  connections: number[];
  daySeconds: number;
}

interface Figures {
  page: string;
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const dayMs = 86_400_000;

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)] ?? Number.NaN;
}

/** One page at `connections` for `seconds`: every response's latency kept (autocannon reports no p95). */
async function hold(url: string, cookie: string, connections: number, seconds: number) {
  const latencies: number[] = [];
  let bad = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, headers: { cookie }, timeout: 30 },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status !== 200) bad += 1;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / seconds,
    p50: Math.round(percentile(latencies, 0.5)),
    p95: Math.round(percentile(latencies, 0.95)),
    p99: Math.round(percentile(latencies, 0.99)),
    errors: Math.max(bad, result.non2xx) + result.errors + result.timeouts,
  };
}

function startWeb(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; log: string[] }> {
  const lines: string[] = [];
  // BENCH_CPU_PROFILES=dir: the web's CPU profile, written when it stops (as the worker's, workerControl.ts).
  const profile = env.BENCH_CPU_PROFILES ? ['--cpu-prof', `--cpu-prof-dir=${env.BENCH_CPU_PROFILES}`] : [];
  const child = spawn(process.execPath, [...profile, 'bin/web.js'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const keep = (chunk: Buffer) => {
      const text = chunk.toString();
      lines.push(...text.split('\n').filter(Boolean));
      if (text.includes(' web on ')) resolve({ child, log: lines });
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', (code) => reject(new Error(`the web exited (${code}): ${lines.join('\n')}`)));
  });
}

export async function loadBench(options: LoadOptions): Promise<void> {
  const registry = defaultRegistry();
  const units = reportingUnits(registry).slice(0, options.units);
  const tmp = mkdtempSync(join(tmpdir(), 'wlx-web-load-'));
  process.env.DOCUMENT_DIR = join(tmp, 'documents'); // the worker and the web share the store
  const bench = await startDevServerBench('web-load');
  const worker = await startBenchWorker(bench);
  const ledger = await startLedgerServer({ dir: join(tmp, 'ledger'), port: 0 });
  let web: ChildProcess | undefined;
  try {
    const client = bench.env.client;
    const year = new Date().getUTCFullYear() + 1;
    const calendar = resolveCalendar(defaultCalendarConfig, year);
    const launch = calendar.phases.launch.start;
    const scale = (options.daySeconds * 1000) / dayMs;
    const handInAt = Date.UTC(year, 4, 12) - 8 * 3_600_000; // May 12, midnight in Beijing
    const realStart = Date.now() - (handInAt - launch) * scale;
    const schedule = compress(calendar, realStart, (calendar.closeAt - launch) * scale);
    log(`a ${units.length}-unit year on the dev server, a nominal day every ${options.daySeconds} s`);
    await client.workflow.start('campaignWorkflow', {
      taskQueue,
      workflowId: campaignWorkflowId(year),
      args: [{ year, registry, schedule, catalogue: defaultCatalogue(registry) }],
    });
    const unit = (code: string) => client.workflow.getHandle(unitWorkflowId(year, code));
    // Two units in three hand in; the rest go late, so the dashboard has its colours.
    const handing = units.filter((_, i) => i % 3 !== 2);
    await new Promise((r) => setTimeout(r, 3_000)); // the units' workflows start
    await inParallel(handing, 4, async (u) => {
      await unit(u.code).executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
      await unit(u.code).executeUpdate(submitDemandListUpdate, { args: [demandList(u.code, options.rows)] });
    });
    log(
      `${handing.length} plans and ${options.rows}-row demand lists in; waiting for June 1 (the proposal made)`,
    );
    const june = realStart + (Date.UTC(year, 5, 1) - 8 * 3_600_000 - launch) * scale;
    await new Promise((r) => setTimeout(r, Math.max(0, june - Date.now())));

    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const started = await startWeb({
      ...process.env,
      WEB_SESSION_SECRET: sessionSecret,
      WEB_PORT: String(port),
      WEB_DB_URL: ledger.url,
      TEMPORAL_ADDRESS: bench.env.address,
      SMTP_URL: bench.sink.url,
    });
    web = started.child;
    const base = `http://127.0.0.1:${port}`;
    const store = await openWebStore(ledger.url);
    await addOperator(store, 'load-operator', 'operator', 'load password 1');
    await store.close();
    const operator = await new Browser({
      app: { request: (path, init) => fetch(`${base}${path}`, init) },
    }).start();
    const signedIn = await operator.signInWithPassword('load-operator', 'load password 1');
    if (signedIn.status >= 300) throw new Error(`sign-in answered ${signedIn.status}`);
    const cookie = [...operator.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const late = units.find((_, i) => i % 3 === 2)?.code ?? '11';
    const pages: [string, string][] = [
      ['JSON floor: whoami', '/api/session'],
      ['dashboard', `/campaigns/${year}`],
      [`unit page (${late})`, `/campaigns/${year}/units/${late}`],
      ['matching review', `/campaigns/${year}/matching`],
    ];
    for (const [name, path] of pages) {
      const answer = await fetch(`${base}${path}`, { headers: { cookie } });
      const bytes = (await answer.arrayBuffer()).byteLength;
      if (answer.status !== 200) throw new Error(`${name}: GET ${path} answered ${answer.status}`);
      log(`  ${name}: ${(bytes / 1024).toFixed(0)} KiB`);
    }
    const figures: Figures[] = [];
    for (const connections of options.connections) {
      for (const [page, path] of pages) {
        const f = await hold(`${base}${path}`, cookie, connections, options.seconds);
        figures.push({ page, connections, ...f });
        log(`  ${connections} × ${page}: ${f.rps.toFixed(0)} req/s, p95 ${f.p95} ms, ${f.errors} errors`);
      }
    }
    const deadlines = started.log.filter((l) => /DEADLINE_EXCEEDED/.test(l)).length;
    console.log(
      `web under load (autocannon, ${options.seconds} s each, a signed-in operator, ${units.length} units, the web in its own process):`,
    );
    console.log('  page                         conns    req/s    p50 ms    p95 ms    p99 ms  errors');
    for (const f of figures) {
      console.log(
        `  ${f.page.padEnd(28)} ${String(f.connections).padStart(5)} ${f.rps.toFixed(0).padStart(8)} ` +
          `${String(f.p50).padStart(9)} ${String(f.p95).padStart(9)} ${String(f.p99).padStart(9)} ${String(f.errors).padStart(7)}`,
      );
    }
    console.log(`  DEADLINE_EXCEEDED lines in the web's log: ${deadlines}`);
    const dashboard = figures.find((f) => f.page === 'dashboard' && f.connections === 200);
    if (dashboard)
      console.log(
        `goal: dashboard p95 ≤ 200 ms at 200 connections, no error (${dashboard.p95} ms, ${dashboard.errors} errors) — ` +
          `${dashboard.p95 <= 200 && dashboard.errors === 0 ? 'met' : 'NOT met'}`,
      );
  } finally {
    if (web) {
      const exited = new Promise((resolve) => web?.once('exit', resolve));
      web.kill('SIGTERM');
      await exited;
    }
    await worker.stop();
    await ledger.close();
    await bench.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
