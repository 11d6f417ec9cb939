// One place that turns what can go wrong into a message on stderr and an exit code:
// 0 success, 1 failure, 2 bad usage or rejected input, 3 done but something needs an operator (a stuck unit).
import {
  isGrpcServiceError,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { InvalidInputError } from '../domain/validation.ts';
import { refusalTypes } from '../workflows/failures.ts';

export const exitCodes = { ok: 0, failure: 1, rejected: 2, needsAttention: 3 } as const;

/** An error the CLI itself raises, with the exit code it should end with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = exitCodes.rejected,
  ) {
    super(message);
  }
}

/** The connection to Temporal could not be opened: raised by `withClient`, whatever gRPC said. */
export class TemporalUnreachableError extends Error {
  override readonly name = 'TemporalUnreachableError';
  constructor(
    readonly address: string,
    options: { cause: unknown },
  ) {
    super(`cannot reach Temporal at ${address}`, options);
  }
}

/** gRPC's status code UNAVAILABLE (the SDK does not re-export grpc-js's enum). */
const grpcUnavailable = 14;

/** A call on an open connection whose server went away: gRPC UNAVAILABLE, bare or wrapped by the SDK. */
export function isServerGone(error: unknown): boolean {
  const grpc = error instanceof ServiceError ? error.cause : error;
  return isGrpcServiceError(grpc) && grpc.code === grpcUnavailable;
}

/** Input and state rejections from our workflows' update validators. */
const rejectionTypes = new Set<string>(['InvalidInput', ...Object.values(refusalTypes)]);

export function describeError(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
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
      message: `no such workflow: ${error.workflowId ?? 'unknown'} (check --year and --unit; "wlx campaign status --year Y" lists the units)`,
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
