// The rooms of the house (.dependency-cruiser.cjs, docs/architecture.md) hold: no import goes the wrong way and
// no files import each other in a circle. The planted case shows the check can fail.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const depcruise = join(root, 'node_modules/.bin/depcruise');
const rooms = [
  'domain',
  'workflows',
  'infra',
  'reads',
  'activities',
  'worker',
  'client',
  'test',
  'bench',
  'scripts',
];

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

async function violations(cwd: string, dirs: string[]): Promise<Violation[]> {
  const { stdout } = await run(
    depcruise,
    [...dirs, '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'],
    { cwd, maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('the import rules', () => {
  it('hold for the whole tree', async () => {
    const found = await violations(root, rooms);
    expect(found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  }, 60_000);

  it('catch a domain file that reads the disk, a workflow that reaches infra, and a circle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wlx-imports-'));
    cpSync(join(root, 'tsconfig.json'), join(dir, 'tsconfig.json'));
    for (const room of ['domain', 'workflows', 'infra']) mkdirSync(join(dir, room));
    writeFileSync(
      join(dir, 'domain/a.ts'),
      "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
    );
    writeFileSync(join(dir, 'infra/b.ts'), 'export const b = 1;\n');
    writeFileSync(join(dir, 'workflows/c.ts'), "import { b } from '../infra/b.ts';\nexport const c = b;\n");
    writeFileSync(join(dir, 'workflows/d.ts'), "import { e } from './e.ts';\nexport const d = () => e;\n");
    writeFileSync(join(dir, 'workflows/e.ts'), "import { d } from './d.ts';\nexport const e = () => d;\n");
    const found = await violations(dir, ['domain', 'workflows', 'infra']);
    expect(new Set(found.map((v) => `${v.rule.name} ${v.from}`))).toEqual(
      new Set([
        'domain-is-pure domain/a.ts',
        'workflows-are-deterministic workflows/c.ts',
        'no-circular workflows/d.ts',
      ]),
    );
  }, 60_000);
});
