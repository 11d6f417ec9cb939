// Faults on the production topology (npm run cluster): the fault suite's scripted year (test/e2e/faults/
// campaignScript.ts) over the whole default registry, calm and then under faults, on one cluster. Under faults the
// history service is killed with SIGKILL twice, a worker once, and a web replica while a liaison submits through
// it (the liaison sends again to the other replica with the same Idempotency-Key); the cluster starts each again,
// as compose's restart policy does. The faulted year must close with the calm year's national summary and mail:
// none lost, none twice (but a key the ledger took over from a killed sender, docs/reliability.md), and the
// liaison's plan track in.
//   npx tsx bench/clusterFaults.bench.ts [--minutes 4]   (npm run bench:cluster-faults -- …)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { defaultRegistry } from '../domain/defaultRegistry.ts';
import { listMail } from '../infra/mail/mailbox.ts';
import { schema } from '../infra/mailLedger/sqlLedger.ts';
import { sqlClient } from '../infra/sql.ts';
import { dataConverter } from '../infra/temporal/payloadCodec.ts';
import { ensureTemporalBinaries } from '../scripts/temporalBinaries.ts';
import { type Outcome, runYear, type Timeline, type YearSystem } from '../test/e2e/faults/campaignScript.ts';
import { sleep } from '../test/e2e/faults/processes.ts';
import { clusterMissing, clusterStack } from '../test/support/clusterStack.ts';
import { planFormFields, signInLiaison } from '../test/support/liaison.ts';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '4' } } });
const minutes = Number(values.minutes);
if (!(minutes >= 2)) throw new Error(`--minutes takes a number of minutes from 2, not "${values.minutes}"`);
const missing = clusterMissing();
if (missing) throw new Error(`the cluster cannot run here: ${missing}`);

const liaisonUnit = '13';
const example = (file: string) =>
  JSON.parse(readFileSync(new URL(`../examples/${file}`, import.meta.url), 'utf8'));

const { cli } = ensureTemporalBinaries((line) => console.error(line));
const stack = await clusterStack({ temporalCli: cli });
console.log(`cluster faults: starting the cluster in ${stack.dataDir} …`);
await stack.start();
const connection = await Connection.connect({ address: stack.address });
const client = new Client({ connection, dataConverter });
const ledger = await sqlClient(stack.appDbUrl);
const mailDir = join(stack.dataDir, 'mail');

const system = (year: number): YearSystem => ({
  client,
  mailKeys: async () =>
    (await listMail(mailDir)).map((m) => m.headers.key ?? '').filter((key) => key.startsWith(`${year}/`)),
  async takenOver() {
    const { rows } = await ledger.query<{ business_key: string }>(
      `SELECT business_key FROM ${schema}.deliveries WHERE takeovers > 0 AND business_key LIKE $1`,
      [`${year}/%`],
    );
    return rows.map((r) => r.business_key);
  },
});

/**
 * The liaison of 13 hands in the plan track (the work plan, then the demand list) through replica 1; with
 * `killing`, replica 1 dies while the demand list is on its way, and the liaison sends it again.
 */
async function liaisonSubmits(year: number, timeline: Timeline, killing: boolean): Promise<string> {
  await timeline.at(0.06);
  const address = defaultRegistry().units.find((u) => u.code === liaisonUnit)?.contacts.office.email ?? '';
  const { browser, target } = await signInLiaison(stack.webUrls[0], mailDir, liaisonUnit, address);
  const send = (segment: string, body: unknown) =>
    browser.request('POST', `/api/campaigns/${year}/units/${liaisonUnit}/${segment}`, body, {
      'idempotency-key': `${segment}-${year}-${liaisonUnit}`,
    });
  // The plan through the page's form with its document, as a person does (the API takes only stored documents).
  const planSent = await browser.form(`/campaigns/${year}/units/${liaisonUnit}/plan`, {
    ...planFormFields(year, `plan-${year}-${liaisonUnit}`),
    document: new File([`%PDF-1.4\n% ${year}\n`], '工作方案.pdf', { type: 'application/pdf' }),
  });
  if (planSent.status !== 303) throw new Error(`the work plan answered ${planSent.status}`);
  const first = send('demands', example('demand-list.json')).then(
    (response) => `answered ${response.status}`,
    (error: unknown) => `cut off (${(error as Error).message})`,
  );
  if (killing) {
    await sleep(15);
    process.kill(stack.pid(`web-${new URL(stack.webUrls[0]).port}`), 'SIGKILL');
  }
  const firstAttempt = await first;
  if (firstAttempt === 'answered 200') return `the liaison's demand list: ${firstAttempt}`;
  // A person sends again; a load balancer would send it to the replica that is up.
  target.base = stack.webUrls[1];
  const again = await send('demands', example('demand-list.json'));
  if (again.status !== 200)
    throw new Error(`the second send answered ${again.status}: ${await again.text()}`);
  return `the liaison's demand list: first ${firstAttempt}, then 200 from replica 2`;
}

async function killAt(timeline: Timeline, fraction: number, name: string): Promise<string> {
  await timeline.at(fraction);
  process.kill(stack.pid(name), 'SIGKILL');
  return `${name} killed at ${(timeline.elapsed() / 1000).toFixed(0)} s`;
}

const withoutYear = (outcome: Outcome, year: number) => ({
  summary: { ...outcome.summary, year: 0 },
  mail: outcome.mail.map((key) => key.replaceAll(String(year), 'YYYY')),
});

try {
  const year = new Date().getUTCFullYear() + 1;
  const yearMs = minutes * 60_000;
  const log: string[] = [];
  console.log(`  the calm year ${year} (${minutes} minutes) …`);
  const calm = await runYear(
    system(year),
    year,
    yearMs,
    async (t) => void log.push(await liaisonSubmits(year, t, false)),
    { wholeRegistry: true },
  );
  console.log(`    ${log.join('; ')}; ${calm.mail.length} mails`);
  const faultedYear = year + 1;
  console.log(`  the same year ${faultedYear} under faults …`);
  const faults: string[] = [];
  const faulted = await runYear(
    system(faultedYear),
    faultedYear,
    yearMs,
    async (t) => {
      const done = await Promise.all([
        liaisonSubmits(faultedYear, t, true),
        killAt(t, 0.15, 'temporal-history'),
        killAt(t, 0.3, 'worker-2'),
        killAt(t, 0.45, 'temporal-history'),
      ]);
      faults.push(...done);
    },
    { wholeRegistry: true },
  );
  console.log(`    ${faults.join('; ')}`);
  const [a, b] = [withoutYear(calm, year), withoutYear(faulted, faultedYear)];
  const distinct = new Set(b.mail);
  const lost = [...new Set(a.mail)].filter((key) => !distinct.has(key));
  const extra = [...distinct].filter((key) => !a.mail.includes(key));
  const twice = faulted.mail.filter((key, i) => faulted.mail.indexOf(key) !== i);
  const twiceNotTakenOver = twice.filter((key) => !faulted.takenOver.includes(key));
  const sameSummary = JSON.stringify(a.summary) === JSON.stringify(b.summary);
  console.log(
    `  under faults: national summary ${sameSummary ? 'the same as the calm year’s' : 'DIFFERENT'}; ` +
      `mails ${faulted.mail.length} against ${calm.mail.length} calm, lost ${lost.length}, extra ${extra.length}, ` +
      `twice ${twice.length} (taken over ${faulted.takenOver.length}, twice without a takeover ${twiceNotTakenOver.length}); ` +
      `plans ${JSON.stringify(faulted.summary.plans)} against ${JSON.stringify(calm.summary.plans)} calm`,
  );
  if (!sameSummary) console.log(JSON.stringify({ calm: a.summary, faulted: b.summary }, null, 1));
  if (!sameSummary || lost.length || extra.length || twiceNotTakenOver.length) process.exitCode = 1;
} finally {
  await ledger.close();
  await connection.close();
  await stack.stop();
}
