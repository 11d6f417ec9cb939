// A unit's workflow that ended outside the campaign (terminated by hand from the Temporal UI, say) does not
// end the year. Before 'units-ended-outside' the next signal to it failed the whole campaign ("Unable to
// signal external workflow because it was not found"), and so did its result at the close. Now the signal
// is passed over and told in the log, and its outcome is read by the closedOutcomes activity from where the
// unit stood when it ended. The patch is asked only when such a failure happens, so every history without
// one replays as it was recorded.
import { ApplicationFailure, ChildWorkflowFailure, log, patched } from '@temporalio/workflow';
import { closedOutcomes } from '../proxies/outcomes.ts';
import { endedOutside } from '../shared/endedOutside.ts';
import type { UnitReport } from '../shared/status.ts';
import { type UnitOutcome, unitOutcome } from './nationalSummary.ts';
import { unitsEndedOutside } from './patches.ts';

const notFound = (error: unknown) =>
  error instanceof ApplicationFailure && error.type === 'ExternalWorkflowExecutionNotFound';

/** Sends a signal to a unit (or a group of units), passing over one whose workflow has ended. */
export async function signalUnlessEnded(workflowId: string, send: () => Promise<void>): Promise<void> {
  try {
    await send();
  } catch (error) {
    if (!notFound(error) || !patched(unitsEndedOutside)) throw error;
    log.warn('a unit workflow has ended outside the campaign: signal passed over', { workflowId });
  }
}

/** A child unit's outcome: its report, or, when it was terminated or timed out, where it stood then. */
export async function outcomeOf(workflowId: string, result: Promise<UnitReport>): Promise<UnitOutcome> {
  try {
    return unitOutcome(await result);
  } catch (error) {
    const ended = error instanceof ChildWorkflowFailure && endedOutside(error.cause);
    if (!ended || !patched(unitsEndedOutside)) throw error;
    log.warn('a unit workflow has ended outside the campaign: its outcome is where it stood', { workflowId });
    const [outcome] = await closedOutcomes({ unitIds: [workflowId] });
    if (!outcome) throw error;
    return outcome;
  }
}
