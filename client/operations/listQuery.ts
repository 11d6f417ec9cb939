// What the lists' queries share: a filter form's part left at "all" arrives empty and means no filter, and a
// query goes back into a link with only its parts that are set, in a fixed order.
import { z } from 'zod';

export const blankAsAll = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const orderSchema = blankAsAll(z.enum(['asc', 'desc']));

export function queryString<Q extends Record<string, string | undefined>>(
  query: Q,
  keys: readonly (keyof Q & string)[],
): string {
  const parts = keys.flatMap((key) => {
    const value = query[key];
    return value ? [`${key}=${encodeURIComponent(value)}`] : [];
  });
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
