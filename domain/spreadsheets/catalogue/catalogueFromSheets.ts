// A catalogue workbook (as plain grids) into the resource catalogue: the rows as the annexes read them
// (every error at once, named by row and column header), no id twice, and every resource the registry
// pairs a unit with still there; then the loader's own checks, which the rows have already passed.
import type { ResourceCatalogue } from '../../matching/catalogue.ts';
import { loadResourceCatalogue } from '../../matching/catalogueLoader.ts';
import type { Registry } from '../../registry.ts';
import type { Grid } from '../grid.ts';
import type { SheetIssue } from '../issues.ts';
import { type ImportResult, itemsFromSheets } from '../submissionsFromSheets.ts';
import { catalogueSheet, catalogueSheetName } from './catalogueSheet.ts';

/** One issue per resource the registry pairs units with and the sheet leaves out. */
function missingPaired(registry: Registry, ids: ReadonlySet<string>): SheetIssue[] {
  const missing = new Map<string, string[]>();
  for (const unit of registry.units) {
    if (unit.pairedResource && !ids.has(unit.pairedResource))
      missing.set(unit.pairedResource, [...(missing.get(unit.pairedResource) ?? []), unit.code]);
  }
  return [...missing].map(([id, units]) => ({
    sheet: catalogueSheetName,
    row: null,
    column: null,
    found: null,
    message: {
      zh: `缺少资源“${id}”：单位名录中单位 ${units.join('、')} 与其一对一对口；请补上该资源编号的一行`,
      en: `resource "${id}" is missing: the registry pairs unit ${units.join(', ')} with it; add a row with that resource ID`,
    },
  }));
}

export function catalogueFromSheets(
  grids: readonly Grid[],
  registry: Registry,
  source: string,
): ImportResult<ResourceCatalogue> {
  const rows = itemsFromSheets(grids, catalogueSheet(registry));
  if (!rows.ok) return rows;
  const issues = missingPaired(registry, new Set(rows.value.map((r) => r.id)));
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: loadResourceCatalogue({ resources: rows.value }, registry, source) };
}
