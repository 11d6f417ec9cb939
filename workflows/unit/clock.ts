// A unit's clock: the next event that time alone brings (a reminder or escalation on the running deadline,
// or the summary window), and the durable timer the workflow waits on for it.
import { condition, patched, sleep } from '@temporalio/workflow';
import { type CampaignSchedule, toReal } from '../../domain/calendar.ts';
import { nextTick } from '../../domain/deadlines.ts';
import { dueTrack, stateName } from '../shared/status.ts';
import { oneTimerPerTick, reportChangesDuringSignal } from './patches.ts';
import type { UnitEvent } from './unitMachine.ts';
import type { UnitRun, UnitSnapshot } from './unitRun.ts';

interface Alarm {
  /** The nominal instant of the tick it is for. */
  at: number;
  rang: boolean;
}

/** The next event time alone will bring: a reminder or escalation on the running clock, or the summary window. */
export function upcoming(snapshot: UnitSnapshot, schedule: CampaignSchedule): { event: UnitEvent } | null {
  const candidates: UnitEvent[] = [];
  const track = dueTrack(snapshot);
  if (track) {
    const tick = nextTick(snapshot.context[track], snapshot.context.policy);
    if (tick) candidates.push({ type: tick.type, track, at: tick.at });
  }
  const summaryOpens: UnitEvent = { type: 'summary.open', at: schedule.phases.summary.start };
  if (snapshot.can(summaryOpens)) candidates.push(summaryOpens);
  const next = candidates.sort((a, b) => a.at - b.at)[0];
  return next ? { event: next } : null;
}

/**
 * The unit's wait for its next tick: resolves when the machine changed or has mail to send since
 * `reported` (the snapshot the last report went out for), or applies the tick once it falls due first.
 */
export function unitClock(run: UnitRun): (reported: UnitSnapshot) => Promise<void> {
  const { schedule } = run.input;
  let alarm: Alarm | null = null;

  /**
   * The timer for the tick at `at`: the one already running when the next tick has not moved (most
   * changes leave it where it was), else a new one. A timer a change left behind (a submission stops its
   * clock) fires into nothing: that costs less than cancelling, which needs a scope of its own each round.
   */
  function alarmFor(at: number): Alarm {
    if (alarm?.at === at) return alarm;
    const next: Alarm = { at, rang: false };
    const ms = toReal(schedule.mapping, at) - Date.now();
    if (ms > 0)
      // Rejected only when the workflow is cancelled, which the condition waiting on it reports.
      sleep(ms).then(
        () => {
          next.rang = true;
        },
        () => undefined,
      );
    else next.rang = true;
    alarm = next;
    return next;
  }

  return async (reported) => {
    const tick = upcoming(run.snapshot, schedule);
    const before = patched(reportChangesDuringSignal) ? reported : run.snapshot;
    // An event can leave the snapshot as it was and still ask for mail (an operator's reminder).
    const changed = () => run.snapshot !== before || run.pending.length > 0;
    if (!tick) {
      await condition(changed);
      return;
    }
    if (patched(oneTimerPerTick)) {
      const next = alarmFor(tick.event.at);
      await condition(() => changed() || next.rang);
    } else {
      const wait = toReal(schedule.mapping, tick.event.at) - Date.now();
      if (wait > 0 && (await condition(changed, wait))) return;
    }
    if (changed()) return;
    // A tick the machine would ignore would spin the workflow's loop: fail the task loudly instead.
    if (!run.snapshot.can(tick.event))
      throw new Error(`unit machine ignores its own ${tick.event.type} in ${stateName(run.snapshot.value)}`);
    run.apply(tick.event);
  };
}
