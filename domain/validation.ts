// One place that turns zod issues into messages that name the field and say what would be accepted.
import { ApplicationFailure } from '@temporalio/common';
import type { z } from 'zod';

export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
  constructor(
    readonly what: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(`invalid ${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
}

export function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** Parses `value` or throws an InvalidInputError whose message names each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidInputError(
    what,
    result.error.issues.map((issue) => ({ path: fieldPath(issue.path), message: issue.message })),
  );
}

/**
 * Runs a check whose InvalidInputError must end the operation for good: an update validator's rejection
 * (nothing reaches history) or an activity's non-retryable failure. The same input fails the same way,
 * so it is marked non-retryable; the message names the fields and the issues travel as details.
 */
export function rejectInvalid<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof InvalidInputError) {
      throw ApplicationFailure.create({
        type: 'InvalidInput',
        nonRetryable: true,
        message: error.message,
        details: [error.issues],
      });
    }
    throw error;
  }
}

/** Rejects, as rejectInvalid does, with the issues a check beyond the schema found; passes when there are none. */
export function rejectIssues(what: string, issues: readonly { path: string; message: string }[]): void {
  if (issues.length === 0) return;
  rejectInvalid(() => {
    throw new InvalidInputError(what, issues);
  });
}

/**
 * For a schema's superRefine: one issue at `path(i)` for each item whose key an earlier item already had.
 * Returns the keys, for checks that refer to them.
 */
export function flagRepeats<T>(
  ctx: z.RefinementCtx,
  items: readonly T[],
  key: (item: T) => string,
  path: (i: number) => PropertyKey[],
  message: (key: string) => string,
): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) ctx.addIssue({ code: 'custom', path: path(i), message: message(k) });
    seen.add(k);
  });
  return seen;
}
