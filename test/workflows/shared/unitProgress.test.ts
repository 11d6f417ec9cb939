// What a unit tells the campaign: the facts it acts on, whichever release of the unit sent them.
import { describe, expect, it } from 'vitest';
import { type ProgressWithRows, type UnitStatus, unitProgress } from '../../../workflows/shared/status.ts';
import { factsOf, unitFacts } from '../../../workflows/shared/unitFacts.ts';
import { sampleDemandList } from '../../support/samples.ts';

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
});

describe('unit facts', () => {
  it('are the flagged ids and whether all is in, read from the machine state', () => {
    expect(unitFacts(status)).toEqual({
      unitCode: '11',
      flaggedDemandIds: rows.map((d) => d.id),
      allIn: false,
    });
    expect(unitFacts({ ...status, state: 'complete' }).allIn).toBe(true);
    expect(unitFacts({ ...status, state: 'summaryDue.awaitingSummary' }).allIn).toBe(false);
  });

  it('read the same from what earlier releases sent: the progress with ids (0.4.0) or with rows (0.3.x)', () => {
    const { activitiesRecorded: _, ...withRows } = status;
    const legacy: ProgressWithRows = withRows;
    for (const state of ['planning.awaitingPlan', 'complete']) {
      const expected = unitFacts({ ...status, state });
      expect(factsOf({ ...legacy, state })).toEqual(expected);
      expect(factsOf(unitProgress({ ...status, state }))).toEqual(expected);
      expect(factsOf(expected)).toEqual(expected);
    }
  });
});
