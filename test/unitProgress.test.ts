// What a unit tells the campaign: ids, never rows, whichever release of the unit sent it.
import { describe, expect, it } from 'vitest';
import { type ProgressWithRows, progressOf, type UnitStatus, unitProgress } from '../workflows/status.ts';
import { sampleDemandList } from './support/samples.ts';

const rows = sampleDemandList().items.filter((item) => item.needsCnipaCoordination);
const status: UnitStatus = {
  year: 2027,
  unitCode: '11',
  nameZh: '北京市知识产权局',
  nameEn: 'Beijing IP Office',
  state: 'planning.awaitingPlan',
  due: 'plan',
  overdue: false,
  escalationLevel: null,
  missing: ['workPlan'],
  nextDeadline: { track: 'plan', date: '2027-05-25' },
  plan: { deadline: '2027-05-25', submittedAt: null, level: null, maxLevel: null },
  summary: { deadline: '2027-11-10', submittedAt: null, level: null, maxLevel: null },
  activitiesRecorded: 12,
  flaggedDemands: rows,
  feedbackReceived: false,
  returned: null,
  undelivered: [],
};

describe('unit progress', () => {
  it('carries the flagged ids and leaves the rows and the activity count with the unit', () => {
    const progress = unitProgress(status);
    expect(rows.length).toBeGreaterThan(0);
    expect(progress.flaggedDemandIds).toEqual(rows.map((d) => d.id));
    expect(progress).not.toHaveProperty('flaggedDemands');
    expect(progress).not.toHaveProperty('activitiesRecorded');
    expect(progress.state).toBe('planning.awaitingPlan');
  });

  it('reads a report with rows, as units before progress-without-rows sent it, as the same ids', () => {
    const { activitiesRecorded: _, ...withRows } = status;
    const legacy: ProgressWithRows = withRows;
    expect(progressOf(legacy)).toEqual(unitProgress(status));
    expect(progressOf(unitProgress(status))).toEqual(unitProgress(status));
  });
});
