// Web sessions kept server-side, in the web store, so that every replica sees a sign-out or a revocation at
// once: the cookie carries only a random id (signed), and the store keeps its SHA-256 with who it is for,
// when it ends (absolute), when it was last used (idle) and whether it was revoked.
import type { SqlClient } from '../sql.ts';

export type SessionKind = 'unit' | 'operator';

/** Who a session is for: a unit by its code, an operator by account name. */
export interface SessionOwner {
  kind: SessionKind;
  subject: string;
}

export interface SessionStore {
  saveSession(session: SessionOwner & { idHash: string; expiresAt: number }, now: number): Promise<void>;
  /**
   * The session's owner if it is unrevoked, unexpired and was last used within `idleMs` of `now`; marks it
   * used (at most once a minute, so reads do not write on every request). Null otherwise.
   */
  useSession(idHash: string, now: number, idleMs: number): Promise<SessionOwner | null>;
  revokeSession(idHash: string, now: number): Promise<void>;
  /** Revokes every session of the owner: a password or role changed, a newer link. */
  revokeSessionsOf(owner: SessionOwner, now: number): Promise<void>;
}

export const sessionsMigration = (schema: string) => [
  `CREATE TABLE IF NOT EXISTS ${schema}.sessions (
    id_hash text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('unit', 'operator')),
    subject text NOT NULL,
    created_at timestamptz NOT NULL,
    last_used_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
  )`,
  `CREATE INDEX IF NOT EXISTS sessions_owner ON ${schema}.sessions (kind, subject)`,
];

/** Sessions are kept a day past their end (for the record), then dropped when new ones start. */
const keepMs = 24 * 3_600_000;

export function sqlSessionStore(client: SqlClient, schema: string): SessionStore {
  return {
    async saveSession({ idHash, kind, subject, expiresAt }, now) {
      await client.query(`DELETE FROM ${schema}.sessions WHERE expires_at < $1`, [new Date(now - keepMs)]);
      await client.query(
        `INSERT INTO ${schema}.sessions (id_hash, kind, subject, created_at, last_used_at, expires_at)
         VALUES ($1, $2, $3, $4, $4, $5)`,
        [idHash, kind, subject, new Date(now), new Date(expiresAt)],
      );
    },
    async useSession(idHash, now, idleMs) {
      const at = new Date(now);
      const { rows } = await client.query<{ kind: SessionKind; subject: string }>(
        `UPDATE ${schema}.sessions
         SET last_used_at = CASE WHEN last_used_at < $3 THEN $2 ELSE last_used_at END
         WHERE id_hash = $1 AND revoked_at IS NULL AND expires_at > $2 AND last_used_at > $4
         RETURNING kind, subject`,
        [idHash, at, new Date(now - 60_000), new Date(now - idleMs)],
      );
      const row = rows[0];
      return row ? { kind: row.kind, subject: row.subject } : null;
    },
    async revokeSession(idHash, now) {
      await client.query(
        `UPDATE ${schema}.sessions SET revoked_at = $2 WHERE id_hash = $1 AND revoked_at IS NULL`,
        [idHash, new Date(now)],
      );
    },
    async revokeSessionsOf({ kind, subject }, now) {
      await client.query(
        `UPDATE ${schema}.sessions SET revoked_at = $3
         WHERE kind = $1 AND subject = $2 AND revoked_at IS NULL`,
        [kind, subject, new Date(now)],
      );
    },
  };
}
