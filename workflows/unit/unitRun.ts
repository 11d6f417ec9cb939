// One run of a unit's workflow: the machine's snapshot, the mail it asked for and the update ids applied.
// Made inside the workflow function and handed to its parts: the sandbox reuses modules, so no state lives
// at module level.
import { patched } from '@temporalio/workflow';
import { initialTransition, transition } from 'xstate';
import { toNominal } from '../../domain/calendar.ts';
import { type UnitStatus, unitStatus } from '../shared/status.ts';
import { countWorkingDays } from './patches.ts';
import type { UnitCarry, UnitWorkflowInput } from './unitInput.ts';
import { type NotifyParams, type UnitEvent, unitMachine } from './unitMachine.ts';

export type UnitSnapshot = ReturnType<typeof initialTransition<typeof unitMachine>>[0];

export interface UnitRun {
  readonly input: UnitWorkflowInput;
  /** The machine as it stands; each event applied replaces it. */
  snapshot: UnitSnapshot;
  /** Mail the machine asked for and the workflow has not sent yet. */
  readonly pending: NotifyParams[];
  /** Mail that could not be delivered, for the operators. */
  readonly undelivered: string[];
  /**
   * Temporal dedupes update ids within a run only; this set carries them across continue-as-new. Ids only:
   * a result per update would carry the flagged demand rows hundreds of times (memory and the
   * continue-as-new payload); a retried update is answered with the unit's status as it is now.
   */
  readonly appliedUpdates: Set<string>;
  /** Now on the campaign's calendar, which a demo or test may run faster than the wall clock. */
  nominalNow(): number;
  status(): UnitStatus;
  /** Moves the machine; the mail it asks for joins `pending`. */
  apply(event: UnitEvent): void;
  /** What the next run takes up across continue-as-new. */
  carry(): UnitCarry;
}

export function unitRun(input: UnitWorkflowInput): UnitRun {
  const { year, unit, schedule, carried } = input;
  const nominalNow = () => toNominal(schedule.mapping, Date.now());
  const firstSnapshot = () => {
    const policy = {
      reminderDaysBefore: schedule.reminderDaysBefore,
      escalation: schedule.escalation,
      revisionDays: schedule.revisionDays,
      // Asked only when the schedule has a calendar, so years started without one record no marker.
      ...(schedule.workingDays && patched(countWorkingDays) && { workingDays: schedule.workingDays }),
    };
    const [snapshot] = initialTransition(unitMachine, {
      year,
      unit,
      policy,
      deadlines: schedule.deadlines,
      now: nominalNow(),
    });
    return snapshot;
  };
  const run: UnitRun = {
    input,
    pending: [...(carried?.pending ?? [])],
    undelivered: [...(carried?.undelivered ?? [])],
    appliedUpdates: new Set([
      ...(carried?.appliedUpdateIds ?? []),
      ...(carried?.appliedUpdates ?? []).map(([id]) => id),
    ]),
    snapshot: carried
      ? unitMachine.resolveState({ value: carried.value, context: carried.context })
      : firstSnapshot(),
    nominalNow,
    status: () => unitStatus(run.snapshot, run.undelivered),
    apply(event) {
      const [next, actions] = transition(unitMachine, run.snapshot, event);
      run.snapshot = next;
      for (const action of actions) {
        if (action.type === 'notify') run.pending.push(action.params as NotifyParams);
      }
    },
    carry: () => ({
      value: run.snapshot.value,
      context: run.snapshot.context,
      appliedUpdateIds: [...run.appliedUpdates],
      undelivered: run.undelivered,
      pending: run.pending,
    }),
  };
  return run;
}
