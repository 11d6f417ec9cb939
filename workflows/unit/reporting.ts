// What a unit shows of itself after each change: its current details and search attributes for the
// Temporal UI, its standing in its memo for the dashboard, and its facts to the campaign. Each of these
// costs history events, so each goes out only when what it carries has changed.
import {
  getExternalWorkflowHandle,
  patched,
  setCurrentDetails,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { unitChangedSignal } from '../shared/messages.ts';
import {
  type ProgressWithRows,
  type UnitFacts,
  type UnitProgress,
  type UnitStatus,
  unitProgress,
} from '../shared/status.ts';
import { noFacts, unitFacts } from '../shared/unitFacts.ts';
import { unitDetails, unitMemo, unitSearchAttributes } from '../shared/visibility.ts';
import { parentById, progressInMemo, progressWithoutRows, reportFactsOnly } from './patches.ts';
import type { UnitRun, UnitSnapshot } from './unitRun.ts';

/** Reports the unit as it stands; resolves to the snapshot it reported. */
export function unitReporter(run: UnitRun): () => Promise<UnitSnapshot> {
  const parent = workflowInfo().parent;
  const parentHandle =
    parent && getExternalWorkflowHandle(parent.workflowId, patched(parentById) ? undefined : parent.runId);
  // The campaign starts each unit knowing nothing of it (noFacts).
  let upserted = '';
  let memoed = '';
  let reported = JSON.stringify(noFacts(run.input.unit.code));

  /** What goes to the campaign, by release; null when nothing does (a closed year: it waits for results). */
  function reportOf(current: UnitStatus): UnitFacts | UnitProgress | ProgressWithRows | null {
    if (patched(reportFactsOnly)) return run.snapshot.status === 'done' ? null : unitFacts(current);
    if (patched(progressWithoutRows)) return unitProgress(current);
    const { activitiesRecorded: _, ...withRows } = current;
    return withRows;
  }

  return async () => {
    // What this round reports: a change that lands while the signal below is in flight is another round's.
    const reporting = run.snapshot;
    const current = run.status();
    // Before the upsert: a patch marker keeps its place among the commands, as histories recorded it.
    const report = reportOf(current);
    setCurrentDetails(unitDetails(current));
    const attributes = unitSearchAttributes(current);
    if (JSON.stringify(attributes) !== upserted) {
      upsertSearchAttributes(attributes);
      upserted = JSON.stringify(attributes);
    }
    if (patched(progressInMemo)) {
      const memo = unitMemo(current);
      if (JSON.stringify(memo) !== memoed) {
        upsertMemo(memo);
        memoed = JSON.stringify(memo);
      }
    }
    if (parentHandle && report && JSON.stringify(report) !== reported) {
      await parentHandle.signal(unitChangedSignal, report);
      reported = JSON.stringify(report);
    }
    return reporting;
  };
}
