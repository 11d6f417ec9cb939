// Who acts, from where, and the trail their actions go to: what the CLI and the web hand each operation, so
// that the operation — the one copy of each rule — writes the audit entry after the workflow accepted it.
import { randomUUID } from 'node:crypto';
import type { ActorKind, AuditEntryInput, AuditKind, AuditVia } from '../../../domain/audit/entry.ts';
import type { AuditTrail } from '../../../infra/audit/trail.ts';
import { recordQuietly } from '../../../infra/audit/trail.ts';

export interface Acting {
  actor: { kind: ActorKind; name: string };
  via: AuditVia;
  /** Where the entry goes; none records nothing (a test, a dry run). */
  trail?: AuditTrail | undefined;
  /**
   * The caller's retry key: the same key twice is one action, applied once by the workflow (its update id)
   * and recorded once in the trail. A fresh one per call otherwise.
   */
  actionId?: string | undefined;
}

/** The update id an action is sent under: the caller's retry key, else a fresh one. */
export const updateIdOf = (acting: Acting | undefined): string => acting?.actionId ?? randomUUID();

/** An operator's name for the update's `by`, or nothing when a unit or nobody acts. */
export const byOf = (acting: Acting | undefined): { by?: string } =>
  acting?.actor.kind === 'operator' ? { by: acting.actor.name } : {};

/**
 * Records the action once under `update:<workflow id>:<update id>`, the same key the workflow applied it
 * under; the trail's trouble is logged and never undoes an action the workflow has taken.
 */
export async function recordAction(
  acting: Acting | undefined,
  action: {
    workflowId: string;
    updateId: string;
    kind: AuditKind;
    year: number;
    unitCode: string | null;
    detail?: AuditEntryInput['detail'];
  },
): Promise<void> {
  if (!acting?.trail) return;
  await recordQuietly(acting.trail, {
    actionId: `update:${action.workflowId}:${action.updateId}`,
    at: Date.now(),
    year: action.year,
    unitCode: action.unitCode,
    actor: acting.actor,
    kind: action.kind,
    via: acting.via,
    detail: action.detail ?? {},
  });
}
