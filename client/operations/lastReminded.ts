// When each unit was last reminded by an operator (催报) and by whom, from the audit trail: the lists show it so
// that nobody reminds a unit reminded an hour ago. The ladder's own timed notices are the mail history's.
import type { AuditTrail } from '../../infra/audit/trail.ts';

export interface LastReminded {
  at: number;
  by: string;
}

/** Each reminded unit's last reminder; empty without a trail. */
export async function lastReminders(
  trail: AuditTrail | undefined,
  year: number,
): Promise<ReadonlyMap<string, LastReminded>> {
  const last = new Map<string, LastReminded>();
  if (!trail) return last;
  // The oldest first: a later entry replaces an earlier one.
  for (const entry of await trail.list({ year, kinds: ['remind'] })) {
    if (entry.unitCode !== null) last.set(entry.unitCode, { at: entry.at, by: entry.actor.name });
  }
  return last;
}
