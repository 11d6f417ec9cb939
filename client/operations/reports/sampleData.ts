// A demonstration year for the national report and exports, built from examples/ and the default
// registry: most units on time, a few late at each escalation level, one missing. Used to render the
// report's pictures in docs/ and by the tests.
import { readFileSync } from 'node:fs';
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import type { EscalationLevel } from '../../../domain/escalation.ts';
import { reportingUnits } from '../../../domain/registry.ts';
import {
  type DemandItem,
  demandListSchema,
  type ResultsSummary,
  resultsSummarySchema,
} from '../../../domain/submissions.ts';
import { projectPath } from '../../../infra/projectRoot.ts';
import { compileNationalSummary, unitOutcome } from '../../../workflows/campaign/nationalSummary.ts';
import type { TrackStatus, UnitReport } from '../../../workflows/shared/status.ts';
import type { NationalReportData } from './nationalReport.ts';

const example = (name: string): unknown => JSON.parse(readFileSync(projectPath('examples', name), 'utf8'));

function scaled(results: ResultsSummary, factor: number): ResultsSummary {
  const n = (x: number) => Math.round(x * factor);
  return {
    ...results,
    activitiesByType: Object.fromEntries(
      Object.entries(results.activitiesByType).map(([k, v]) => [k, n(v ?? 0)]),
    ),
    participants: n(results.participants),
    enterprisesServed: n(results.enterprisesServed),
    demandsCollected: n(results.demandsCollected),
    demandsResolved: n(results.demandsResolved),
    navigationProjects: n(results.navigationProjects),
    licensingAndTransfer: {
      count: n(results.licensingAndTransfer.count),
      amountTenThousandYuan: n(results.licensingAndTransfer.amountTenThousandYuan),
    },
    pledgeFinancing: {
      count: n(results.pledgeFinancing.count),
      amountTenThousandYuan: n(results.pledgeFinancing.amountTenThousandYuan),
    },
    trainings: n(results.trainings),
    mediaReports: n(results.mediaReports),
  };
}

const clock = (
  deadline: string,
  submittedAt: string | null,
  maxLevel: EscalationLevel | null,
): TrackStatus => ({
  deadline,
  submittedAt,
  level: null,
  maxLevel,
});

export function sampleReports(year = 2027): UnitReport[] {
  const results = resultsSummarySchema.parse((example('summary.json') as { results: unknown }).results);
  const flagged: DemandItem[] = demandListSchema
    .parse(example('demand-list.json'))
    .items.filter((d) => d.needsCnipaCoordination);
  const late: Record<string, [EscalationLevel, string]> = {
    '15': ['overdue', '05-26'],
    '46': ['urging', '05-29'],
    '63': ['supervision', '06-03'],
  };
  return reportingUnits(defaultRegistry()).map((unit, i) => {
    const missing = unit.code === '54';
    const planLate = late[unit.code];
    const summaryLate = unit.code === '65' ? (['urging', '11-14'] as [EscalationLevel, string]) : undefined;
    return {
      year,
      unitCode: unit.code,
      nameZh: unit.nameZh,
      nameEn: unit.nameEn,
      state: missing ? 'closed' : 'complete',
      due: null,
      overdue: false,
      escalationLevel: null,
      missing: missing ? ['writtenSummary', 'resultsSummary'] : [],
      nextDeadline: null,
      plan: clock(
        `${year}-05-25`,
        planLate ? `${year}-${planLate[1]}` : `${year}-05-${String(10 + (i % 15)).padStart(2, '0')}`,
        planLate?.[0] ?? null,
      ),
      summary: missing
        ? clock(`${year}-11-10`, null, 'supervision')
        : clock(
            `${year}-11-10`,
            summaryLate ? `${year}-${summaryLate[1]}` : `${year}-11-0${1 + (i % 9)}`,
            summaryLate?.[0] ?? null,
          ),
      activitiesRecorded: missing ? 3 : 8 + ((i * 7) % 23),
      flaggedDemands: flagged.map((d) => ({ ...d, id: `${unit.code}-${d.id}` })),
      feedbackReceived: true,
      returned: null,
      undelivered: [],
      resultsSummary: missing ? null : scaled(results, 0.4 + ((i * 37) % 100) / 60),
    };
  });
}

export function sampleReportData(year = 2027): NationalReportData {
  const reports = sampleReports(year);
  const summary = compileNationalSummary(
    year,
    `${year}-11-20`,
    reports.map(unitOutcome),
    {
      matches: reports.slice(0, 20).map((r) => ({
        unitCode: r.unitCode,
        demandId: r.flaggedDemands[0]?.id ?? '',
        resourceId: 'cnipa-patent-office-examination-cooperation',
      })),
      pairings: [],
    },
    { regions: ['11', '33', '44', '51'], exchangeHosts: ['中关村知识产权服务业集聚发展区'] },
    { submittedOnly: true },
  );
  return { year, final: true, asOf: `${year}-11-20`, summary, reports };
}
