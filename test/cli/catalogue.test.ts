// wlx template catalogue, wlx catalogue export | import and wlx campaign start --catalogue F.xlsx as a
// person runs them: files written and read, row errors on stderr naming the column, exit codes 0 and 2.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { firstDataRow } from '../../client/operations/spreadsheets/tableSheet.ts';
import { defaultCatalogue } from '../../domain/defaultCatalogue.ts';
import { defaultRegistry } from '../../domain/defaultRegistry.ts';
import { loadWorkbook, toBuffer } from '../operations/spreadsheets/support.ts';
import { runWlx } from '../support/wlx.ts';

const env = { ...process.env, TEMPORAL_ADDRESS: '127.0.0.1:1' };
const wlx = (...args: string[]) => runWlx(env, args);

describe('wlx catalogue', () => {
  it('writes the template and the shipped catalogue, and imports the latter as the shipped one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wlx-catalogue-cli-'));
    const blank = await wlx('template', 'catalogue', '--out', join(dir, 'blank.xlsx'));
    expect(blank).toMatchObject({ code: 0, stdout: expect.stringContaining('服务资源目录模板') });
    const empty = await wlx('catalogue', 'import', join(dir, 'blank.xlsx'));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('服务资源目录：没有填写任何数据行');

    const file = join(dir, 'catalogue.xlsx');
    const exported = await wlx('catalogue', 'export', '--out', file, '--json');
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ file, resources: 53 });
    const imported = await wlx('catalogue', 'import', file, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual(defaultCatalogue(defaultRegistry()));
    const listed = await wlx('catalogue', 'import', file);
    expect(listed.stdout).toContain('共 53 个服务资源，无错误');
    expect(listed.stdout).toMatch(/cnipa-strategy\s+国家知识产权局战略规划司/);
  });

  it('lists every row error at once and exits 2, also from campaign start, before contacting Temporal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wlx-catalogue-cli-'));
    const file = join(dir, 'catalogue.xlsx');
    expect((await wlx('catalogue', 'export', '--out', file)).code).toBe(0);
    const workbook = await loadWorkbook(await readFile(file));
    const sheet = workbook.getWorksheet('服务资源目录') as ExcelJS.Worksheet;
    sheet.getCell(`J${firstDataRow}`).value = 2.5;
    sheet.getCell(`I${firstDataRow + 2}`).value = '邮寄';
    await writeFile(file, await toBuffer(workbook));

    for (const run of [
      await wlx('catalogue', 'import', file),
      await wlx('campaign', 'start', '--year', '2027', '--catalogue', file),
    ]) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('“catalogue.xlsx”有 2 处错误，未导入任何资源');
      expect(run.stderr).toContain('服务资源目录 第5行 “年度容量”：填写的是“2.5”，应为整数，不带小数');
      expect(run.stderr).toContain('服务资源目录 第7行 “服务形式”：填写的是“邮寄”');
      expect(run.stderr).not.toMatch(/Temporal/);
    }
  });
});
