// The web as the browser tests meet it: a local stack with a year 40 days along (five past the plan deadline),
// some units' plans and demand lists in, the web served over HTTP with an operator account, and Chromium.
import { serve } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { demandList } from '../../bench/volume/generate.ts';
import { sendSubmission } from '../../client/operations/submit.ts';
import { openAuditTrail } from '../../infra/audit/sqlTrail.ts';
import { launchChromium } from '../support/chromium.ts';
import { type LocalStack, localStack, startSurveyingCampaign } from '../support/localCampaign.ts';
import { freePort } from '../support/ports.ts';
import { sampleWorkPlan } from '../support/samples.ts';
import { addOperator, type WebHarness, webHarness } from './support.ts';

export interface WebInChromium {
  stack: LocalStack;
  harness: WebHarness;
  origin: string;
  chromium: Browser;
  close(): Promise<void>;
}

export async function webInChromium(options: {
  year: number;
  units: readonly string[];
  /** Units whose plan and a 3-row demand list are in, late. */
  handedIn: readonly string[];
  operator: { name: string; password: string };
}): Promise<WebInChromium> {
  const { year } = options;
  const stack = await localStack();
  await startSurveyingCampaign(stack.client, year, [...options.units], { withCatalogue: true, daysIn: 40 });
  for (const unit of options.handedIn) {
    await sendSubmission(stack.client, 'plan', { year, unit }, [sampleWorkPlan()]);
    await sendSubmission(stack.client, 'demands', { year, unit }, [demandList(unit, 3)]);
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // The audit trail: the lists' "last reminded" and the remind-all interval read it.
  const audit = await openAuditTrail('pglite:memory://');
  const harness = await webHarness({ sink: stack.sink, client: stack.client, publicUrl: origin, audit });
  await addOperator(harness.store, options.operator.name, 'operator', options.operator.password);
  const server = serve({ fetch: harness.web.app.fetch, hostname: '127.0.0.1', port });
  const chromium = await launchChromium();
  return {
    stack,
    harness,
    origin,
    chromium,
    async close() {
      await chromium.close();
      await new Promise((resolve) => server.close(resolve));
      await harness.close();
      await audit.close();
      await stack.stop();
    },
  };
}
