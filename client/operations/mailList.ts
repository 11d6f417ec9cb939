// A unit's mail history as a list operators narrow and order: by the kind of notice and how it ended, the
// newest first unless asked otherwise. One copy for the operator panel's table and its .xlsx export.
import { z } from 'zod';
import { notificationKinds } from '../../domain/notices/notifications.ts';
import { blankAsAll, orderSchema, queryString } from './listQuery.ts';
import type { MailEntry } from './mailHistory.ts';

export const mailOutcomes = ['sent', 'failed', 'pending'] as const satisfies readonly MailEntry['outcome'][];

/** `?kind=deadline.reminder&outcome=failed&order=asc`; every part may be left out. */
export const mailListQuerySchema = z.object({
  kind: blankAsAll(z.enum(notificationKinds)),
  outcome: blankAsAll(z.enum(mailOutcomes)),
  order: orderSchema,
});
export type MailListQuery = z.output<typeof mailListQuerySchema>;

export const mailListQueryString = (query: MailListQuery): string =>
  queryString(query, ['kind', 'outcome', 'order']);

/** The notices the query keeps; `mail` comes oldest first, as the history has it. */
export function mailList(mail: readonly MailEntry[], query: MailListQuery): MailEntry[] {
  const kept = mail.filter(
    (m) => (!query.kind || m.kind === query.kind) && (!query.outcome || m.outcome === query.outcome),
  );
  return query.order === 'asc' ? kept : kept.reverse();
}
