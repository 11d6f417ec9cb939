import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SentLedger } from '../activities/sentLedger.ts';

let dir: string;
let path: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wlx-ledger-'));
  // A missing parent directory is created on open.
  path = join(dir, 'nested', 'sent.jsonl');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SentLedger', () => {
  it('keeps records across a reopen', async () => {
    const ledger = await SentLedger.open(path);
    expect(ledger.has('2027/44/launch')).toBe(false);
    const entry = await ledger.record('2027/44/launch', '<2027+44+launch@test>');
    expect(ledger.get('2027/44/launch')).toEqual(entry);
    await ledger.close();

    const reopened = await SentLedger.open(path);
    expect(reopened.has('2027/44/launch')).toBe(true);
    expect(reopened.get('2027/44/launch')).toEqual({
      messageId: '<2027+44+launch@test>',
      sentAt: entry.sentAt,
    });
    expect(reopened.get('2027/11/launch')).toBeUndefined();
    await reopened.close();
  });

  it('persists every one of many concurrent records, one line each', async () => {
    const ledger = await SentLedger.open(path);
    const keys = Array.from({ length: 200 }, (_, i) => `2027/${i}/plan/reminder`);
    await Promise.all(keys.map((key) => ledger.record(key, `<${key}@test>`)));
    await ledger.close();

    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(keys.length);
    const reopened = await SentLedger.open(path);
    for (const key of keys) expect(reopened.get(key)?.messageId).toBe(`<${key}@test>`);
    await reopened.close();
  });

  it('drops a torn last line (a crash mid-append) and appends cleanly after it', async () => {
    const ledger = await SentLedger.open(path);
    await ledger.record('2027/44/launch', '<a@test>');
    await ledger.close();
    await appendFile(path, '{"key":"2027/11/launch","messageId":"<b@te');

    const reopened = await SentLedger.open(path);
    expect(reopened.has('2027/44/launch')).toBe(true);
    expect(reopened.has('2027/11/launch')).toBe(false);
    await reopened.record('2027/11/launch', '<b@test>');
    await reopened.close();

    const again = await SentLedger.open(path);
    expect(again.get('2027/11/launch')?.messageId).toBe('<b@test>');
    await again.close();
  });

  it('refuses further records once an append has failed', async () => {
    const ledger = await SentLedger.open(path);
    await ledger.close();
    // A closed handle stands in for a disk error.
    await expect(ledger.record('2027/44/launch', '<a@test>')).rejects.toThrow();
    expect(() => ledger.assertWritable()).toThrow(/failed to append earlier/);
    expect(ledger.has('2027/44/launch')).toBe(false);
  });

  it('refuses a damaged line in the middle, naming it', async () => {
    const ledger = await SentLedger.open(path);
    await ledger.close();
    await writeFile(
      path,
      'garbage\n{"key":"k","messageId":"<m@test>","sentAt":"2027-05-01T00:00:00.000Z"}\n',
    );
    await expect(SentLedger.open(path)).rejects.toThrow(/line 1 is not JSON/);
  });
});
