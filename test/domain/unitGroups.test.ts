import { describe, expect, it } from 'vitest';
import { countyRegistry } from '../../bench/county/registry.ts';
import { defaultRegistry } from '../../domain/defaultRegistry.ts';
import type { Unit } from '../../domain/registry.ts';
import { tiersOf, unitGroups } from '../../domain/unitGroups.ts';

const base = defaultRegistry().units[0] as Unit;
const unit = (code: string, parent?: string): Unit => {
  const { parent: _, ...rest } = { ...base, code };
  return parent ? { ...rest, parent } : rest;
};

describe('unitGroups', () => {
  it('groups each unit under the top of its chain of parents, in the order given', () => {
    const units = [unit('11'), unit('12'), unit('110101', '1101'), unit('1101', '11'), unit('1201', '12')];
    expect(unitGroups(units, units, 10).map((g) => [g.key, g.units.map((u) => u.code)])).toEqual([
      ['11', ['11', '110101', '1101']],
      ['12', ['12', '1201']],
    ]);
  });

  it('splits a group past the size, keyed -2, -3', () => {
    const units = [unit('11'), ...['01', '02', '03', '04'].map((n) => unit(`11${n}`, '11'))];
    expect(unitGroups(units, units, 2).map((g) => [g.key, g.units.map((u) => u.code)])).toEqual([
      ['11', ['11', '1101']],
      ['11-2', ['1102', '1103']],
      ['11-3', ['1104']],
    ]);
  });

  it('follows parents outside the units it groups, stops at an unknown parent and at a cycle', () => {
    const registry = [unit('11'), unit('1101', '11'), unit('21', '2101'), unit('2101', '21')];
    const groups = unitGroups([unit('1101', '11'), unit('3301', '33'), unit('2101', '21')], registry, 5);
    expect(groups.map((g) => [g.key, g.units.map((u) => u.code)])).toEqual([
      ['11', ['1101']],
      ['3301', ['3301']],
      ['21', ['2101']],
    ]);
  });

  it('keeps 3,000 county-level units to 500 a group', () => {
    const { units } = countyRegistry(3_000);
    const groups = unitGroups(units, units, 500);
    expect(groups.flatMap((g) => g.units)).toHaveLength(3_000);
    expect(Math.max(...groups.map((g) => g.units.length))).toBeLessThanOrEqual(500);
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
  });

  it('starts groups with a reporting unit; a notified-only unit on its own is left to the campaign', () => {
    const notified = (code: string, parent?: string) => ({ ...unit(code, parent), obligations: [] });
    const units = [unit('11'), notified('1101', '11'), notified('2301'), unit('12')];
    const { groups, notifiedOnly } = tiersOf(units, units, 10);
    expect(groups.map((g) => [g.key, g.units.map((u) => u.code)])).toEqual([
      ['11', ['11', '1101']],
      ['12', ['12']],
    ]);
    expect(notifiedOnly.map((u) => u.code)).toEqual(['2301']);
  });
});
