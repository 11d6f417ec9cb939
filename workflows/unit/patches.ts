// The patched() ids of unitWorkflow, oldest first: each names a behaviour that histories recorded before it
// do not have, and the release that brought it. Each is asked where its branch is, as histories recorded it:
// moving a patched() call, or asking it in another order, breaks the replay of running years.

/** 0.2.0: the close applies the ticks that fell due before it, so a late worker ends the year the same. */
export const applyDueTicksBeforeClose = 'apply-due-ticks-before-close';
/** 0.2.0: a change that lands while the report to the campaign is in flight wakes the unit's next round. */
export const reportChangesDuringSignal = 'report-changes-during-signal';
/** 0.3.1: a unit sends the mail of the ticks its close applied before it finishes. */
export const deliverBeforeFinishing = 'deliver-before-finishing';
/** 0.4.0: tell the campaign flagged demand ids, not the rows. */
export const progressWithoutRows = 'progress-without-rows';
/** 0.5.0: tell the campaign only what it acts on (UnitFacts) while the year runs, not every tick. */
export const reportFactsOnly = 'report-facts-only';
/** 0.5.0: keep the unit's standing in its memo, for the dashboard to read without a query. */
export const progressInMemo = 'progress-in-memo';
/** 0.5.0: wait for the next tick on one timer per instant, not a cancellable condition each round. */
export const oneTimerPerTick = 'one-timer-per-tick';
/** 0.7.0: signal the parent by its id alone, reaching the current run of a campaign that continued as new. */
export const parentById = 'parent-by-id';
/** 0.9.0: a return for revision never ends before the deadline it replaces. */
export const returnKeepsLaterDeadline = 'return-keeps-later-deadline';
/** 0.11.0: reminders, escalation steps and the revision clock count the schedule's working days. */
export const countWorkingDays = 'count-working-days';
