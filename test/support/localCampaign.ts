// A campaign on a real dev server with a worker and an SMTP sink in this process, for tests that call the
// client functions directly (as `wlx` and the web do) rather than spawning `wlx`.
import type { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { inject } from 'vitest';
import { defaultCalendarConfig, resolveCalendar } from '../../domain/calendar.ts';
import type { AuditTrail } from '../../infra/audit/trail.ts';
import type { UnitRobots } from '../../infra/channels/robotsFile.ts';
import { dataConverter } from '../../infra/temporal/payloadCodec.ts';
import { type CampaignOverview, campaignStatus } from '../../reads/campaignStatus.ts';
import { type MailSink, startMailSink } from '../../scripts/mailSink.ts';
import { registerSearchAttributes } from '../../scripts/registerSearchAttributes.ts';
import { eventually } from './eventually.ts';
import { bundleWorkflows, quietRuntime, testWorker } from './temporal.ts';
import { startTestCampaign } from './testCampaign.ts';

export interface LocalStack {
  client: Client;
  sink: MailSink;
  stop(): Promise<void>;
}

/** Dev server, mail sink and a worker with the real mail activities (and `robots`, if given), all running. */
export async function localStack(
  options: { robots?: UnitRobots; audit?: AuditTrail } = {},
): Promise<LocalStack> {
  quietRuntime();
  const bundle = await bundleWorkflows();
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: inject('temporalCliPath') } },
    client: { dataConverter },
  });
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  const sink = await startMailSink({ port: 0 });
  const worker = await testWorker(env.nativeConnection, bundle, sink.url, {}, options.robots, options.audit);
  const running = worker.run();
  return {
    client: env.client,
    sink,
    async stop() {
      worker.shutdown();
      await running;
      await sink.close();
      await env.teardown();
    },
  };
}

/**
 * Starts `year`'s campaign for `unitCodes` a day an hour, as if started a week ago: the survey is open and
 * no scheduled reminder falls due for hours. With `daysIn`, as if started that many days ago instead (40:
 * May 30, the plan five days late). Resolves once every unit answers for its standing.
 */
export async function startSurveyingCampaign(
  client: Client,
  year: number,
  unitCodes: string[],
  options: { withCatalogue?: boolean; daysIn?: number } = {},
): Promise<CampaignOverview> {
  const calendar = resolveCalendar(defaultCalendarConfig, year);
  await startTestCampaign(client, {
    year,
    unitCodes,
    compressed: {
      from: Date.now() - (options.daysIn ?? 7) * 3_600_000,
      ms: (calendar.closeAt - calendar.phases.launch.start) / 24,
    },
    // With it the matching review can be used.
    withCatalogue: options.withCatalogue,
  });
  return eventually(
    async () => {
      const status = await campaignStatus(client, year);
      return status.units.length === unitCodes.length ? status : undefined;
    },
    30_000,
    `${unitCodes.length} units reporting to the ${year} campaign`,
  );
}
