// One place that turns zod issues into messages that name the field and say what would be accepted.
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
