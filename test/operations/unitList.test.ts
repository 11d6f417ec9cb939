// The dashboard's unit list: narrowed by a code or name and a standing, ordered worst first, by code, deadline or
// last reminder, either way; the tiles and the export use the same rules.
import { describe, expect, it } from 'vitest';
import type { UnitStanding } from '../../client/operations/describe/standing.ts';
import { type UnitListRow, unitList, unitListQuerySchema } from '../../client/operations/unitList.ts';
import type { UnitProgress } from '../../workflows/shared/status.ts';

const row = (
  unitCode: string,
  nameZh: string,
  nameEn: string,
  standing: UnitStanding['standing'],
  deadline: string | null,
  daysLeft: number | null,
  remindedAt?: number,
): UnitListRow => ({
  unit: { unitCode, nameZh, nameEn } as UnitProgress,
  standing: { standing, deadline, daysLeft, missing: [], track: null } as unknown as UnitStanding,
  reminded: remindedAt === undefined ? undefined : { at: remindedAt, by: 'zhang' },
});

// In the campaign's (the registry's) order.
const rows = [
  row('11', '北京市知识产权局', 'Beijing Intellectual Property Office', 'urging', '2027-05-25', -4, 2_000),
  row('12', '天津市知识产权局', 'Tianjin Intellectual Property Office', 'complete', null, null),
  row('13', '河北省知识产权局', 'Hebei Intellectual Property Office', 'supervision', '2027-05-25', -9, 1_000),
  row('3702', '青岛市知识产权局', 'Qingdao Intellectual Property Office', 'soon', '2027-05-28', 2),
];
const codes = (query: Record<string, string>) =>
  unitList(rows, unitListQuerySchema.parse(query)).map((r) => r.unit.unitCode);

describe('the unit list', () => {
  it('puts the worst first by default, the latest first among equals', () => {
    expect(codes({})).toEqual(['13', '11', '3702', '12']);
  });

  it('keeps the official order by code, and reverses any order', () => {
    expect(codes({ sort: 'code' })).toEqual(['11', '12', '13', '3702']);
    expect(codes({ sort: 'code', order: 'desc' })).toEqual(['3702', '13', '12', '11']);
    expect(codes({ sort: 'deadline' })).toEqual(['11', '13', '3702', '12']);
    expect(codes({ sort: 'reminded' })).toEqual(['12', '3702', '13', '11']); // never reminded first
  });

  it('finds a unit by the start of its code or a part of its name, in either language', () => {
    expect(codes({ q: '37' })).toEqual(['3702']);
    expect(codes({ q: '天津' })).toEqual(['12']);
    expect(codes({ q: 'hebei' })).toEqual(['13']);
    expect(codes({ q: '知识产权局', standing: 'urging' })).toEqual(['11']);
  });

  it('takes a part left at "all" as no filter, and names a bad one', () => {
    expect(codes({ q: '', standing: '', sort: '', order: '' })).toEqual(['13', '11', '3702', '12']);
    const bad = unitListQuerySchema.safeParse({ standing: 'late' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['standing']);
  });
});
