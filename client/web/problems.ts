// Errors as RFC 9457 problem details (application/problem+json), the HTTP side of client/operations/errors.ts:
// the same errors, told apart the same way, with the field errors named as the user sees them.
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { UnknownUnitError } from '../../domain/registry.ts';
import { fieldPath, InvalidInputError } from '../../domain/validation.ts';
import { isServerGone } from '../../infra/temporal/serverGone.ts';
import { TemporalUnreachableError } from '../../infra/temporal/unreachable.ts';
import { UserError } from '../../infra/userError.ts';
import { refusalTypes } from '../../workflows/shared/failures.ts';
import { RemindAllTooSoonError } from '../operations/remindAll.ts';

export interface FieldError {
  /** The field as the user wrote it: `items[0].coordinationReason`, `year`. */
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign-in required',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Not allowed now',
  410: 'Gone',
  413: 'Too large',
  422: 'Invalid input',
  429: 'Too many attempts',
  500: 'Internal error',
  503: 'Temporal unavailable',
};

/** `type` names the kind of problem; clients tell them apart by it, as by the status. */
export function problem(status: number, kind: string, detail: string, errors?: FieldError[]): Problem {
  return {
    type: `urn:wanlixing:problem:${kind}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    ...(errors && errors.length > 0 && { errors }),
  };
}

export function sendProblem(c: Context, p: Problem, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(p), p.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json',
    ...headers,
  });
}

/** zod's issues on a request, named as in the request: body fields by their path, parameters by name. */
export function validationProblem(issues: readonly z.core.$ZodIssue[], where: string): Problem {
  const errors = issues.map((issue) => ({ field: fieldPath(issue.path), message: issue.message }));
  return problem(
    422,
    'invalid-input',
    `invalid ${where}: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
    errors,
  );
}

/** The update validators' InvalidInput carries its issues as the failure's first detail. */
function failureIssues(failure: ApplicationFailure): FieldError[] {
  const [issues] = failure.details ?? [];
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((i: unknown) => {
    const { path, message } = (i ?? {}) as { path?: unknown; message?: unknown };
    return typeof path === 'string' && typeof message === 'string' ? [{ field: path, message }] : [];
  });
}

/** What an action's error means over HTTP; anything unforeseen is a 500 whose detail says nothing inside. */
export function problemFor(error: unknown): Problem {
  if (error instanceof InvalidInputError) {
    return problem(
      422,
      'invalid-input',
      error.message,
      error.issues.map((i) => ({ field: i.path, message: i.message })),
    );
  }
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const failure = error.cause;
    if (failure.type === 'InvalidInput')
      return problem(422, 'invalid-input', failure.message, failureIssues(failure));
    if (failure.type === refusalTypes.notAllowedNow) return problem(409, 'not-allowed-now', failure.message);
    if (failure.type === refusalTypes.campaignClosed) return problem(409, 'campaign-closed', failure.message);
    // A workflow with no handler for the update: e.g. matching on a campaign started without a catalogue.
    if (/no registered handler for update/i.test(failure.message))
      return problem(409, 'not-allowed-now', `not available in this workflow: ${failure.message}`);
    return problem(500, 'update-failed', 'the update failed');
  }
  if (error instanceof WorkflowNotFoundError) {
    return problem(
      404,
      'no-such-workflow',
      `no such workflow: ${error.workflowId ?? 'unknown'} (check the year and the unit)`,
    );
  }
  if (error instanceof UnknownUnitError)
    return problem(404, 'no-such-unit', `unknown unit ${error.unitCode}`);
  if (error instanceof WorkflowExecutionAlreadyStartedError) {
    return problem(409, 'already-started', `${error.workflowId} is already running`);
  }
  if (error instanceof TemporalUnreachableError || isServerGone(error)) {
    return problem(
      503,
      'temporal-unavailable',
      '无法连接 Temporal (cannot reach Temporal); try again shortly',
    );
  }
  if (error instanceof RemindAllTooSoonError) return problem(409, 'too-soon', error.message);
  if (error instanceof UserError) return problem(400, 'bad-request', error.message);
  return problem(500, 'internal', 'an internal error; it has been logged');
}
