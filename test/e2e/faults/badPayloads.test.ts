// 10,000 generated bad update payloads against a running campaign on the dev server: every one is rejected
// with an InvalidInput failure that names the broken field, and neither the unit's nor the campaign's
// history or state moves.
import { type WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import { inParallel } from '../../../domain/inParallel.ts';
import { designateKeyRegionsSchema, recordMatchesSchema } from '../../../domain/matching/decisions.ts';
import {
  activityRecordSchema,
  demandListSchema,
  grantExtensionSchema,
  returnForRevisionSchema,
  summarySubmissionSchema,
  workPlanSchema,
} from '../../../domain/submissions.ts';
import {
  campaignStatusQuery,
  campaignWorkflowId,
  designateKeyRegionsUpdate,
  grantExtensionUpdate,
  recordActivityUpdate,
  recordMatchesUpdate,
  returnForRevisionUpdate,
  submitDemandListUpdate,
  submitSummaryUpdate,
  submitWorkPlanUpdate,
  unitStatusQuery,
  unitWorkflowId,
} from '../../../workflows/shared/messages.ts';
import { type LocalStack, localStack, startSurveyingCampaign } from '../../support/localCampaign.ts';
import {
  sampleActivity,
  sampleDemandList,
  sampleResults,
  sampleWorkPlan,
  sampleWritten,
} from '../../support/samples.ts';
import { type BadPayload, badPayloadArbitrary, type Target } from './badPayloads.ts';

const count = 10_000;
const seed = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
let stack: LocalStack;
const year = new Date().getUTCFullYear() + 1;

beforeAll(async () => {
  stack = await localStack();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

async function historyLength(handle: WorkflowHandle): Promise<number> {
  return Number((await handle.describe()).historyLength);
}

describe('10,000 generated bad update payloads', () => {
  it('are each rejected naming the field, and nothing moves', { timeout: 600_000 }, async () => {
    const { client } = stack;
    const campaign = client.workflow.getHandle(campaignWorkflowId(year));
    await startSurveyingCampaign(client, year, ['11', '12', '13']);
    const unit = client.workflow.getHandle(unitWorkflowId(year, '11'));
    // Beijing's flagged demand, so that a valid match decision exists to break.
    await unit.executeUpdate(submitDemandListUpdate, { args: [sampleDemandList()] });
    const flagged = sampleDemandList().items.find((d) => d.needsCnipaCoordination)?.id ?? '';
    while (
      (await campaign.query(campaignStatusQuery)).units.find((u) => u.unitCode === '11')?.flaggedDemandIds
        .length !== 1
    ) {
      await new Promise((done) => setTimeout(done, 200));
    }

    const targets: Record<string, Target & { handle: WorkflowHandle; update: { name: string } }> = {
      workPlan: {
        schema: workPlanSchema,
        valid: sampleWorkPlan(),
        handle: unit,
        update: submitWorkPlanUpdate,
      },
      demandList: {
        schema: demandListSchema,
        valid: sampleDemandList(),
        handle: unit,
        update: submitDemandListUpdate,
      },
      activity: {
        schema: activityRecordSchema,
        valid: sampleActivity(),
        handle: unit,
        update: recordActivityUpdate,
      },
      summary: {
        schema: summarySubmissionSchema,
        valid: { written: sampleWritten(), results: sampleResults() },
        handle: unit,
        update: submitSummaryUpdate,
      },
      returnForRevision: {
        schema: returnForRevisionSchema,
        valid: { what: 'demandList', reason: '缺少联系人' },
        handle: unit,
        update: returnForRevisionUpdate,
      },
      extension: {
        schema: grantExtensionSchema,
        valid: { track: 'plan', until: `${year}-06-30` },
        handle: unit,
        update: grantExtensionUpdate,
      },
      keyRegions: {
        schema: designateKeyRegionsSchema,
        valid: { regions: ['11', '12', '13'], exchangeHosts: ['中关村科技园区'] },
        unitCodePaths: [
          ['regions', 0],
          ['regions', 1],
          ['regions', 2],
        ],
        handle: campaign,
        update: designateKeyRegionsUpdate,
      },
      matches: {
        schema: recordMatchesSchema,
        valid: {
          matches: [{ unitCode: '11', demandId: flagged, resourceId: defaultRegistry().resources[0]?.id }],
          pairings: [{ unitCode: '12', resourceId: defaultRegistry().resources[1]?.id }],
        },
        unitCodePaths: [
          ['matches', 0, 'unitCode'],
          ['pairings', 0, 'unitCode'],
        ],
        handle: campaign,
        update: recordMatchesUpdate,
      },
    };
    const payloads = fc.sample(badPayloadArbitrary(targets), { numRuns: count, seed });
    expect(payloads).toHaveLength(count);

    const before = {
      unit: await unit.query(unitStatusQuery),
      campaign: await campaign.query(campaignStatusQuery),
      unitHistory: await historyLength(unit),
      campaignHistory: await historyLength(campaign),
    };
    const failures: string[] = [];
    const started = Date.now();
    // Temporal admits 10 updates in flight per workflow: 4 workers of this loop per workflow stay under it.
    await inParallel(payloads, 8, async (bad) => {
      const target = targets[bad.target] as (typeof targets)[string];
      const problem = await rejectionProblem(target, bad);
      if (problem)
        failures.push(`${bad.target} ${bad.fault} ${bad.field}: ${problem} — ${JSON.stringify(bad.payload)}`);
    });
    const seconds = (Date.now() - started) / 1000;
    const byFault = new Map<string, number>();
    for (const p of payloads) byFault.set(p.fault, (byFault.get(p.fault) ?? 0) + 1);
    console.log(
      `bad payloads: ${count} sent in ${seconds.toFixed(1)} s, rejected ${count - failures.length}, accepted or unnamed ${failures.length} (${[...byFault].map(([f, n]) => `${f} ${n}`).join(', ')}; seed ${seed})`,
    );
    expect(failures.slice(0, 5)).toEqual([]);
    expect(await unit.query(unitStatusQuery)).toEqual(before.unit);
    expect(await campaign.query(campaignStatusQuery)).toEqual(before.campaign);
    expect(await historyLength(unit)).toBe(before.unitHistory);
    expect(await historyLength(campaign)).toBe(before.campaignHistory);
  });
});

/** Why the rejection of `bad` falls short, or undefined when it is as promised. */
async function rejectionProblem(
  target: { handle: WorkflowHandle; update: { name: string } },
  bad: BadPayload,
): Promise<string | undefined> {
  try {
    await target.handle.executeUpdate(target.update.name, { args: [bad.payload] });
    return 'accepted';
  } catch (error) {
    if (!(error instanceof WorkflowUpdateFailedError)) return `failed otherwise: ${(error as Error).message}`;
    const cause = error.cause as { type?: string; message?: string } | undefined;
    if (cause?.type !== 'InvalidInput') return `rejected as ${cause?.type}: ${cause?.message}`;
    if (!namesField(cause.message ?? '', bad.field))
      return `message does not name ${bad.field}: ${cause.message}`;
    return undefined;
  }
}

/**
 * The field itself (`results.demandsCollected: …`), or, for a rule across two fields, its sibling's entry
 * naming it (`results.demandsResolved: cannot exceed demandsCollected`).
 */
function namesField(message: string, field: string): boolean {
  if (message.includes(`${field}:`)) return true;
  const cut = field.lastIndexOf('.');
  const [parent, name] = [field.slice(0, cut), field.slice(cut + 1)];
  if (cut <= 0 || !/^[A-Za-z]+$/.test(name)) return false;
  return message
    .split('; ')
    .some((entry) => entry.includes(`${parent}.`) && new RegExp(`: .*\\b${name}\\b`).test(entry));
}
