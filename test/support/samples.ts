// Valid submissions, read from examples/ (the files the README tells people to submit) and parsed with
// the same schemas the workflows use, so a drift between the two fails here first.
import { readFileSync } from 'node:fs';
import {
  activityRecordSchema,
  demandListSchema,
  resultsSummarySchema,
  workPlanSchema,
  writtenSummarySchema,
} from '../../domain/submissions.ts';

const example = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'));

export const sampleWorkPlan = () => workPlanSchema.parse(example('work-plan.json'));
export const sampleDemandList = () => demandListSchema.parse(example('demand-list.json'));
export const sampleActivity = () => activityRecordSchema.parse(example('activity.json'));
export const sampleWritten = () =>
  writtenSummarySchema.parse((example('summary.json') as { written: unknown }).written);
export const sampleResults = () =>
  resultsSummarySchema.parse((example('summary.json') as { results: unknown }).results);
