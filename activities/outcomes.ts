// The units' outcomes at the close, read from their workflows' results. A campaign that has continued as new
// holds no handles on the children its first run started, so it asks for their results here, by id.
import { Context } from '@temporalio/activity';
import { type Client, WorkflowFailedError } from '@temporalio/client';
import { inParallel } from '../domain/inParallel.ts';
import { unitReportOf } from '../reads/campaignData.ts';
import { type UnitOutcome, unitOutcome } from '../workflows/campaign/nationalSummary.ts';
import type { OutcomeActivities } from '../workflows/proxies/outcomes.ts';
import { endedOutside } from '../workflows/shared/endedOutside.ts';
import type { UnitReport } from '../workflows/shared/status.ts';

/**
 * A unit's report when its workflow completed; where it stood when it ended, for one terminated by hand or
 * timed out, so that it does not hold up (or fail) the close of the year.
 */
async function reportOf(client: Client, workflowId: string): Promise<UnitReport> {
  try {
    return (await client.workflow.getHandle(workflowId).result()) as UnitReport;
  } catch (error) {
    if (!(error instanceof WorkflowFailedError && endedOutside(error.cause))) throw error;
    Context.current().log.warn('a unit workflow ended outside the campaign: its outcome is where it stood', {
      workflowId,
    });
    return unitReportOf(client, workflowId);
  }
}

/** Results are long polls: this many are awaited at once. */
const width = 50;

/** A unit workflow returns its report and a group workflow its units' outcomes (workflows/campaign/). */
export function createOutcomeActivities(): OutcomeActivities {
  return {
    /** Waits for each workflow to finish (following its runs) and returns the outcomes in the order asked. */
    async closedOutcomes({ unitIds = [], groupIds = [] }) {
      const { client } = Context.current();
      let finished = 0;
      const heartbeat = () => Context.current().heartbeat(++finished);
      const ofUnits = new Array<UnitOutcome>(unitIds.length);
      await inParallel(unitIds, width, async (id, i) => {
        ofUnits[i] = unitOutcome(await reportOf(client, id));
        heartbeat();
      });
      const ofGroups = new Array<UnitOutcome[]>(groupIds.length);
      await inParallel(groupIds, width, async (id, i) => {
        ofGroups[i] = (await client.workflow.getHandle(id).result()) as UnitOutcome[];
        heartbeat();
      });
      return [...ofUnits, ...ofGroups.flat()];
    },
  };
}
