// The mail ledger's contract, on each store it runs on: PGlite in the worker's process, PGlite served over
// the PostgreSQL protocol (npm start, the fault suite), and a real PostgreSQL server (deployments).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MailLedger } from '../../infra/mailLedger/ledger.ts';
import { openMailLedger } from '../../infra/mailLedger/open.ts';
import { schema } from '../../infra/mailLedger/sqlLedger.ts';
import { sqlClient } from '../../infra/sql.ts';
import { startLedgerServer } from '../../scripts/ledgerServer.ts';
import { type Postgres, startPostgres } from '../support/postgres.ts';

let postgres: Postgres | undefined;
let embedded: Awaited<ReturnType<typeof startLedgerServer>>;

beforeAll(async () => {
  embedded = await startLedgerServer({ dir: mkdtempSync(join(tmpdir(), 'wlx-ledger-')), port: 0 });
  postgres = await startPostgres();
});

afterAll(async () => {
  await embedded?.close();
  postgres?.stop();
});

/** `shared`: several connections reach one database (not so for PGlite inside one process). */
const contract = (name: string, url: () => string | undefined, shared = true) =>
  describe(name, () => {
    let ledger: MailLedger;
    let key = '';
    let n = 0;

    beforeEach(async (context) => {
      const target = url();
      if (!target) {
        context.skip('no PostgreSQL binaries here (apt-get install postgresql); CI installs them');
        return;
      }
      ledger ??= await openMailLedger(target);
      key = `2027/44/plan/test-${++n}-${Date.now()}`;
    });

    afterAll(async () => {
      await ledger?.close();
    });

    it('claims a new key once; a second claim finds it busy, then sent', async () => {
      const claim = await ledger.claim(key, '<a@test>');
      expect(claim).toMatchObject({ kind: 'claimed', takenOver: false });
      expect(await ledger.claim(key, '<a@test>')).toMatchObject({ kind: 'busy' });
      if (claim.kind === 'claimed') await ledger.markSent(key, claim.token);
      expect(await ledger.claim(key, '<a@test>')).toMatchObject({ kind: 'sent', messageId: '<a@test>' });
    });

    it('frees a refused delivery for a fresh claim, and takes over an uncertain one', async () => {
      const first = await ledger.claim(key, '<b@test>');
      if (first.kind !== 'claimed') throw new Error('expected a claim');
      await ledger.release(key, first.token);
      const second = await ledger.claim(key, '<b@test>');
      expect(second).toMatchObject({ kind: 'claimed', takenOver: false });
      if (second.kind !== 'claimed') throw new Error('expected a claim');
      await ledger.markUncertain(key, second.token);
      expect(await ledger.claim(key, '<b@test>')).toMatchObject({ kind: 'claimed', takenOver: true });
    });

    // Several connections reach one database only on a server.
    if (shared)
      it('gives a key to exactly one of 40 simultaneous claims from 8 connections', async () => {
        const target = url() as string;
        const others = await Promise.all(Array.from({ length: 8 }, () => openMailLedger(target)));
        try {
          const claims = await Promise.all(
            Array.from({ length: 40 }, (_, i) => (others[i % 8] as MailLedger).claim(key, '<c@test>')),
          );
          expect(claims.filter((c) => c.kind === 'claimed')).toHaveLength(1);
          expect(claims.filter((c) => c.kind === 'busy')).toHaveLength(39);
        } finally {
          await Promise.all(others.map((o) => o.close()));
        }
      });

    if (shared)
      it('lets a claim that lapsed be taken over once, and not renewed by its old owner', async () => {
        const first = await ledger.claim(key, '<d@test>');
        if (first.kind !== 'claimed') throw new Error('expected a claim');
        const sql = await sqlClient(url() as string);
        try {
          await sql.query(
            `UPDATE ${schema}.deliveries SET lease_until = now() - interval '1 second' WHERE business_key = $1`,
            [key],
          );
        } finally {
          await sql.close();
        }
        const claims = await Promise.all([ledger.claim(key, '<d@test>'), ledger.claim(key, '<d@test>')]);
        expect(claims.map((c) => c.kind).sort()).toEqual(['busy', 'claimed']);
        expect(await ledger.renew(key, first.token)).toBe(false);
      });
  });

contract('PGlite in the worker', () => 'pglite:memory://', false);
contract('PGlite served over the PostgreSQL protocol', () => embedded?.url);
contract('PostgreSQL', () => postgres?.url);
