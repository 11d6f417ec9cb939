// The web's own state: operator accounts, units' one-time sign-in links, sessions (sessions.ts) and the
// sign-in attempts counted against the rate limits, shared by every web replica. The same SQL on PostgreSQL
// (deployments, through `pg`) and PGlite (the embedded default), opened from a URL exactly as the mail
// ledger is (infra/sql.ts), in a schema of its own.
import { migrate, type SqlClient, sqlClient } from '../sql.ts';
import { type SessionStore, sessionsMigration, sqlSessionStore } from './sessions.ts';

export const operatorRoles = ['viewer', 'operator'] as const;
export type OperatorRole = (typeof operatorRoles)[number];

export interface OperatorAccount {
  name: string;
  role: OperatorRole;
  /** scrypt$N$r$p$salt$hash (passwords.ts). */
  passwordHash: string;
  /** Where the web tells the operator of repeated failed sign-ins to the account. */
  email?: string | null;
}

export interface WebStore extends SessionStore {
  /**
   * Adds the account, or replaces the role, password and address of the one with this name; replacing ends
   * the account's sessions (a changed password or a demotion takes effect everywhere at once).
   */
  putUser(account: OperatorAccount): Promise<'added' | 'updated'>;
  findUser(name: string): Promise<OperatorAccount | null>;
  /** Keeps a sign-in link's token (its SHA-256 only) until `expiresAt`; the unit's older links stop working. */
  saveSignInLink(
    link: { tokenHash: string; unitCode: string; expiresAt: number },
    now: number,
  ): Promise<void>;
  /**
   * Uses the link: one statement marks it used if it is unused and unexpired at `now`, so of two
   * concurrent uses one wins. Null when unknown, used or expired.
   */
  useSignInLink(tokenHash: string, now: number): Promise<{ unitCode: string } | null>;
  /**
   * Counts one attempt against `bucket`/`key` in one statement, so replicas counting at once never lose one: a
   * window opens at the first attempt and lasts `windowMs`. Returns the attempts in the window and its end.
   */
  countAttempt(
    bucket: string,
    key: string,
    now: number,
    windowMs: number,
  ): Promise<{ count: number; resetAt: number }>;
  /** Forgets the attempts of `bucket`/`key`, e.g. an account's failures after a successful sign-in. */
  forgetAttempts(bucket: string, key: string): Promise<void>;
  close(): Promise<void>;
}

export const webSchema = 'wanlixing_web';

const migration = [
  `CREATE SCHEMA IF NOT EXISTS ${webSchema}`,
  `CREATE TABLE IF NOT EXISTS ${webSchema}.operators (
    name text PRIMARY KEY,
    role text NOT NULL CHECK (role IN ('viewer', 'operator')),
    password_hash text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE IF NOT EXISTS ${webSchema}.sign_in_links (
    token_hash text PRIMARY KEY,
    unit_code text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz
  )`,
  `CREATE TABLE IF NOT EXISTS ${webSchema}.attempts (
    bucket text NOT NULL,
    key text NOT NULL,
    count integer NOT NULL,
    reset_at timestamptz NOT NULL,
    PRIMARY KEY (bucket, key)
  )`,
  `CREATE INDEX IF NOT EXISTS attempts_reset_at ON ${webSchema}.attempts (reset_at)`,
  `ALTER TABLE ${webSchema}.operators ADD COLUMN IF NOT EXISTS email text`,
  ...sessionsMigration(webSchema),
];

/** Links are kept a day past their expiry (for the record), then dropped when new ones are made. */
const keepLinksMs = 24 * 3_600_000;

export async function openWebStore(url: string): Promise<WebStore> {
  return openSqlWebStore(await sqlClient(url));
}

export async function openSqlWebStore(client: SqlClient): Promise<WebStore> {
  await migrate(client, migration);
  const sessions = sqlSessionStore(client, webSchema);
  return {
    ...sessions,
    async putUser({ name, role, passwordHash, email }) {
      const { rows } = await client.query<{ inserted: boolean }>(
        `INSERT INTO ${webSchema}.operators AS o (name, role, password_hash, email) VALUES ($1, $2, $3, $4)
         ON CONFLICT (name) DO UPDATE
           SET role = excluded.role, password_hash = excluded.password_hash,
               email = coalesce(excluded.email, o.email), updated_at = now()
         RETURNING (xmax = 0) AS inserted`,
        [name, role, passwordHash, email ?? null],
      );
      const inserted = rows[0]?.inserted ?? false;
      if (!inserted) await sessions.revokeSessionsOf({ kind: 'operator', subject: name }, Date.now());
      return inserted ? 'added' : 'updated';
    },
    async findUser(name) {
      const { rows } = await client.query<{
        name: string;
        role: OperatorRole;
        password_hash: string;
        email: string | null;
      }>(`SELECT name, role, password_hash, email FROM ${webSchema}.operators WHERE name = $1`, [name]);
      const row = rows[0];
      return row
        ? { name: row.name, role: row.role, passwordHash: row.password_hash, email: row.email }
        : null;
    },
    async saveSignInLink({ tokenHash, unitCode, expiresAt }, now) {
      await client.query(`DELETE FROM ${webSchema}.sign_in_links WHERE expires_at < $1`, [
        new Date(now - keepLinksMs),
      ]);
      // A newer link supersedes the unit's older ones: only the last mailed works.
      await client.query(
        `UPDATE ${webSchema}.sign_in_links SET used_at = $2 WHERE unit_code = $1 AND used_at IS NULL`,
        [unitCode, new Date(now)],
      );
      await client.query(
        `INSERT INTO ${webSchema}.sign_in_links (token_hash, unit_code, created_at, expires_at)
         VALUES ($1, $2, $3, $4)`,
        [tokenHash, unitCode, new Date(now), new Date(expiresAt)],
      );
    },
    async useSignInLink(tokenHash, now) {
      const { rows } = await client.query<{ unit_code: string }>(
        `UPDATE ${webSchema}.sign_in_links SET used_at = $2
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
         RETURNING unit_code`,
        [tokenHash, new Date(now)],
      );
      const row = rows[0];
      return row ? { unitCode: row.unit_code } : null;
    },
    async countAttempt(bucket, key, now, windowMs) {
      const at = new Date(now);
      const { rows } = await client.query<{ count: number; reset_at: Date; fresh: boolean }>(
        `INSERT INTO ${webSchema}.attempts AS a (bucket, key, count, reset_at) VALUES ($1, $2, 1, $4)
         ON CONFLICT (bucket, key) DO UPDATE SET
           count = CASE WHEN a.reset_at <= $3 THEN 1 ELSE a.count + 1 END,
           reset_at = CASE WHEN a.reset_at <= $3 THEN $4 ELSE a.reset_at END
         RETURNING a.count, a.reset_at, (xmax = 0) AS fresh`,
        [bucket, key, at, new Date(now + windowMs)],
      );
      const row = rows[0];
      if (!row) throw new Error('counting a sign-in attempt returned no row');
      // Windows that ended are dropped as new keys arrive, so the table holds only the current ones.
      if (row.fresh) await client.query(`DELETE FROM ${webSchema}.attempts WHERE reset_at <= $1`, [at]);
      return { count: row.count, resetAt: new Date(row.reset_at).getTime() };
    },
    async forgetAttempts(bucket, key) {
      await client.query(`DELETE FROM ${webSchema}.attempts WHERE bucket = $1 AND key = $2`, [bucket, key]);
    },
    close: () => client.close(),
  };
}
