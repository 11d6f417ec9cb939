// The production topology for real (npm run cluster): the Temporal server built from its Go module on
// PostgreSQL, four services as four processes, two workers, two web replicas on one store. A compressed year
// for two units runs across a stop and a second start and SIGKILLs of the history service and a worker (the cluster
// starts them again), and the replicas hold one sign-in limit between them.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { signInLimits } from '../../client/web/rateLimit.ts';
import { defaultRegistry } from '../../domain/defaultRegistry.ts';
import type { ReceivedMail } from '../../infra/mail/mailbox.ts';
import { schema } from '../../infra/mailLedger/sqlLedger.ts';
import { sqlClient } from '../../infra/sql.ts';
import { openWebStore } from '../../infra/webStore/store.ts';
import type { CampaignOverview } from '../../reads/campaignStatus.ts';
import { type ClusterStack, clusterMissing, clusterStack } from '../support/clusterStack.ts';
import { eventually } from '../support/eventually.ts';
import { planFormFields, signInLiaison } from '../support/liaison.ts';
import { type Moto, motoServerPath, startMoto } from '../support/moto.ts';
import { step } from '../support/step.ts';
import { addOperator, Browser } from '../web/support.ts';

const missing = clusterMissing();
if (missing) console.warn(`the cluster test is skipped: ${missing}`);
if (!motoServerPath)
  console.warn('the cluster test keeps documents in a folder: moto_server is not installed');

const year = new Date().getUTCFullYear() + 3;
let cluster: ClusterStack | undefined;
let moto: Moto | undefined;
afterAll(async () => {
  await cluster?.stop();
  moto?.stop();
});

/** A browser for a replica over real HTTP. */
const replica = (base: string) =>
  new Browser({ app: { request: (path: string, init?: RequestInit) => fetch(`${base}${path}`, init) } });

describe.skipIf(missing)(
  'npm run cluster: the Temporal server on PostgreSQL, two workers, two web replicas',
  () => {
    it('runs a compressed year across a restart, each notice once, and the replicas share the sign-in limits', async () => {
      // Documents on S3 (moto standing in for MinIO), so the replicas and wlx share them as deployed.
      moto = motoServerPath ? await startMoto() : undefined;
      const stack = await clusterStack({ temporalCli: inject('temporalCliPath'), env: moto?.env });
      cluster = stack;
      const mail = () => stack.wlxJson<ReceivedMail[]>('mail', 'list', '--dir', join(stack.dataDir, 'mail'));

      await step('the cluster comes up and a year starts for 11 and 3702', async () => {
        await stack.start();
        const started = await stack.wlx(
          'campaign',
          'start',
          '--year',
          String(year),
          '--compress',
          '90s',
          '--calendar-days',
          '--units',
          '11,3702',
        );
        expect(started.code, started.stderr).toBe(0);
      });

      await step(
        'five wrong passwords from one address, spread over both replicas, slow that address on both',
        async () => {
          const store = await openWebStore(stack.appDbUrl);
          await addOperator(store, 'ops-wang', 'operator', 'a long password 7');
          await store.close();
          const [first, second] = [
            await replica(stack.webUrls[0]).start(),
            await replica(stack.webUrls[1]).start(),
          ];
          for (let i = 0; i < signInLimits.passwordPerAccountAndAddress.max; i++) {
            const browser = i % 2 === 0 ? first : second;
            expect((await browser.signInWithPassword('ops-wang', `wrong password ${i}`)).status).toBe(401);
          }
          expect((await first.signInWithPassword('ops-wang', 'a long password 7')).status).toBe(429);
          expect((await second.signInWithPassword('ops-wang', 'a long password 7')).status).toBe(429);
        },
      );

      await step(
        'a liaison hands in the plan with its document on one replica; wlx reads the document back',
        async () => {
          const address = defaultRegistry().units.find((u) => u.code === '11')?.contacts.office.email ?? '';
          const { browser } = await signInLiaison(
            stack.webUrls[0],
            join(stack.dataDir, 'mail'),
            '11',
            address,
          );
          const pdf = `%PDF-1.4\n% the plan of ${year}\n`;
          const taken = await browser.form(`/campaigns/${year}/units/11/plan`, {
            ...planFormFields(year, `cluster-plan-${year}`),
            document: new File([pdf], '工作方案.pdf', { type: 'application/pdf' }),
          });
          expect(taken.status, await taken.text()).toBe(303);
          const sha = createHash('sha256').update(pdf).digest('hex');
          const back = join(stack.dataDir, 'plan-back.pdf');
          const got = await stack.wlx('document', 'get', sha, '--out', back);
          expect(got.code, got.stderr).toBe(0);
          expect(readFileSync(back, 'utf8')).toBe(pdf);
          if (moto) {
            const listed = await moto.s3.send(new ListObjectsV2Command({ Bucket: moto.bucket }));
            expect(listed.Contents?.map((o) => o.Key).join()).toContain(sha);
            expect(existsSync(join(stack.dataDir, 'documents'))).toBe(false);
          }
        },
      );

      await step(
        'the history service and a worker killed with SIGKILL are started again by the cluster',
        async () => {
          const killed = { history: stack.pid('temporal-history'), worker: stack.pid('worker-1') };
          process.kill(killed.history, 'SIGKILL');
          process.kill(killed.worker, 'SIGKILL');
          const restarted = (name: string, old: number) => {
            const pid = stack.pid(name);
            return pid > 0 && pid !== old;
          };
          await eventually(
            async () =>
              (restarted('temporal-history', killed.history) && restarted('worker-1', killed.worker)) ||
              undefined,
            60_000,
            'both processes started again',
          );
        },
      );

      await step(
        'stopped after the first overdue notice and started again, on the same databases',
        async () => {
          await eventually(
            async () =>
              (await mail()).find((m) => m.headers.key === `${year}/3702/plan/overdue-${year}-05-25`),
            120_000,
            'the first overdue notice',
          );
          expect(await stack.stop()).toBe(0);
          await stack.start();
        },
      );

      await step('the year closes with both plans missing, and every notice went out once', async () => {
        const status = await eventually(
          async () => {
            const s = await stack.wlxJson<CampaignOverview>('campaign', 'status', '--year', String(year));
            return s.phase === 'closed' ? s : undefined;
          },
          240_000,
          'the year to close',
        );
        // 11 handed in its work plan alone: a plan track without its demand list is still missing.
        expect(status.summary?.plans).toEqual({ onTime: 0, late: 0, missing: 2 });
        const keys = (await mail()).map((m) => m.headers.key ?? '').filter((k) => k.startsWith(`${year}/`));
        // The one key that may arrive twice is one whose sender was killed after SMTP took it (docs/reliability.md).
        const ledger = await sqlClient(stack.appDbUrl);
        const { rows } = await ledger.query<{ business_key: string }>(
          `SELECT business_key FROM ${schema}.deliveries WHERE takeovers > 0`,
        );
        await ledger.close();
        const takenOver = rows.map((r) => r.business_key);
        for (const key of keys.filter((k, i) => keys.indexOf(k) !== i))
          expect(takenOver, `${key} arrived twice`).toContain(key);
        const ladder = (track: string, deadline: string) =>
          ['reminder-7d-before', 'reminder-1d-before', 'overdue', 'urging', 'supervision'].map(
            (rung) => `${year}/3702/${track}/${rung}-${year}-${deadline}`,
          );
        expect([...new Set(keys.filter((k) => k.startsWith(`${year}/3702/`)))].sort()).toEqual(
          [
            `${year}/3702/launch`,
            `${year}/3702/matching/feedback`,
            ...ladder('plan', '05-25'),
            ...ladder('summary', '11-10'),
          ].sort(),
        );
      });

      await step('Ctrl-C stops every process', async () => {
        expect(await stack.stop()).toBe(0);
      });
    }, 900_000);
  },
);
