// A county-level year runs in tiers: the campaign over one group workflow per province (split past a size),
// each group over its own units, so that no workflow holds more pending children than Temporal allows.
import { isReporting, type Unit } from './registry.ts';

export interface UnitGroup {
  /** The code of the group's top unit (a province, the corps, a separately listed city); "-2", "-3"… past `size`. */
  key: string;
  /** In the order they were given (the registry's). */
  units: Unit[];
}

/**
 * `units` by the top of their `parent` chain in `registry`, at most `size` a group. A unit whose parent is
 * not in `registry` tops its own chain (registry validation refuses unknown parents; a cycle stops at a repeat).
 */
export function unitGroups(units: readonly Unit[], registry: readonly Unit[], size: number): UnitGroup[] {
  const byCode = new Map(registry.map((u) => [u.code, u]));
  const topOf = (unit: Unit): string => {
    const seen = new Set([unit.code]);
    let at = unit;
    while (at.parent) {
      const up = byCode.get(at.parent);
      if (!up || seen.has(up.code)) break;
      seen.add(up.code);
      at = up;
    }
    return at.code;
  };
  const byTop = new Map<string, Unit[]>();
  for (const unit of units) {
    const top = topOf(unit);
    const members = byTop.get(top);
    if (members) members.push(unit);
    else byTop.set(top, [unit]);
  }
  return [...byTop].flatMap(([top, members]) =>
    Array.from({ length: Math.ceil(members.length / size) }, (_, i) => ({
      key: i === 0 ? top : `${top}-${i + 1}`,
      units: members.slice(i * size, (i + 1) * size),
    })),
  );
}

/**
 * The groups a year in tiers starts, those with a reporting unit, and the units the campaign mails itself:
 * a notified-only unit listed on its own (a provincial capital without a `parent`) needs no workflow.
 */
export function tiersOf(
  units: readonly Unit[],
  registry: readonly Unit[],
  size: number,
): { groups: UnitGroup[]; notifiedOnly: Unit[] } {
  const all = unitGroups(units, registry, size);
  const groups = all.filter((group) => group.units.some(isReporting));
  return { groups, notifiedOnly: all.filter((group) => !groups.includes(group)).flatMap((g) => g.units) };
}
