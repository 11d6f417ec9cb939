// An operator's "remind all": every unit with a deadline running gets a reminder of what it owes. Each unit
// answers for itself, so one that refuses (it has just submitted) never stops the others.
import { type Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { refusalTypes } from '../../workflows/shared/failures.ts';
import { remindUnitUpdate, unitWorkflowId } from '../../workflows/shared/messages.ts';
import type { UnitProgress } from '../../workflows/shared/status.ts';
import { type Acting, byOf, recordAction, updateIdOf } from './audit/acting.ts';

export type RemindOutcome = { unitCode: string; nameZh: string } & (
  | { outcome: 'reminded'; missing: string[] }
  /** Nothing was due, by the campaign's status or by the unit's own answer. */
  | { outcome: 'notDue'; reason: string }
  /** Due, and the reminder could not be given. */
  | { outcome: 'failed'; reason: string }
);

/** The unit's own refusals that mean "nothing is due from me now", not a failure. */
const nothingDue = new Set<string>(Object.values(refusalTypes));

/**
 * Reminds each unit of `units` (the campaign's status as the operator last saw it) that has something due,
 * one after another; `onEach` hears every outcome as it comes, for progress.
 */
export async function remindUnits(
  client: Client,
  year: number,
  units: readonly UnitProgress[],
  onEach: (outcome: RemindOutcome, index: number) => void = () => {},
  acting?: Acting,
): Promise<RemindOutcome[]> {
  const outcomes: RemindOutcome[] = [];
  for (const unit of units) {
    // One action per unit: a retry key names the batch, and each unit's reminder is that key and its code.
    const unitActing = acting && {
      ...acting,
      actionId: acting.actionId && `${acting.actionId}-${unit.unitCode}`,
    };
    const outcome = await remindOne(client, year, unit, unitActing);
    onEach(outcome, outcomes.length);
    outcomes.push(outcome);
  }
  return outcomes;
}

async function remindOne(
  client: Client,
  year: number,
  unit: UnitProgress,
  acting: Acting | undefined,
): Promise<RemindOutcome> {
  const who = { unitCode: unit.unitCode, nameZh: unit.nameZh };
  if (unit.due === null) return { ...who, outcome: 'notDue', reason: 'nothing is due (无待提交事项)' };
  const workflowId = unitWorkflowId(year, unit.unitCode);
  const updateId = updateIdOf(acting);
  try {
    const status = await client.workflow
      .getHandle(workflowId)
      .executeUpdate(remindUnitUpdate, { args: [byOf(acting)], updateId });
    await recordAction(acting, {
      workflowId,
      updateId,
      kind: 'remind',
      year,
      unitCode: unit.unitCode,
      detail: { missing: status.missing },
    });
    return { ...who, outcome: 'reminded', missing: status.missing };
  } catch (error) {
    const refusal = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
    if (refusal instanceof ApplicationFailure && nothingDue.has(refusal.type ?? '')) {
      return { ...who, outcome: 'notDue', reason: refusal.message };
    }
    return { ...who, outcome: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}
