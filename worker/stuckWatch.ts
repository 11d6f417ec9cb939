// The workers' watch for workflows that stand still: a run whose tasks keep failing (the server marks it
// with TemporalReportedProblems) gets one notice to the operators, Chinese first, naming what recovers it.
// Each stuck run starts one stuckNoticeWorkflow under an id made of the run's: a second worker, or the next
// look, finds it started already. Nothing here decides anything the workflows do.
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { defaultRegistry } from '../domain/defaultRegistry.ts';
import type { NotificationRequest, Recipient } from '../domain/notices/notifications.ts';
import { parseWorkflowId, taskQueue } from '../workflows/shared/messages.ts';
import type { stuckNoticeWorkflow } from '../workflows/stuck/stuckNoticeWorkflow.ts';

const stuckQuery =
  "ExecutionStatus = 'Running' AND TemporalReportedProblems IS NOT NULL AND WorkflowType IN ('campaignWorkflow', 'unitGroupWorkflow', 'unitWorkflow')";

export interface StuckWatch {
  stop(): Promise<void>;
}

export function startStuckWatch(options: {
  client: Client;
  operators: Recipient[];
  everyMs: number;
  log: (message: string, error?: unknown) => void;
}): StuckWatch {
  const { client, operators, everyMs, log } = options;
  const names = new Map(defaultRegistry().units.map((u) => [u.code, u]));
  let looking: Promise<void> = Promise.resolve();

  async function look(): Promise<void> {
    for await (const execution of client.workflow.list({ query: stuckQuery })) {
      const parsed = parseWorkflowId(execution.workflowId);
      if (!parsed) continue;
      const { year } = parsed;
      const code = parsed.name ?? 'campaign';
      const known = names.get(code) ?? (code === 'campaign' ? campaignNames(year) : undefined);
      const problems = (execution.searchAttributes as Record<string, unknown>).TemporalReportedProblems;
      const request: NotificationRequest = {
        key: `${year}/${code}/stuck-${execution.runId}`,
        kind: 'workflow.stuck',
        to: operators,
        cc: [],
        year,
        unit: { code, nameZh: known?.nameZh ?? code, nameEn: known?.nameEn ?? code },
        feedback: [
          `工作流 Workflow: ${execution.workflowId} (run ${execution.runId})`,
          `服务器报告 The server reports: ${Array.isArray(problems) ? problems.join(', ') : 'repeated task failures'}`,
        ],
      };
      try {
        await client.workflow.start<typeof stuckNoticeWorkflow>('stuckNoticeWorkflow', {
          taskQueue,
          workflowId: `wanlixing-stuck-notice-${execution.runId}`,
          // Once per stuck run, also after the notice's own workflow has closed.
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          args: [request],
        });
        log(`stuck: ${execution.workflowId} (${execution.runId}); the operators are told`);
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
    }
  }

  const timer = setInterval(() => {
    looking = looking.then(look).catch((error: unknown) => log('the stuck watch could not look', error));
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await looking;
    },
  };
}

function campaignNames(year: number) {
  return { nameZh: `${year}年知识产权服务万里行活动`, nameEn: `the ${year} campaign` };
}
