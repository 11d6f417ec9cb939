// One reporting unit's year: drives the unit machine with updates, signals and durable timers, and runs the
// notifications it asks for as activities. Its parts, each made for this run: the state (unitRun), the
// handlers, the reporting, the clock, the mail; the patched() ids and their releases are in patches.ts.
import { allHandlersFinished, condition, continueAsNew, patched, workflowInfo } from '@temporalio/workflow';
import type { UnitReport } from '../shared/status.ts';
import { unitClock } from './clock.ts';
import { deliverPending } from './delivery.ts';
import { setUnitHandlers } from './handlers.ts';
import { deliverBeforeFinishing } from './patches.ts';
import { unitReporter } from './reporting.ts';
import type { UnitWorkflowInput } from './unitInput.ts';
import { unitRun } from './unitRun.ts';

export async function unitWorkflow(input: UnitWorkflowInput): Promise<UnitReport> {
  const run = unitRun(input);
  setUnitHandlers(run);
  const report = unitReporter(run);
  const nextTick = unitClock(run);

  while (true) {
    await deliverPending(run);
    const reported = await report();
    if (run.snapshot.status === 'done') {
      // The close can land while the report above is in flight, with mail for the ticks it applied still
      // pending: go round once more to send it.
      if (run.pending.length === 0 || !patched(deliverBeforeFinishing)) break;
      continue;
    }

    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > (input.historyEventLimit ?? 5_000)) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof unitWorkflow>({ ...input, carried: run.carry() });
    }

    await nextTick(reported);
  }

  await condition(allHandlersFinished);
  return { ...run.status(), resultsSummary: run.snapshot.context.resultsSummary };
}
