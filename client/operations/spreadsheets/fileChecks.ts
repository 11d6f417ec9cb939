// Checks of a whole file before its rows are read: made from the template of another annex, unit or year
// (what our template recorded about itself), or a national export of several units' rows offered as one
// unit's demand list (its 单位代码 column).
import { annexes, type SpreadsheetKind } from '../../../domain/spreadsheets/annexes.ts';
import { cellText, fold, isBlank } from '../../../domain/spreadsheets/cells.ts';
import type { Grid } from '../../../domain/spreadsheets/grid.ts';
import type { SheetIssue } from '../../../domain/spreadsheets/issues.ts';
import type { WorkbookContent } from './readWorkbook.ts';

export interface FileTarget {
  /** The unit submitting. */
  unitCode?: string | undefined;
  /** The campaign year submitted to. */
  year?: number | undefined;
}

const workbook = { zh: '工作簿', en: 'Workbook' };
const fileIssue = (zh: string, en: string): SheetIssue => ({
  sheet: workbook,
  row: null,
  column: null,
  found: null,
  message: { zh, en },
});

/** The year in the first sheet's title rows ("2027年“知识产权服务万里行”…"), as the user sees it. */
function titleYear(grids: readonly Grid[]): number | null {
  for (const row of grids[0]?.rows.filter((r) => r.number <= 2) ?? []) {
    const year = /(20\d\d)\s*年/.exec(row.cells.map(cellText).join(' '))?.[1];
    if (year) return Number(year);
  }
  return null;
}

function templateIssues(content: WorkbookContent, kind: SpreadsheetKind, target: FileTarget): SheetIssue[] {
  const meta = content.meta;
  if (!meta) return [];
  const issues: SheetIssue[] = [];
  // Another program's re-save (LibreOffice) makes the very hidden sheet merely hidden, where anyone can
  // unhide and edit it: believed only while it agrees with the title the user sees.
  const shown = titleYear(content.grids);
  if (meta.year && shown && meta.year !== shown) {
    issues.push(
      fileIssue(
        `模板的隐藏信息（${meta.year} 年）与标题（${shown} 年）不一致，可能被其他软件改动过；请下载 ${target.year ?? shown} 年的模板重新填写`,
        `the template's hidden record (${meta.year}) disagrees with its title (${shown}); it may have been changed by another program. Fill in a freshly downloaded ${target.year ?? shown} template`,
      ),
    );
    return issues;
  }
  if (meta.kind !== kind && meta.kind in annexes) {
    const made = annexes[meta.kind as SpreadsheetKind].name;
    issues.push(
      fileIssue(
        `这是${made.zh}模板，不是${annexes[kind].name.zh}`,
        `this is the ${made.en} template, not the ${annexes[kind].name.en}`,
      ),
    );
  }
  if (meta.unitCode && target.unitCode && meta.unitCode !== target.unitCode) {
    issues.push(
      fileIssue(
        `此模板是为单位 ${meta.unitCode} 生成的，不能用 --unit ${target.unitCode} 报送`,
        `this template was made for unit ${meta.unitCode}; it cannot be submitted with --unit ${target.unitCode}`,
      ),
    );
  }
  if (meta.year && target.year && meta.year !== target.year) {
    issues.push(
      fileIssue(
        `此模板是 ${meta.year} 年的，不能报送到 ${target.year} 年；请下载 ${target.year} 年的模板重新填写`,
        `this template is for ${meta.year}; it cannot be submitted for ${target.year}. Fill in the ${target.year} template instead`,
      ),
    );
  }
  return issues;
}

const unitCodeHeaders = ['单位代码', 'Unit code'].map(fold);

/** The unit codes in a column headed 单位代码 within a sheet's first 20 rows. */
function unitCodesIn(grid: Grid): Set<string> {
  const codes = new Set<string>();
  for (const header of grid.rows.slice(0, 20)) {
    const column = header.cells.findIndex((cell) => unitCodeHeaders.includes(fold(cellText(cell))));
    if (column < 0) continue;
    for (const row of grid.rows) {
      const cell = row.cells[column] ?? null;
      if (row.number <= header.number || isBlank(cell)) continue;
      const code = fold(cellText(cell));
      if (!unitCodeHeaders.includes(code)) codes.add(code);
    }
    return codes;
  }
  return codes;
}

/** A demand list is one unit's: a national export with rows of several units, or another's, is refused. */
function exportIssues(content: WorkbookContent, kind: SpreadsheetKind, target: FileTarget): SheetIssue[] {
  if (kind !== 'demands') return [];
  for (const grid of content.grids) {
    const codes = [...unitCodesIn(grid)];
    const others = codes.filter((code) => code !== target.unitCode);
    if (codes.length > 1) {
      return [
        fileIssue(
          `“${grid.name}”表有 ${codes.length} 个单位的行（单位代码 ${codes.join('、')}），是汇总导出，不是一个单位的需求清单；请只保留本单位的行后报送`,
          `sheet "${grid.name}" has rows of ${codes.length} units (unit codes ${codes.join(', ')}): a national export, not one unit's demand list. Keep only your unit's rows and submit again`,
        ),
      ];
    }
    if (target.unitCode && others.length > 0) {
      return [
        fileIssue(
          `“${grid.name}”表的行属于单位 ${others.join('、')}，不能用 --unit ${target.unitCode} 报送`,
          `the rows of sheet "${grid.name}" belong to unit ${others.join(', ')}; they cannot be submitted with --unit ${target.unitCode}`,
        ),
      ];
    }
  }
  return [];
}

/** What is wrong with the file as a whole for this annex, unit and year; empty when nothing is. */
export function fileIssues(
  content: WorkbookContent,
  kind: SpreadsheetKind,
  target: FileTarget,
): SheetIssue[] {
  return [...templateIssues(content, kind, target), ...exportIssues(content, kind, target)];
}
