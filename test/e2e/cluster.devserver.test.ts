// The production topology for real (npm run cluster): the Temporal server built from its Go module on
// PostgreSQL, four services as four processes, two workers, two web replicas on one store. A compressed year
// for two units runs across a stop and a second start, and the replicas hold one sign-in limit between them.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signInLimits } from '../../client/web/rateLimit.ts';
import type { ReceivedMail } from '../../infra/mail/mailbox.ts';
import { openWebStore } from '../../infra/webStore/store.ts';
import type { CampaignOverview } from '../../reads/campaignStatus.ts';
import { type ClusterStack, clusterMissing, clusterStack } from '../support/clusterStack.ts';
import { eventually } from '../support/eventually.ts';
import { step } from '../support/step.ts';
import { addOperator, Browser } from '../web/support.ts';

const missing = clusterMissing();
if (missing) console.warn(`the cluster test is skipped: ${missing}`);

const year = new Date().getUTCFullYear() + 3;
let cluster: ClusterStack | undefined;
afterAll(async () => {
  await cluster?.stop();
});

/** A browser for a replica over real HTTP. */
const replica = (base: string) =>
  new Browser({ app: { request: (path: string, init?: RequestInit) => fetch(`${base}${path}`, init) } });

describe.skipIf(missing)(
  'npm run cluster: the Temporal server on PostgreSQL, two workers, two web replicas',
  () => {
    it('runs a compressed year across a restart, each notice once, and the replicas share the sign-in limits', async () => {
      const stack = await clusterStack();
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
        expect(status.summary?.plans).toEqual({ onTime: 0, late: 0, missing: 2 });
        const keys = (await mail()).map((m) => m.headers.key ?? '').filter((k) => k.startsWith(`${year}/`));
        expect(new Set(keys).size).toBe(keys.length);
        const ladder = (track: string, deadline: string) =>
          ['reminder-7d-before', 'reminder-1d-before', 'overdue', 'urging', 'supervision'].map(
            (rung) => `${year}/3702/${track}/${rung}-${year}-${deadline}`,
          );
        expect(keys.filter((k) => k.startsWith(`${year}/3702/`)).sort()).toEqual(
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
