// The audit trail in SQL, the same statements on PostgreSQL (`pg`) and PGlite, in a schema of its own
// (wanlixing_audit) in the web store's database: the one the web, wlx and — by default — the workers already
// share (WEB_DB_URL, else MAIL_LEDGER_URL). Append-only: a trigger refuses UPDATE and DELETE, and a repeated
// action id is ignored by its unique index, so a retried write records once.
import { type AuditEntry, type AuditQuery, auditEntrySchema } from '../../domain/audit/entry.ts';
import { parseInput } from '../../domain/validation.ts';
import { migrate, type SqlClient, sqlClient } from '../sql.ts';
import type { AuditTrail } from './trail.ts';

export const auditSchema = 'wanlixing_audit';
const table = `${auditSchema}.entries`;

const migration = [
  `CREATE SCHEMA IF NOT EXISTS ${auditSchema}`,
  `CREATE TABLE IF NOT EXISTS ${table} (
    seq bigserial PRIMARY KEY,
    action_id text NOT NULL UNIQUE,
    at timestamptz NOT NULL,
    year integer NOT NULL,
    unit_code text,
    actor_kind text NOT NULL CHECK (actor_kind IN ('unit', 'operator', 'system')),
    actor_name text NOT NULL,
    kind text NOT NULL,
    via text NOT NULL CHECK (via IN ('web', 'cli', 'api', 'timer')),
    detail jsonb NOT NULL DEFAULT '{}',
    recorded_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX IF NOT EXISTS entries_year_at ON ${table} (year, at, seq)`,
  `CREATE INDEX IF NOT EXISTS entries_year_unit ON ${table} (year, unit_code, at)`,
  `CREATE OR REPLACE FUNCTION ${auditSchema}.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$`,
  `CREATE OR REPLACE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON ${table}
   FOR EACH STATEMENT EXECUTE FUNCTION ${auditSchema}.refuse_change()`,
];

interface Row {
  action_id: string;
  at: Date | string;
  year: number;
  unit_code: string | null;
  actor_kind: AuditEntry['actor']['kind'];
  actor_name: string;
  kind: AuditEntry['kind'];
  via: AuditEntry['via'];
  detail: AuditEntry['detail'] | string;
}

export async function openAuditTrail(url: string): Promise<AuditTrail> {
  const client = await sqlClient(url);
  return { ...(await openSqlAuditTrail(client)), close: () => client.close() };
}

/** The trail on a connection another store owns (one PGlite folder has one owner): closing it closes nothing. */
export async function openSqlAuditTrail(client: SqlClient): Promise<AuditTrail> {
  await migrate(client, migration);
  return {
    async record(input) {
      const entry = parseInput(auditEntrySchema, input, 'audit entry');
      const { rows } = await client.query(
        `INSERT INTO ${table} (action_id, at, year, unit_code, actor_kind, actor_name, kind, via, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (action_id) DO NOTHING RETURNING 1`,
        [
          entry.actionId,
          new Date(entry.at),
          entry.year,
          entry.unitCode,
          entry.actor.kind,
          entry.actor.name,
          entry.kind,
          entry.via,
          JSON.stringify(entry.detail),
        ],
      );
      return rows.length === 1 ? 'recorded' : 'known';
    },
    async list(query) {
      const { where, params } = conditions(query);
      params.push(query.limit ?? 10_000);
      const { rows } = await client.query<Row>(
        `SELECT action_id, at, year, unit_code, actor_kind, actor_name, kind, via, detail FROM ${table}
         WHERE ${where.join(' AND ')} ORDER BY at, seq LIMIT $${params.length}`,
        params,
      );
      return rows.map(entryOf);
    },
    close: async () => {},
  };
}

function conditions(query: AuditQuery): { where: string[]; params: unknown[] } {
  const params: unknown[] = [query.year];
  const where = ['year = $1'];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(sql(params.length));
  };
  if (query.unitCode !== undefined) add((n) => `unit_code = $${n}`, query.unitCode);
  if (query.actorKind !== undefined) add((n) => `actor_kind = $${n}`, query.actorKind);
  if (query.actorName !== undefined) add((n) => `actor_name = $${n}`, query.actorName);
  if (query.kinds?.length) add((n) => `kind = ANY($${n}::text[])`, [...query.kinds]);
  if (query.since !== undefined) add((n) => `at >= $${n}`, new Date(query.since));
  if (query.until !== undefined) add((n) => `at < $${n}`, new Date(query.until));
  return { where, params };
}

function entryOf(row: Row): AuditEntry {
  return {
    actionId: row.action_id,
    at: new Date(row.at).getTime(),
    year: row.year,
    unitCode: row.unit_code,
    actor: { kind: row.actor_kind, name: row.actor_name },
    kind: row.kind,
    via: row.via,
    // pg parses jsonb; PGlite does too, but a string is taken as well.
    detail: typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail,
  };
}
