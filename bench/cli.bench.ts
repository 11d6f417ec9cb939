// How quickly wlx answers, against the Temporal CLI in the same run: `wlx --help`, a status read (over the HTTP
// API, as `npm start` tells operators to, and over gRPC) and a template,
// compiled (dist/, as `npm ci` builds it) and from the TypeScript (as before the build), beside `temporal --help`,
// `temporal workflow list` and `temporal workflow describe` on the same dev server. Medians of --runs each.
// Goals (issue 28): wlx --help ≤ 2× temporal --help; a status read ≤ 1.5× temporal workflow describe. `node -e 0`
// is timed beside them: no Node program starts quicker.
//   npx tsx bench/cli.bench.ts [--runs 10]   (npm run bench:cli -- …)
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { ensureTemporalBinaries } from '../scripts/temporalBinaries.ts';
import { freePort } from '../test/support/ports.ts';
import { startTestCampaign } from '../test/support/testCampaign.ts';
import { campaignWorkflowId } from '../workflows/shared/messages.ts';
import { startBenchWorker, startDevServerBench } from './yearBench.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs takes a positive whole number, not "${values.runs}"`);

const exec = promisify(execFile);
Runtime.install({ logger: new DefaultLogger('WARN') });
const httpPort = await freePort();
const bench = await startDevServerBench('cli-bench', httpPort);
const { env } = bench;
const tmp = mkdtempSync(join(tmpdir(), 'wlx-cli-bench-out-'));
const { cli } = ensureTemporalBinaries((line) => console.error(line));
const worker = await startBenchWorker(bench);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function timed(command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await exec(command, args, { env: { ...process.env, ...extraEnv } });
    times.push(performance.now() - start);
  }
  return median(times);
}

try {
  const year = new Date().getUTCFullYear() + 1;
  // A running year to read: squeezed into 30 real days, so nothing falls due while we measure.
  await startTestCampaign(env.client, { year, compressed: { from: Date.now(), ms: 30 * 86_400_000 } });
  const address = ['--address', env.address];
  const server = { TEMPORAL_ADDRESS: env.address };
  const http = { TEMPORAL_HTTP_URL: `http://127.0.0.1:${httpPort}` };
  const wlx = (args: string[], options: { fromSource?: boolean; overHttp?: boolean } = {}) =>
    timed(process.execPath, ['bin/wlx.js', ...args], {
      ...server,
      ...(options.overHttp && http),
      ...(options.fromSource ? { WLX_FROM_SOURCE: '1' } : { WLX_COMPILED: '1' }),
    });
  const status = ['campaign', 'status', '--year', String(year), '--json'];
  const template = [
    'template',
    'demands',
    '--year',
    String(year),
    '--unit',
    '11',
    '--out',
    join(tmp, 't.xlsx'),
  ];
  const figures = {
    'temporal --help': await timed(cli, ['--help']),
    'temporal workflow list': await timed(cli, ['workflow', 'list', ...address, '--limit', '50']),
    'temporal workflow describe': await timed(cli, [
      'workflow',
      'describe',
      ...address,
      '--workflow-id',
      campaignWorkflowId(year),
    ]),
    // What any Node program pays before its first line: the floor under every wlx figure.
    'node -e 0': await timed(process.execPath, ['-e', '0']),
    'wlx --help': await wlx(['--help']),
    'wlx campaign status --json': await wlx(status, { overHttp: true }),
    'wlx campaign status, over gRPC': await wlx(status),
    'wlx template demands': await wlx(template),
    'wlx --help, from the TypeScript': await wlx(['--help'], { fromSource: true }),
    'wlx campaign status, from the TypeScript': await wlx(status, { fromSource: true, overHttp: true }),
  };
  console.log(`wlx against the Temporal CLI, median of ${runs} (the dev server, a 48-unit year running):`);
  for (const [name, ms] of Object.entries(figures)) console.log(`  ${name.padEnd(42)} ${Math.round(ms)} ms`);
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  console.log(
    `  wlx --help / temporal --help ${ratio(figures['wlx --help'], figures['temporal --help'])} (goal ≤ 2); ` +
      `status / temporal workflow describe ${ratio(figures['wlx campaign status --json'], figures['temporal workflow describe'])} (goal ≤ 1.5); ` +
      `node -e 0 / temporal workflow describe ${ratio(figures['node -e 0'], figures['temporal workflow describe'])}; ` +
      `status / node -e 0 ${ratio(figures['wlx campaign status --json'], figures['node -e 0'])}; ` +
      `compiled / from the TypeScript: --help ${ratio(figures['wlx --help'], figures['wlx --help, from the TypeScript'])}, ` +
      `status ${ratio(figures['wlx campaign status --json'], figures['wlx campaign status, from the TypeScript'])}`,
  );
} finally {
  worker.kill();
  await bench.close();
  rmSync(tmp, { recursive: true, force: true });
}
