// The mail ledger in SQL, the same statements on PostgreSQL (deployments, `pg`) and PGlite (the embedded
// default). Every decision is one statement, so "already sent" and "someone else is sending" are atomic
// without a transaction held across the SMTP conversation.
import { randomUUID } from 'node:crypto';
import { migrate, type SqlClient } from '../sql.ts';
import type { Claim, MailLedger } from './ledger.ts';

export const schema = 'wanlixing_mail';
const table = `${schema}.deliveries`;
const robotPosts = `${schema}.robot_posts`;

const migration = [
  `CREATE SCHEMA IF NOT EXISTS ${schema}`,
  `CREATE TABLE IF NOT EXISTS ${table} (
    business_key text PRIMARY KEY,
    message_id text NOT NULL,
    state text NOT NULL CHECK (state IN ('sending', 'uncertain', 'sent')),
    claim_token text NOT NULL,
    lease_until timestamptz NOT NULL,
    -- Claims taken over from an attempt that never said how it ended: each may have sent the message twice.
    takeovers integer NOT NULL DEFAULT 0,
    first_claimed_at timestamptz NOT NULL DEFAULT now(),
    sent_at timestamptz
  )`,
  // The recent posts of each group robot, for the platforms' rate limits: one row a robot, so one UPDATE
  // decides a slot atomically (PostgreSQL re-checks its WHERE on the row another worker just changed).
  `CREATE TABLE IF NOT EXISTS ${robotPosts} (
    robot text PRIMARY KEY,
    posted_at timestamptz[] NOT NULL DEFAULT '{}'
  )`,
];

export interface SqlLedgerOptions {
  /**
   * How long a claim keeps other attempts away unless renewed. A live sender renews it every third of that,
   * so it is never overtaken; a crashed one is taken over once its lease has passed.
   */
  leaseSeconds?: number;
}

export async function openSqlLedger(client: SqlClient, options: SqlLedgerOptions = {}): Promise<MailLedger> {
  const leaseSeconds = options.leaseSeconds ?? 30;
  await migrate(client, migration);

  async function update(sql: string, key: string, token: string): Promise<void> {
    await client.query(sql, [key, token]);
  }

  const ledger: MailLedger = {
    async claim(key, messageId) {
      const token = randomUUID();
      // A missing key is inserted; an uncertain one, or one whose sender's lease ran out, is taken over.
      const claimed = await client.query<{ takeovers: number }>(
        `INSERT INTO ${table} AS d (business_key, message_id, state, claim_token, lease_until)
         VALUES ($1, $2, 'sending', $3, now() + make_interval(secs => $4))
         ON CONFLICT (business_key) DO UPDATE
           SET state = 'sending', claim_token = excluded.claim_token, lease_until = excluded.lease_until,
               takeovers = d.takeovers + 1
           WHERE d.state = 'uncertain' OR (d.state = 'sending' AND d.lease_until < now())
         RETURNING d.takeovers`,
        [key, messageId, token, leaseSeconds],
      );
      const row = claimed.rows[0];
      if (row) return { kind: 'claimed', token, takenOver: row.takeovers > 0 };
      const found = await client.query<{
        state: string;
        message_id: string;
        sent_at: Date;
        lease_until: Date;
      }>(`SELECT state, message_id, sent_at, lease_until FROM ${table} WHERE business_key = $1`, [key]);
      const existing = found.rows[0];
      // Released between the two statements: a refused delivery that is free to claim again.
      if (!existing) return ledger.claim(key, messageId);
      if (existing.state === 'sent') {
        return { kind: 'sent', messageId: existing.message_id, sentAt: iso(existing.sent_at) };
      }
      return { kind: 'busy', leaseUntil: iso(existing.lease_until) } satisfies Claim;
    },
    renewEveryMs: (leaseSeconds * 1000) / 3,
    async renew(key, token) {
      const { rows } = await client.query(
        `UPDATE ${table} SET lease_until = now() + make_interval(secs => $3)
         WHERE business_key = $1 AND claim_token = $2 AND state = 'sending' RETURNING 1`,
        [key, token, leaseSeconds],
      );
      return rows.length === 1;
    },
    markSent: (key, token) =>
      update(
        `UPDATE ${table} SET state = 'sent', sent_at = now() WHERE business_key = $1 AND claim_token = $2`,
        key,
        token,
      ),
    markUncertain: (key, token) =>
      update(
        `UPDATE ${table} SET state = 'uncertain' WHERE business_key = $1 AND claim_token = $2 AND state = 'sending'`,
        key,
        token,
      ),
    release: (key, token) =>
      update(
        `DELETE FROM ${table} WHERE business_key = $1 AND claim_token = $2 AND state = 'sending'`,
        key,
        token,
      ),
    async takeSlot(robot, windows) {
      const longest = Math.max(...windows.map((w) => w.ms)) / 1000;
      await client.query(`INSERT INTO ${robotPosts} (robot) VALUES ($1) ON CONFLICT DO NOTHING`, [robot]);
      const taken = await client.query(
        `UPDATE ${robotPosts} SET posted_at = array_append(
           ARRAY(SELECT p FROM unnest(posted_at) p WHERE p > now() - make_interval(secs => $2)), now())
         WHERE robot = $1 AND NOT EXISTS (
           SELECT 1 FROM unnest($3::int[], $4::float8[]) AS w(lim, secs)
           WHERE (SELECT count(*) FROM unnest(posted_at) p WHERE p > now() - make_interval(secs => w.secs)) >= w.lim)
         RETURNING 1`,
        [robot, longest, windows.map((w) => w.limit), windows.map((w) => w.ms / 1000)],
      );
      if (taken.rows.length === 1) return 0;
      const { rows } = await client.query<{ posted_at: (Date | string)[]; now: Date | string }>(
        `SELECT posted_at, now() AS now FROM ${robotPosts} WHERE robot = $1`,
        [robot],
      );
      const now = new Date(rows[0]?.now ?? Date.now()).getTime();
      const posts = (rows[0]?.posted_at ?? []).map((at) => new Date(at).getTime()).sort((a, b) => a - b);
      // A full window frees a slot when the oldest post inside it leaves it.
      const waits = windows.map(({ limit, ms }) => {
        const inside = posts.filter((at) => at > now - ms);
        return inside.length >= limit ? (inside[inside.length - limit] as number) + ms - now : 0;
      });
      return Math.max(1, ...waits);
    },
    close: () => client.close(),
  };
  return ledger;
}

/** pg returns timestamptz as Date; PGlite too. */
function iso(value: Date | string): string {
  return new Date(value).toISOString();
}
