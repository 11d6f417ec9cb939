// The CLI's contract without a server: help everywhere, exit codes, field-named errors; compiled on CI.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { demandSheet } from '../../domain/spreadsheets/annexes/demandList.ts';
import { itemToRow } from '../../domain/spreadsheets/itemToRow.ts';
import { localStore } from '../../infra/documents/localStore.ts';
import { csvText } from '../operations/spreadsheets/support.ts';
import { freePort } from '../support/ports.ts';
import { sampleDemandList } from '../support/samples.ts';
import { compiledOnCi } from '../support/wlx.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

function wlx(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['bin/wlx.js', ...args],
      { cwd: root, env: { ...process.env, ...compiledOnCi, ...env } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const commands = [
  ['campaign', 'start'],
  ['campaign', 'status'],
  ['unit', 'show'],
  ['unit', 'submissions'],
  ['submit', 'plan'],
  ['submit', 'demands'],
  ['submit', 'activity'],
  ['submit', 'results'],
  ['submit', 'summary'],
  ['operator', 'return'],
  ['operator', 'extend'],
  ['operator', 'remind'],
  ['operator', 'key-regions'],
  ['matching', 'record'],
  ['matching', 'pairings'],
  ['mail', 'list'],
  ['template', 'demands'],
  ['template', 'activities'],
  ['template', 'results'],
  ['template', 'catalogue'],
  ['catalogue', 'import'],
  ['catalogue', 'export'],
  ['document', 'put'],
  ['document', 'get'],
  ['export', 'demands'],
  ['export', 'matches'],
  ['export', 'results'],
  ['report', 'national'],
  ['calendar', 'show'],
  ['audit'],
];

describe('wlx', () => {
  it('has --help on every command, exiting 0, and --json on each', async () => {
    const results = await Promise.all(commands.map((command) => wlx([...command, '--help'])));
    results.forEach((result, i) => {
      expect(result.code, commands[i]?.join(' ')).toBe(0);
      expect(result.stdout).toContain(`Usage: wlx ${commands[i]?.join(' ')}`);
      expect(result.stdout).toContain('--json');
    });
    const alias = await wlx(['submit', 'activities', '--help']);
    expect(alias.stdout).toContain('Usage: wlx submit activity|activities');
  });

  it("takes a document's sha256 in either case, and exits 2 on anything else", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wlx-docs-'));
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const { sha256 } = await localStore(join(dir, 'store')).put(pdf, 'pdf');
    const env = { DOCUMENT_DIR: join(dir, 'store') };
    const out = join(dir, 'back.pdf');
    const got = await wlx(['document', 'get', sha256.toUpperCase(), '--out', out], env);
    expect(got.code, got.stderr).toBe(0);
    expect(Buffer.compare(await readFile(out), pdf)).toBe(0);
    const badHash = await wlx(['document', 'get', 'abc', '--out', out], env);
    expect(badHash.code).toBe(2);
    expect(badHash.stderr).toContain('<sha256>: 应为64位十六进制数字');
  });

  it('exits 2 on bad usage, naming what is wrong', async () => {
    const missing = await wlx(['campaign', 'status']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--year <year>' not specified");
    const badYear = await wlx(['campaign', 'status', '--year', 'next']);
    expect(badYear).toMatchObject({ code: 2, stderr: 'wlx: invalid options: --year: a year such as 2027\n' });
    const badUnit = await wlx(['unit', 'show', '--year', '2027', '--unit', 'beijing']);
    expect(badUnit.code).toBe(2);
    expect(badUnit.stderr).toMatch(/--unit: a GB\/T 2260 code/);
    const badCompress = await wlx(['campaign', 'start', '--year', '2027', '--compress', '10 minutes']);
    expect(badCompress.stderr).toContain('--compress: a duration such as 90s, 10m or 2h');
    expect(badCompress.code).toBe(2);
    const noTrail = await wlx(['audit', '--year', '2027'], { WEB_DB_URL: '', MAIL_LEDGER_URL: '' });
    expect(noTrail.code).toBe(2);
    expect(noTrail.stderr).toContain('set WEB_DB_URL to the web’s database to read the trail');
    const badKind = await wlx(['audit', '--year', '2027', '--kind', 'coffee']);
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toContain('--kind');
    const badUnit2 = await wlx(['export', 'demands', '--year', '2027', '--unit', 'beijing']);
    expect(badUnit2.code).toBe(2);
    expect(badUnit2.stderr).toMatch(/--unit: a GB\/T 2260 code/);
    const badLang = await wlx(['report', 'national', '--year', '2027', '--lang', 'fr']);
    expect(badLang).toMatchObject({
      code: 2,
      stderr: 'wlx: invalid options: --lang: zh 或 en（zh or en）\n',
    });
  });

  it('exits 2 on an invalid file before contacting anything', async () => {
    const result = await wlx(
      ['submit', 'summary', '--year', '2027', '--unit', '11', '--file', 'examples/work-plan.json'],
      {
        TEMPORAL_ADDRESS: '127.0.0.1:1',
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('invalid summary (written and/or Annex 2) in examples/work-plan.json');
  });

  it('exits 1 when Temporal cannot be reached, saying how to start it', async () => {
    const port = await freePort();
    const result = await wlx(['campaign', 'status', '--year', '2027'], {
      TEMPORAL_ADDRESS: `127.0.0.1:${port}`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"npm start" brings up a local one');
  });

  it("shows a year's working calendar, and refuses a year no calendar knows, naming the file to supply", async () => {
    const shown = await wlx(['calendar', 'show', '--year', '2026', '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    const year = JSON.parse(shown.stdout);
    expect(year.sources).toEqual([expect.stringMatching(/^chinese-days /)]);
    expect(year.exceptions).toContainEqual({ date: '2026-05-09', weekday: '星期六', working: true });
    const table = await wlx(['calendar', 'show', '--year', '2026']);
    expect(table.stdout).toContain('2026-05-01  星期五        放假 day off');
    const unknown = await wlx(['calendar', 'show', '--year', '2099']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no working calendar for 2099');
    expect(unknown.stderr).toContain('--holidays FILE');
    const started = await wlx(['campaign', 'start', '--year', '2099', '--compress', '10m'], {
      TEMPORAL_ADDRESS: '127.0.0.1:1',
    });
    expect(started.code).toBe(2);
    expect(started.stderr).toContain('2099 年的节假日和调休安排未知');
  });

  it('ends quietly with 0 when a pipe closes early (wlx … | head -3)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wlx-pipe-'));
    const [a, b] = sampleDemandList().items;
    const rows = Array.from({ length: 3000 }, (_, i) =>
      itemToRow(demandSheet, { ...(i % 2 ? b : a), id: `BJ-${i}` }),
    );
    await writeFile(
      join(dir, 'big.csv'),
      csvText(
        demandSheet.columns.map((c) => c.header.zh),
        rows,
      ),
    );
    // About 2 MB of JSON, far more than a pipe holds, so wlx is still writing when head has gone.
    const piped = await new Promise<{ stdout: string; stderr: string }>((done) => {
      execFile(
        'bash',
        [
          '-c',
          `node bin/wlx.js submit demands --year 2027 --unit 11 --file "$0" --dry-run --json | head -3; echo "wlx exit \${PIPESTATUS[0]}"`,
          join(dir, 'big.csv'),
        ],
        { cwd: root, env: { ...process.env, ...compiledOnCi } },
        (_error, stdout, stderr) => done({ stdout, stderr }),
      );
    });
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toBe('{\n  "items": [\n    {\nwlx exit 0\n');
  });
});
