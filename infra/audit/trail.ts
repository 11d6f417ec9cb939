// The audit trail (留痕) as its writers and readers see it: append an entry once per action id; read a year's
// entries narrowed by unit, actor, kind and dates. The SQL behind it is sqlTrail.ts.
import type { AuditEntry, AuditEntryInput, AuditQuery } from '../../domain/audit/entry.ts';

export interface AuditTrail {
  /**
   * Appends the entry unless one with its action id is already there: 'recorded', or 'known' for a retried
   * write (the first entry stays as it was).
   */
  record(entry: AuditEntryInput): Promise<'recorded' | 'known'>;
  /** The entries that match, the oldest first (by time, then by the order they were recorded). */
  list(query: AuditQuery): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

/**
 * Records without letting the trail's trouble undo an action that has already happened: the action stands and
 * the failure is logged (the workflow's history keeps it regardless).
 */
export async function recordQuietly(
  trail: AuditTrail | undefined,
  entry: AuditEntryInput,
  log: (message: string, error: unknown) => void = (message, error) => console.error(message, error),
): Promise<void> {
  if (!trail) return;
  try {
    await trail.record(entry);
  } catch (error) {
    log(`audit trail: could not record ${entry.kind} ${entry.actionId}`, error);
  }
}
