// The campaign API: the year and each unit's, a unit's submissions, and the operators' actions on units.
import type { Context } from 'hono';
import type { z } from 'zod';
import { designateKeyRegionsSchema } from '../../../domain/matching/decisions.ts';
import {
  activityRecordSchema,
  demandListSchema,
  grantExtensionSchema,
  returnForRevisionSchema,
  summarySubmissionSchema,
  workPlanSchema,
} from '../../../domain/submissions.ts';
import { sdkReads } from '../../../infra/temporal/reads.ts';
import { campaignStatus } from '../../../reads/campaignStatus.ts';
import { designateKeyRegions } from '../../operations/designateKeyRegions.ts';
import { grantExtension } from '../../operations/grantExtension.ts';
import { remindAll } from '../../operations/remindAll.ts';
import { remindUnits } from '../../operations/remindUnits.ts';
import { returnForRevision } from '../../operations/returnForRevision.ts';
import type { SubmissionKind } from '../../operations/submissionPayloads.ts';
import { sendSubmission } from '../../operations/submit.ts';
import { unitStatus } from '../../operations/unitStatus.ts';
import { actingFor } from '../acting.ts';
import { bodyLimits } from '../bodyLimits.ts';
import { problem, sendProblem } from '../problems.ts';
import { defineRoute, empty, unitParams, type WebRoute, yearParams } from '../routeSpec.ts';
import { missingDocuments } from './documentReferences.ts';

/** An update id from the Idempotency-Key header: a retried request is applied once. */
function updateId(c: Context): string | undefined {
  const key = c.req.header('idempotency-key');
  return key && /^[\w.:-]{1,100}$/.test(key) ? `web-${key}` : undefined;
}

const submissionRoutes = (
  [
    ['plan', 'plan', workPlanSchema, 'submit the work plan (工作方案)'],
    ['demands', 'demands', demandListSchema, 'submit the demand list (Annex 1, 需求清单)'],
    ['activity', 'activities', activityRecordSchema, 'record an activity; the same id again replaces it'],
    ['summary', 'summary', summarySubmissionSchema, 'submit the summary (written and/or Annex 2)'],
  ] as const satisfies readonly [SubmissionKind, string, z.ZodType, string][]
).map(([kind, segment, body, summary]) =>
  defineRoute({
    rule: 'ownUnit',
    method: 'post',
    path: `/api/campaigns/{year}/units/{unit}/${segment}`,
    summary,
    tags: ['unit'],
    params: unitParams,
    body: body as z.ZodType<z.output<typeof body>>,
    maxBodyBytes: bodyLimits.submission,
    success: { status: 200, description: "the unit's status after the submission" },
    handle: async ({ c, params, body: payload, services, principal }) => {
      const missing = await missingDocuments(kind, payload);
      if (missing) return sendProblem(c, missing);
      const target = { ...params, updateId: updateId(c) };
      return c.json(
        await sendSubmission(
          services.client,
          kind,
          target,
          [payload] as never,
          undefined,
          actingFor(c, services, principal),
        ),
      );
    },
  }),
);

export const campaignRoutes: WebRoute[] = [
  defineRoute({
    rule: 'viewer',
    method: 'get',
    path: '/api/campaigns/{year}',
    summary: "the campaign: every unit's progress and the totals",
    tags: ['campaign'],
    params: yearParams,
    success: { status: 200, description: 'CampaignStatus with totals' },
    handle: async ({ c, params, services }) => c.json(await campaignStatus(services.client, params.year)),
  }),
  defineRoute({
    rule: 'ownUnitOrViewer',
    method: 'get',
    path: '/api/campaigns/{year}/units/{unit}',
    summary: "one unit's year, and its link in the Temporal UI",
    tags: ['unit'],
    params: unitParams,
    success: { status: 200, description: '{ status, link }' },
    handle: async ({ c, params, services }) =>
      c.json(await unitStatus(sdkReads(services.client), services.config, params)),
  }),
  ...submissionRoutes,
  defineRoute({
    rule: 'operator',
    method: 'post',
    path: '/api/campaigns/{year}/units/{unit}/return',
    summary: 'return a submission for revision; the unit gets a new 7-day clock',
    tags: ['operator'],
    params: unitParams,
    body: returnForRevisionSchema.omit({ by: true }),
    success: { status: 200, description: "the unit's status" },
    handle: async ({ c, params, body, services, principal }) =>
      c.json(
        await returnForRevision(
          services.client,
          { ...params, ...body },
          actingFor(c, services, principal, updateId(c)),
        ),
      ),
  }),
  defineRoute({
    rule: 'operator',
    method: 'post',
    path: '/api/campaigns/{year}/units/{unit}/extend',
    summary: "move a unit's deadline later",
    tags: ['operator'],
    params: unitParams,
    body: grantExtensionSchema.omit({ by: true }),
    success: { status: 200, description: "the unit's status" },
    handle: async ({ c, params, body, services, principal }) =>
      c.json(
        await grantExtension(
          services.client,
          { ...params, ...body },
          actingFor(c, services, principal, updateId(c)),
        ),
      ),
  }),
  defineRoute({
    rule: 'operator',
    method: 'post',
    path: '/api/campaigns/{year}/units/{unit}/remind',
    summary: 'remind one unit of what it owes now',
    tags: ['operator'],
    params: unitParams,
    body: empty,
    success: { status: 200, description: '{ outcomes }: reminded, notDue or failed' },
    handle: async ({ c, params, services, principal }) => {
      const { units } = await campaignStatus(services.client, params.year);
      const unit = units.find((u) => u.unitCode === params.unit);
      if (!unit)
        return sendProblem(
          c,
          problem(404, 'no-such-unit', `unit ${params.unit} is not in the ${params.year} campaign`),
        );
      const acting = actingFor(c, services, principal, updateId(c));
      return c.json({ outcomes: await remindUnits(services.client, params.year, [unit], undefined, acting) });
    },
  }),
  defineRoute({
    rule: 'operator',
    method: 'post',
    path: '/api/campaigns/{year}/remind',
    summary:
      'remind every unit that has a deadline running (催报); 409 within REMIND_ALL_INTERVAL_HOURS of the last',
    tags: ['operator'],
    params: yearParams,
    body: empty,
    success: { status: 200, description: '{ outcomes }: each unit reminded, notDue or failed' },
    handle: async ({ c, params, services, principal }) => {
      const { units } = await campaignStatus(services.client, params.year);
      const acting = actingFor(c, services, principal, updateId(c));
      const outcomes = await remindAll(services.client, params.year, units, {
        intervalMs: services.remindAllIntervalMs,
        now: services.clock(),
        acting,
      });
      return c.json({ outcomes });
    },
  }),
  defineRoute({
    rule: 'operator',
    method: 'post',
    path: '/api/campaigns/{year}/key-regions',
    summary: 'designate 3–4 key-guidance regions and 1–2 exchange hosts',
    tags: ['operator'],
    params: yearParams,
    body: designateKeyRegionsSchema.omit({ by: true }),
    success: { status: 200, description: 'CampaignStatus' },
    handle: async ({ c, params, body, services, principal }) =>
      c.json(
        await designateKeyRegions(
          services.client,
          { year: params.year, ...body },
          actingFor(c, services, principal, updateId(c)),
        ),
      ),
  }),
];
