// The resource catalogue as a sheet: the shipped catalogue's rows read back as they were, and every wrong
// cell named by its row and column header, with the catalogue's own bounds and messages.
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../../domain/defaultCatalogue.ts';
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import { maxCapacity } from '../../../domain/matching/bounds.ts';
import type { CatalogueResource } from '../../../domain/matching/catalogue.ts';
import { catalogueFromSheets } from '../../../domain/spreadsheets/catalogue/catalogueFromSheets.ts';
import { catalogueSheet } from '../../../domain/spreadsheets/catalogue/catalogueSheet.ts';
import type { CellValue } from '../../../domain/spreadsheets/cells.ts';
import type { Grid } from '../../../domain/spreadsheets/grid.ts';
import { formatIssue } from '../../../domain/spreadsheets/issues.ts';
import { itemToRow } from '../../../domain/spreadsheets/itemToRow.ts';

const registry = defaultRegistry();
const shipped = defaultCatalogue(registry);
const spec = catalogueSheet(registry);

/** A sheet as the template lays it out: title rows, Chinese and English headers, rows from row 5. */
function grid(rows: readonly CellValue[][]): Grid[] {
  return [
    {
      name: '服务资源目录',
      rows: [
        { number: 1, cells: ['“知识产权服务万里行”服务资源目录'] },
        { number: 3, cells: spec.columns.map((c) => c.header.zh) },
        { number: 4, cells: spec.columns.map((c) => c.header.en) },
        ...rows.map((cells, i) => ({ number: 5 + i, cells })),
      ],
    },
  ];
}

const rowOf = (resource: CatalogueResource) => itemToRow(spec, resource);
const at = (header: string) => spec.columns.findIndex((c) => c.header.zh === header);

/** The shipped rows with `change` made to the cells of row `index` (0 is Excel's row 5). */
function issuesWith(index: number, change: (cells: CellValue[]) => void): string[] {
  const rows = shipped.resources.map(rowOf);
  change(rows[index] as CellValue[]);
  const result = catalogueFromSheets(grid(rows), registry, 'test');
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe('the catalogue sheet', () => {
  it('reads the shipped catalogue back from its own rows, in short words', () => {
    const result = catalogueFromSheets(grid(shipped.resources.map(rowOf)), registry, 'test');
    expect(result).toEqual({ ok: true, value: shipped });
    const regional = shipped.resources.find((r) => r.regions !== 'national') as CatalogueResource;
    expect(rowOf(regional)[at('服务地区')]).toMatch(/^[^\d]+(、[^\d]+)+$/);
    expect(rowOf(shipped.resources[0] as CatalogueResource)[at('服务地区')]).toBe('全国');
  });

  it('takes names, codes and English alike, and several contacts', () => {
    const rows = shipped.resources.map(rowOf);
    const cells = rows[0] as CellValue[];
    cells[at('服务类别')] = 'patent navigation，咨询; 培训';
    cells[at('重点任务')] = '二、5';
    cells[at('服务地区')] = '11、天津市、Hebei';
    cells[at('联系人')] = '王芳（wang@example.cn）、李雷 <li@example.cn>';
    cells[at('年度容量')] = '２０';
    const result = catalogueFromSheets(grid(rows), registry, 'test');
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([]);
    const resource = result.ok ? result.value.resources[0] : undefined;
    expect(resource).toMatchObject({
      serviceCategories: ['patentNavigation', 'consultation', 'training'],
      keyTasks: [2, 5],
      regions: ['11', '12', '13'],
      capacity: 20,
      contacts: [
        { name: '王芳', email: 'wang@example.cn' },
        { name: '李雷', email: 'li@example.cn' },
      ],
    });
  });

  it('names the row and the column header of each wrong cell, all at once', () => {
    const issues = issuesWith(2, (cells) => {
      cells[at('年度容量')] = 2.5;
      cells[at('服务类别')] = '专利导航、咖啡';
      cells[at('服务形式')] = '邮寄';
      cells[at('重点任务')] = '7';
    });
    expect(issues).toEqual([
      expect.stringMatching(
        /^服务资源目录 第7行 “服务类别”：填写的是“专利导航、咖啡”，应为以下之一：.*不符的是“咖啡”/,
      ),
      expect.stringMatching(/^服务资源目录 第7行 “重点任务”：填写的是“7”/),
      expect.stringMatching(/^服务资源目录 第7行 “服务形式”：填写的是“邮寄”/),
      expect.stringMatching(
        /^服务资源目录 第7行 “年度容量”：填写的是“2.5”，应为整数，不带小数 \(.*"Capacity per year"/,
      ),
    ]);
  });

  it("keeps the catalogue's bounds and says them in the catalogue's words", () => {
    const [capacity] = issuesWith(0, (cells) => {
      cells[at('年度容量')] = 2 ** 31;
    });
    expect(capacity).toBe(
      `服务资源目录 第5行 “年度容量”：填写的是“2147483648”，应为容量至多 ${maxCapacity}（求解器以 32 位整数保存容量） (Resource catalogue row 5, "Capacity per year": found "2147483648"; expected at most ${maxCapacity} demands per year (the solver keeps capacities in 32-bit integers))`,
    );
    const [conflict] = issuesWith(1, (cells) => {
      cells[at('服务地区')] = '山东省、江苏省';
      cells[at('回避单位')] = '37';
    });
    expect(conflict).toContain('第6行 “回避单位”');
    expect(conflict).toContain('单位 37 同时列在服务地区中');
    const [keyword] = issuesWith(0, (cells) => {
      cells[at('关键词')] = '芯片、A';
    });
    expect(keyword).toContain('第5行 “关键词”');
  });

  it('refuses an unknown unit, a repeated id and a paired resource left out', () => {
    expect(
      issuesWith(0, (cells) => {
        cells[at('服务地区')] = '北京市、火星';
      }),
    ).toEqual([expect.stringMatching(/第5行 “服务地区”：.*不符的是“火星”/)]);
    expect(
      issuesWith(1, (cells) => {
        cells[at('资源编号')] = shipped.resources[0]?.id ?? '';
      }),
    ).toEqual([
      expect.stringMatching(/第6行 “资源编号”：填写的是“cnipa-strategy”，应为不重复的编号（与第5行相同）/),
    ]);
    const paired = registry.units.find((u) => u.pairedResource)?.pairedResource;
    const index = shipped.resources.findIndex((r) => r.id === paired);
    const rows = shipped.resources.map(rowOf).filter((_, i) => i !== index);
    const result = catalogueFromSheets(grid(rows), registry, 'test');
    expect(result.ok ? [] : result.issues.map(formatIssue)).toContainEqual(
      expect.stringMatching(new RegExp(`缺少资源“${paired}”：单位名录中单位 \\d+(、\\d+)* 与其一对一对口`)),
    );
  });
});
