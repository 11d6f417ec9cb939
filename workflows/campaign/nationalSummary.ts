// The national results: what CNIPA compiles once the summaries are in (or the wait is over).
import type { DesignateKeyRegions, RecordMatches } from '../../domain/matching/decisions.ts';
import type { Track } from '../../domain/notices/notifications.ts';
import type { ResultsSummary } from '../../domain/submissions.ts';
import { submittedResults } from '../../domain/submittedResults.ts';
import type { LateUnit, NationalSummary, TrackStatus, UnitReport } from '../shared/status.ts';

/**
 * What the national summary takes from a unit's report: counts, not rows. A group of a county-level year
 * returns hundreds of these at once, where whole reports (flagged demands, typical cases) would pass 2 MB.
 */
export interface UnitOutcome {
  unitCode: string;
  nameZh: string;
  nameEn: string;
  plan: Pick<TrackStatus, 'submittedAt' | 'maxLevel'>;
  summary: Pick<TrackStatus, 'submittedAt' | 'maxLevel'>;
  activitiesRecorded: number;
  flaggedDemands: number;
  resultsSummary:
    | (Omit<ResultsSummary, 'typicalCases' | 'activitiesByType'> & { typicalCases: number })
    | null;
}

export function unitOutcome(report: UnitReport): UnitOutcome {
  const track = ({ submittedAt, maxLevel }: TrackStatus) => ({ submittedAt, maxLevel });
  const results = report.resultsSummary;
  return {
    unitCode: report.unitCode,
    nameZh: report.nameZh,
    nameEn: report.nameEn,
    plan: track(report.plan),
    summary: track(report.summary),
    activitiesRecorded: report.activitiesRecorded,
    flaggedDemands: report.flaggedDemands.length,
    resultsSummary: results && {
      participants: results.participants,
      enterprisesServed: results.enterprisesServed,
      demandsCollected: results.demandsCollected,
      demandsResolved: results.demandsResolved,
      navigationProjects: results.navigationProjects,
      licensingAndTransfer: results.licensingAndTransfer,
      pledgeFinancing: results.pledgeFinancing,
      trainings: results.trainings,
      mediaReports: results.mediaReports,
      typicalCases: results.typicalCases.length,
    },
  };
}

function outcome(report: UnitOutcome, track: Track): 'onTime' | 'late' | 'missing' {
  const clock = report[track];
  if (clock.submittedAt === null) return 'missing';
  return clock.maxLevel === null ? 'onTime' : 'late';
}

function tally(reports: UnitOutcome[], track: Track) {
  const counts = { onTime: 0, late: 0, missing: 0 };
  for (const report of reports) counts[outcome(report, track)] += 1;
  return counts;
}

/**
 * `reports` in the order the notice should list them (the campaign passes the registry's). With
 * `submittedOnly`, the totals take Annex 2 only of units whose summary is 已报送 (domain/submittedResults.ts);
 * campaigns closed before 0.12.0 summed every Annex 2 received.
 */
export function compileNationalSummary(
  year: number,
  compiledOn: string,
  reports: UnitOutcome[],
  matches: RecordMatches,
  keyRegions: DesignateKeyRegions | null,
  options: { submittedOnly: boolean },
): NationalSummary {
  const notice: LateUnit[] = reports.flatMap((report) =>
    (['plan', 'summary'] as const).flatMap((track) => {
      const result = outcome(report, track);
      if (result === 'onTime') return [];
      return [
        {
          unitCode: report.unitCode,
          nameZh: report.nameZh,
          nameEn: report.nameEn,
          track,
          outcome: result,
          maxLevel: report[track].maxLevel,
        },
      ];
    }),
  );
  const results = reports.flatMap((r) => {
    const counted = options.submittedOnly ? submittedResults(r) : r.resultsSummary;
    return counted ? [counted] : [];
  });
  const sum = (pick: (s: (typeof results)[number]) => number) =>
    results.reduce((total, s) => total + pick(s), 0);
  return {
    year,
    compiledOn,
    reportingUnits: reports.length,
    plans: tally(reports, 'plan'),
    summaries: tally(reports, 'summary'),
    notice,
    totals: {
      activitiesRecorded: reports.reduce((total, r) => total + r.activitiesRecorded, 0),
      participants: sum((s) => s.participants),
      enterprisesServed: sum((s) => s.enterprisesServed),
      demandsCollected: sum((s) => s.demandsCollected),
      demandsResolved: sum((s) => s.demandsResolved),
      navigationProjects: sum((s) => s.navigationProjects),
      licensingAndTransfer: {
        count: sum((s) => s.licensingAndTransfer.count),
        amountTenThousandYuan: sum((s) => s.licensingAndTransfer.amountTenThousandYuan),
      },
      pledgeFinancing: {
        count: sum((s) => s.pledgeFinancing.count),
        amountTenThousandYuan: sum((s) => s.pledgeFinancing.amountTenThousandYuan),
      },
      trainings: sum((s) => s.trainings),
      mediaReports: sum((s) => s.mediaReports),
      typicalCases: sum((s) => s.typicalCases),
    },
    flaggedDemands: reports.reduce((total, r) => total + r.flaggedDemands, 0),
    matches: matches.matches.length,
    keyRegions: keyRegions?.regions ?? [],
    exchangeHosts: keyRegions?.exchangeHosts ?? [],
  };
}
