// "Remind all" (全部催报) at most once an interval per year, for wlx, the web and the API alike: the last one is
// read from the audit trail, where each remind-all leaves one entry besides its units' own. There is no
// override: a unit that needs another reminder sooner gets it one by one (催报 on its row), which the interval
// does not limit. Without a trail (wlx with no database) nothing is known of the last one and nothing is held.

import type { Client } from '@temporalio/client';
import type { AuditEntry } from '../../domain/audit/entry.ts';
import { formatShanghaiDateTime } from '../../domain/calendar.ts';
import type { AuditTrail } from '../../infra/audit/trail.ts';
import { recordQuietly } from '../../infra/audit/trail.ts';
import { UserError } from '../../infra/userError.ts';
import type { UnitProgress } from '../../workflows/shared/status.ts';
import { type Acting, updateIdOf } from './audit/acting.ts';
import { type RemindOutcome, remindUnits } from './remindUnits.ts';

/** The remind-all that holds the next one back: when, by whom, and when the next is allowed. */
export interface RemindAllHold {
  at: number;
  by: string;
  nextAt: number;
}

export class RemindAllTooSoonError extends UserError {
  constructor(readonly hold: RemindAllHold) {
    const [at, next] = [formatShanghaiDateTime(hold.at), formatShanghaiDateTime(hold.nextAt)];
    super(
      `${hold.by} 已于 ${at} 全部催报，下次全部催报须在 ${next}（北京时间）之后；个别单位可逐一催报 ` +
        `(everyone was reminded by ${hold.by} at ${at}; the next remind-all is allowed after ${next} Beijing time; ` +
        'single units can still be reminded one by one)',
    );
  }
}

const actionIdOf = (year: number, acting: Acting | undefined) => `remind-all:${year}:${updateIdOf(acting)}`;

const isRemindAll = (entry: AuditEntry) => entry.unitCode === null && entry.detail.scope === 'all';

/** The year's remind-alls, the oldest first. */
async function remindAllsOf(trail: AuditTrail | undefined, year: number): Promise<AuditEntry[]> {
  return trail ? (await trail.list({ year, kinds: ['remind'] })).filter(isRemindAll) : [];
}

function holdOf(entries: readonly AuditEntry[], intervalMs: number, now: number): RemindAllHold | null {
  const last = entries.at(-1);
  if (!last || intervalMs <= 0 || now >= last.at + intervalMs) return null;
  return { at: last.at, by: last.actor.name, nextAt: last.at + intervalMs };
}

/** What holds a remind-all back at `now`, or null when one may go. */
export async function remindAllHold(
  trail: AuditTrail | undefined,
  year: number,
  intervalMs: number,
  now: number,
): Promise<RemindAllHold | null> {
  return holdOf(await remindAllsOf(trail, year), intervalMs, now);
}

/**
 * Reminds every unit of `units` with something due (remindUnits), unless the last remind-all of the year was
 * less than `intervalMs` before `now`. A retry under the same action id is the same remind-all, never held.
 */
export async function remindAll(
  client: Client,
  year: number,
  units: readonly UnitProgress[],
  options: {
    intervalMs: number;
    now: number;
    acting?: Acting | undefined;
    onEach?: (outcome: RemindOutcome, index: number) => void;
  },
): Promise<RemindOutcome[]> {
  const { acting, now } = options;
  const actionId = actionIdOf(year, acting);
  const earlier = await remindAllsOf(acting?.trail, year);
  const hold = holdOf(earlier, options.intervalMs, now);
  if (hold && !earlier.some((e) => e.actionId === actionId)) throw new RemindAllTooSoonError(hold);
  const outcomes = await remindUnits(client, year, units, options.onEach, acting);
  const count = (kind: RemindOutcome['outcome']) => outcomes.filter((o) => o.outcome === kind).length;
  // Only a remind-all that reminded someone holds the next back: one that found nothing due sent nothing.
  if (acting && count('reminded') > 0)
    await recordQuietly(acting.trail, {
      actionId,
      at: now,
      year,
      unitCode: null,
      actor: acting.actor,
      kind: 'remind',
      via: acting.via,
      detail: { scope: 'all', reminded: count('reminded'), notDue: count('notDue'), failed: count('failed') },
    });
  return outcomes;
}
