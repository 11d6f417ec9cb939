// How the campaign reaches its units: as its own children, or, past `groupSize` reporting units, through
// one group workflow per province (unitGroupWorkflow), so that no workflow holds more than that many
// pending children. Either way a unit has the same workflow id.
import {
  type ChildWorkflowHandle,
  type ExternalWorkflowHandle,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  startChild,
} from '@temporalio/workflow';
import { bySize } from '../../domain/batches.ts';
import type { CampaignSchedule } from '../../domain/calendar.ts';
import type { MatchingFeedback } from '../../domain/matching/decisions.ts';
import { isReporting, type Registry, type Unit } from '../../domain/registry.ts';
import { tiersOf } from '../../domain/unitGroups.ts';
import { notify } from '../proxies/mail.ts';
import { closedOutcomes } from '../proxies/outcomes.ts';
import { inWindows } from '../shared/inWindows.ts';
import {
  batchBytes,
  closeCampaignSignal,
  groupFeedbackSignal,
  matchingFeedbackSignal,
  unitGroupWorkflowId,
  unitWorkflowId,
} from '../shared/messages.ts';
import { campaignYearKey } from '../shared/searchAttributes.ts';
import { contactsOf, launchNotice } from '../unit/notificationRequest.ts';
import { startUnit, type UnitStart } from '../unit/startUnit.ts';
import type { unitWorkflow } from '../unit/unitWorkflow.ts';
import { outcomeOf, signalUnlessEnded } from './endedUnits.ts';
import type { UnitOutcome } from './nationalSummary.ts';
import { unitGroupWorkflow } from './unitGroupWorkflow.ts';

export interface CampaignUnits {
  /** Sends every unit of the audience its launch notice, then starts each reporting unit's workflow. */
  launch(): Promise<void>;
  sendFeedback(feedbackFor: (code: string) => MatchingFeedback): Promise<void>;
  /** Tells every unit the year is over; resolves to their outcomes, in the order of `reporting`. */
  close(): Promise<UnitOutcome[]>;
}

export interface UnitsOfYear {
  year: number;
  schedule: CampaignSchedule;
  registry: Registry;
  audience: Unit[];
  reporting: Unit[];
  unitHistoryEventLimit?: number;
  /**
   * The campaign may continue as new: its children outlive each run (ABANDON), and every run reaches them by
   * id and reads their outcomes by an activity, since only the run that started them holds their handles.
   */
  continuesAsNew?: boolean;
}

/** A child's handle, or a handle by id on a child that an earlier run of the campaign started. */
type Signalled = Pick<ExternalWorkflowHandle, 'signal'>;

const unitStart = (unit: Unit, registry: Registry): UnitStart => ({
  unit: { code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn },
  contacts: contactsOf(unit, registry),
});

/** The units as the campaign's own children. */
export function childUnits(of: UnitsOfYear): CampaignUnits {
  const { year, schedule, reporting, continuesAsNew = false } = of;
  const handles = new Array<ChildWorkflowHandle<typeof unitWorkflow>>(reporting.length);
  const ids = reporting.map((unit) => unitWorkflowId(year, unit.code));
  const reach = (i: number): Signalled =>
    continuesAsNew ? getExternalWorkflowHandle(ids[i] as string) : (handles[i] as Signalled);
  return {
    async launch() {
      await inWindows(of.audience, (unit) => notify(launchNotice(unit, year, schedule)));
      await inWindows(reporting, async (unit, i) => {
        const start = unitStart(unit, of.registry);
        handles[i] = await startUnit(year, schedule, start, of.unitHistoryEventLimit, continuesAsNew);
      });
    },
    async sendFeedback(feedbackFor) {
      await inWindows(reporting, (unit, i) =>
        signalUnlessEnded(ids[i] as string, () =>
          reach(i).signal(matchingFeedbackSignal, feedbackFor(unit.code)),
        ),
      );
    },
    async close() {
      await inWindows(reporting, (_, i) =>
        signalUnlessEnded(ids[i] as string, () => reach(i).signal(closeCampaignSignal)),
      );
      if (continuesAsNew) return closedOutcomes({ unitIds: ids });
      return Promise.all(handles.map((handle, i) => outcomeOf(ids[i] as string, handle.result())));
    },
  };
}

/** The units under one group workflow per province, at most `groupSize` units a group. */
export function groupedUnits(of: UnitsOfYear, groupSize: number): CampaignUnits {
  const { year, schedule, continuesAsNew = false } = of;
  const { groups, notifiedOnly } = tiersOf(of.audience, of.registry.units, groupSize);
  const handles = new Array<ChildWorkflowHandle<typeof unitGroupWorkflow>>(groups.length);
  const ids = groups.map((group) => unitGroupWorkflowId(year, group.key));
  const reach = (i: number): Signalled =>
    continuesAsNew ? getExternalWorkflowHandle(ids[i] as string) : (handles[i] as Signalled);
  const order = new Map(of.reporting.map((unit, i) => [unit.code, i]));
  return {
    async launch() {
      await inWindows(notifiedOnly, (unit) => notify(launchNotice(unit, year, schedule)));
      await inWindows(groups, async (group, i) => {
        handles[i] = await startChild(unitGroupWorkflow, {
          workflowId: ids[i] as string,
          ...(continuesAsNew && { parentClosePolicy: ParentClosePolicy.ABANDON }),
          staticSummary: `单位组 Unit group ${group.key}: ${group.units.length} 个单位 units — ${year} 万里行`,
          typedSearchAttributes: [{ key: campaignYearKey, value: year }],
          args: [
            {
              year,
              schedule,
              notices: group.units.map((unit) => launchNotice(unit, year, schedule)),
              units: group.units.filter(isReporting).map((unit) => unitStart(unit, of.registry)),
              ...(of.unitHistoryEventLimit && { unitHistoryEventLimit: of.unitHistoryEventLimit }),
            },
          ],
        });
      });
    },
    async sendFeedback(feedbackFor) {
      // Through each group, in batches: one group's feedback together could pass the payload limit.
      await inWindows(groups, async ({ units }, i) => {
        const all = units
          .filter(isReporting)
          .map((unit) => [unit.code, feedbackFor(unit.code)] as [string, MatchingFeedback]);
        for (const batch of bySize(all, batchBytes)) await reach(i).signal(groupFeedbackSignal, batch);
      });
    },
    async close() {
      await inWindows(groups, (_, i) => reach(i).signal(closeCampaignSignal));
      const outcomes = continuesAsNew
        ? await closedOutcomes({ groupIds: ids })
        : (await Promise.all(handles.map((handle) => handle.result()))).flat();
      return outcomes.sort((a, b) => (order.get(a.unitCode) ?? 0) - (order.get(b.unitCode) ?? 0));
    },
  };
}
