// Which event of a workflow's history today's code cannot replay. A worker that meets it fails every
// workflow task of that workflow (TMPRL1100), so this is what an operator needs to know to recover it.
import type { temporal } from '@temporalio/proto';
import {
  bundleWorkflowCode,
  DefaultLogger,
  makeTelemetryFilterString,
  Runtime,
  Worker,
  type WorkflowBundleOption,
} from '@temporalio/worker';
import { projectPath } from '../../../infra/projectRoot.ts';
import { dataConverter } from '../../../infra/temporal/payloadCodec.ts';

type History = temporal.api.history.v1.IHistory;

export interface Unreplayable {
  /** The first history event the code's commands disagree with. */
  eventId: number;
  message: string;
}

/** The deployed bundle when the environment names one (WORKFLOW_BUNDLE), else today's source bundled. */
export async function workflowBundle(env: NodeJS.ProcessEnv = process.env): Promise<WorkflowBundleOption> {
  if (env.WORKFLOW_BUNDLE) return { codePath: env.WORKFLOW_BUNDLE };
  const workflowsPath = projectPath('workflows', 'index.ts');
  return bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
}

/** null when the whole history replays; the event the replay stopped at otherwise. */
export async function firstUnreplayableEvent(
  history: History,
  bundle: WorkflowBundleOption,
): Promise<Unreplayable | null> {
  quietRuntime();
  try {
    await Worker.runReplayHistory({ workflowBundle: bundle, dataConverter }, history);
    return null;
  } catch (error) {
    const message = (error as Error).message;
    // Core names the event it could not match: "... HistoryEvent(id: 72, ActivityTaskScheduled)".
    const match = /HistoryEvent\(id: (\d+)/.exec(message);
    if (!match) throw error;
    return { eventId: Number(match[1]), message };
  }
}

/** The replay worker logs every state change at INFO; a command's output keeps to warnings. */
export function quietRuntime(): void {
  try {
    Runtime.install({
      logger: new DefaultLogger('WARN'),
      // Core warns of the very failure this looks for, on stdout; the caller reports it.
      telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }) } },
    });
  } catch {
    // Already installed by the process (a test, a worker): its logger stands.
  }
}
