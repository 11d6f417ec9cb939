// The audit trail's contract on each store it runs on: PGlite inside the process, and a real PostgreSQL
// server (deployments), the same statements on both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryInput } from '../../domain/audit/entry.ts';
import { openAuditTrail, openSqlAuditTrail } from '../../infra/audit/sqlTrail.ts';
import type { AuditTrail } from '../../infra/audit/trail.ts';
import { sqlClient } from '../../infra/sql.ts';
import { type Postgres, startPostgres } from '../support/postgres.ts';

let postgres: Postgres | undefined;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(() => postgres?.stop());

const at = Date.parse('2027-05-20T02:00:00Z');

function entry(actionId: string, overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    actionId,
    at,
    year: 2027,
    unitCode: '11',
    actor: { kind: 'operator', name: 'zhou' },
    kind: 'return',
    via: 'cli',
    detail: { what: 'workPlan', reason: '缺少联系人' },
    ...overrides,
  };
}

const contract = (name: string, url: () => string | undefined) =>
  describe(name, () => {
    let trail: AuditTrail | undefined;
    const open = async (context: { skip: (note: string) => void }) => {
      const target = url();
      if (!target) {
        context.skip('no PostgreSQL binaries here (apt-get install postgresql); CI installs them');
        return undefined;
      }
      trail ??= await openAuditTrail(target);
      return trail;
    };
    afterAll(async () => {
      await trail?.close();
    });

    it('records an action once: a retried write with the same action id is known, the first kept', async (context) => {
      const t = await open(context);
      if (!t) return;
      expect(await t.record(entry(`${name}-once`))).toBe('recorded');
      expect(await t.record(entry(`${name}-once`, { detail: { reason: 'changed' } }))).toBe('known');
      const found = (await t.list({ year: 2027 })).filter((e) => e.actionId === `${name}-once`);
      expect(found).toEqual([{ ...entry(`${name}-once`) }]);
    });

    it('narrows by unit, actor, kind and dates, the oldest first', async (context) => {
      const t = await open(context);
      if (!t) return;
      const prefix = `${name}-filter`;
      await t.record(entry(`${prefix}-3`, { at: at + 3_000, year: 2028, unitCode: '44', kind: 'extension' }));
      await t.record(entry(`${prefix}-1`, { at: at + 1_000, year: 2028 }));
      await t.record(
        entry(`${prefix}-2`, {
          at: at + 2_000,
          year: 2028,
          unitCode: null,
          actor: { kind: 'system', name: 'wanlixing' },
          kind: 'notice.reminder',
          via: 'timer',
        }),
      );
      const ids = async (query: Omit<Parameters<AuditTrail['list']>[0], 'year'>) =>
        (await t.list({ year: 2028, ...query })).map((e) => e.actionId);
      expect(await ids({})).toEqual([`${prefix}-1`, `${prefix}-2`, `${prefix}-3`]);
      expect(await ids({ unitCode: '44' })).toEqual([`${prefix}-3`]);
      expect(await ids({ actorKind: 'system' })).toEqual([`${prefix}-2`]);
      expect(await ids({ actorName: 'zhou', kinds: ['return'] })).toEqual([`${prefix}-1`]);
      expect(await ids({ since: at + 2_000 })).toEqual([`${prefix}-2`, `${prefix}-3`]);
      expect(await ids({ until: at + 2_000 })).toEqual([`${prefix}-1`]);
      expect(await t.list({ year: 2029 })).toEqual([]);
    });

    it('refuses an entry outside the closed lists, naming the field', async (context) => {
      const t = await open(context);
      if (!t) return;
      await expect(
        t.record({ ...entry(`${name}-bad`), kind: 'coffee' as AuditEntryInput['kind'] }),
      ).rejects.toThrow(/kind/);
    });

    it('is append-only: the database refuses to change or delete an entry', async (context) => {
      const target = url();
      if (!target) return context.skip('no PostgreSQL binaries here; CI installs them');
      // A connection of its own, as any other writer of the database would have.
      const client = await sqlClient(target);
      try {
        const own = await openSqlAuditTrail(client);
        await own.record(entry(`${name}-kept`));
        for (const statement of [
          `UPDATE wanlixing_audit.entries SET actor_name = 'x' WHERE action_id = $1`,
          `DELETE FROM wanlixing_audit.entries WHERE action_id = $1`,
        ]) {
          await expect(client.query(statement, [`${name}-kept`])).rejects.toThrow(/append-only/);
        }
        expect((await own.list({ year: 2027 })).map((e) => e.actionId)).toContain(`${name}-kept`);
      } finally {
        await client.close();
      }
    });
  });

contract('PGlite', () => 'pglite:memory://');
contract('PostgreSQL', () => postgres?.url);
