// Opens the mail ledger named by a URL: `postgres://…` for a PostgreSQL server that several workers share
// (deployments, and `npm start`'s embedded server), `pglite:<dir>` for PGlite inside this one process.

import { sqlClient } from '../sql.ts';
import type { MailLedger } from './ledger.ts';
import { openSqlLedger, type SqlLedgerOptions } from './sqlLedger.ts';

export async function openMailLedger(url: string, options: SqlLedgerOptions = {}): Promise<MailLedger> {
  return openSqlLedger(await sqlClient(url), options);
}
