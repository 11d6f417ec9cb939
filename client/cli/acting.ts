// Who runs a wlx command that acts, for the audit trail: the operator (WLX_OPERATOR, else the account
// running wlx) from the command line, recorded in the web's database (WEB_DB_URL, else MAIL_LEDGER_URL). When
// neither names a database, wlx says the action goes unrecorded rather than open a PGlite folder of its own
// that nobody reads.
import { z } from 'zod';
import type { ActorKind } from '../../domain/audit/entry.ts';
import { parseInput } from '../../domain/validation.ts';
import type { AuditTrail } from '../../infra/audit/trail.ts';
import { webDbFields, webDbUrl } from '../../infra/config.ts';
import type { Acting } from '../operations/audit/acting.ts';
import { defaultOperator } from '../operations/matchingReview.ts';

/** The trail wlx writes to, or undefined (with a line on stderr saying why). */
export async function openCliTrail(env: NodeJS.ProcessEnv = process.env): Promise<AuditTrail | undefined> {
  if (!env.WEB_DB_URL && !env.MAIL_LEDGER_URL) {
    process.stderr.write(
      '未记入办理记录：请设置 WEB_DB_URL 为网页的数据库 (not recorded in the audit trail: set WEB_DB_URL to the web’s database)\n',
    );
    return undefined;
  }
  const url = webDbUrl(parseInput(z.object(webDbFields), env, 'environment'));
  try {
    // Loaded when a command acts: the SQL drivers stay out of commands that only read.
    const { openAuditTrail } = await import('../../infra/audit/sqlTrail.ts');
    return await openAuditTrail(url);
  } catch (error) {
    process.stderr.write(
      `未记入办理记录：数据库无法打开 (not recorded in the audit trail: the database did not open: ${(error as Error).message})\n`,
    );
    return undefined;
  }
}

/** Runs `fn` as `by` (an operator by default) from the CLI, with the trail open for its duration. */
export async function withActing<T>(
  fn: (acting: Acting) => Promise<T>,
  who: { kind?: ActorKind; by?: string | undefined } = {},
): Promise<T> {
  const trail = await openCliTrail();
  try {
    return await fn({
      actor: { kind: who.kind ?? 'operator', name: who.by ?? defaultOperator() },
      via: 'cli',
      trail,
    });
  } finally {
    await trail?.close();
  }
}
