// One place that turns what can go wrong into a message on stderr and an exit code (infra/userError.ts).
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { InvalidInputError } from '../../domain/validation.ts';
import { noSuchWorkflow } from '../../infra/temporal/reads.ts';
import { isServerGone } from '../../infra/temporal/serverGone.ts';
import { TemporalUnreachableError } from '../../infra/temporal/unreachable.ts';
import { exitCodes, UserError } from '../../infra/userError.ts';
import { refusalTypes } from '../../workflows/shared/failures.ts';

/** Input and state rejections from our workflows' update validators. */
const rejectionTypes = new Set<string>(['InvalidInput', ...Object.values(refusalTypes)]);

export function describeError(error: unknown): { message: string; exitCode: number } {
  if (error instanceof UserError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof InvalidInputError) return { message: error.message, exitCode: exitCodes.rejected };
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const rejected = rejectionTypes.has(error.cause.type ?? '');
    return {
      message: `rejected: ${error.cause.message}`,
      exitCode: rejected ? exitCodes.rejected : exitCodes.failure,
    };
  }
  if (error instanceof WorkflowNotFoundError) {
    return {
      message: noSuchWorkflow(error.workflowId ?? 'unknown'),
      exitCode: exitCodes.rejected,
    };
  }
  if (error instanceof WorkflowExecutionAlreadyStartedError) {
    return { message: `${error.workflowId} is already running`, exitCode: exitCodes.rejected };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof TemporalUnreachableError || isServerGone(error)) {
    const why = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return {
      message: `无法连接 Temporal (cannot reach Temporal): ${message}${why}; is it running? "npm start" brings up a local one`,
      exitCode: exitCodes.failure,
    };
  }
  return { message, exitCode: exitCodes.failure };
}
