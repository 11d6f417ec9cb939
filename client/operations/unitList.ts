// The year's units as a list people narrow and order: by a code or a name, by standing, sorted worst first (the
// default), by the official order of codes, by deadline or by the last reminder. One copy for the dashboard's
// tiles, its not-submitted list and their .xlsx export, so the download holds what the page showed.
import { z } from 'zod';
import type { UnitProgress } from '../../workflows/shared/status.ts';
import { type Standing, standings, type UnitStanding } from './describe/standing.ts';
import type { LastReminded } from './lastReminded.ts';
import { blankAsAll, orderSchema, queryString } from './listQuery.ts';

export interface UnitListRow {
  unit: UnitProgress;
  standing: UnitStanding;
  reminded?: LastReminded | undefined;
}

export const unitListSorts = ['severity', 'code', 'deadline', 'reminded'] as const;
export type UnitListSort = (typeof unitListSorts)[number];

/** `?q=北京&standing=urging&sort=deadline&order=desc`; every part may be left out. */
export const unitListQuerySchema = z.object({
  q: blankAsAll(z.string().trim().max(50, 'at most 50 characters')),
  standing: blankAsAll(z.enum(standings as [Standing, ...Standing[]])),
  sort: blankAsAll(z.enum(unitListSorts)),
  order: orderSchema,
});
export type UnitListQuery = z.output<typeof unitListQuerySchema>;

/** The query as it goes in a link: only the parts set, in a fixed order. */
export const unitListQueryString = (query: UnitListQuery): string =>
  queryString(query, ['q', 'standing', 'sort', 'order']);

export const isFiltered = (query: UnitListQuery): boolean => Boolean(query.q || query.standing);

const severity = (row: UnitListRow) => standings.indexOf(row.standing.standing);

type Compare = (a: UnitListRow, b: UnitListRow) => number;

/** Each order's comparison, ascending; ties keep the campaign's order (the registry's, `official`). */
const comparisons = (official: Compare): Record<UnitListSort, Compare> => ({
  // The worst first, then the latest: this is the default's "ascending".
  severity: (a, b) => severity(b) - severity(a) || (a.standing.daysLeft ?? 0) - (b.standing.daysLeft ?? 0),
  code: official,
  // Units without a deadline running go last.
  deadline: (a, b) => (a.standing.deadline ?? '9999').localeCompare(b.standing.deadline ?? '9999'),
  // Never reminded first: those are the ones to look at.
  reminded: (a, b) => (a.reminded?.at ?? 0) - (b.reminded?.at ?? 0),
});

/** The rows the query keeps, in its order; `rows` come in the campaign's order. */
export function unitList(rows: readonly UnitListRow[], query: UnitListQuery): UnitListRow[] {
  const q = query.q?.toLowerCase();
  const kept = rows.filter(
    ({ unit, standing }) =>
      (!query.standing || standing.standing === query.standing) &&
      (!q || unit.unitCode.startsWith(q) || unit.nameZh.includes(q) || unit.nameEn.toLowerCase().includes(q)),
  );
  const position = new Map(rows.map((row, i) => [row.unit.unitCode, i]));
  const official: Compare = (a, b) =>
    (position.get(a.unit.unitCode) ?? 0) - (position.get(b.unit.unitCode) ?? 0);
  const by = comparisons(official)[query.sort ?? 'severity'];
  const sign = query.order === 'desc' ? -1 : 1;
  // Array.prototype.sort is stable: equal rows stay in the campaign's order.
  return kept.sort((a, b) => sign * by(a, b));
}
