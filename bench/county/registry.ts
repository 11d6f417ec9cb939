// A county-level registry, generated: under each province-level unit of the default registry, prefectures
// (地市) and under them counties (县区), GB/T 2260-shaped codes, until the registry holds `size` units.
// For measuring campaigns at the scale of issue 10 (3,000 units), not a real list of places.
import { defaultRegistry } from '../../domain/defaultRegistry.ts';
import { obligations, type Registry, type Unit } from '../../domain/registry.ts';

/** Prefectures each province gets; counties then fill the rest, one per prefecture a round. */
const prefecturesEach = 10;

export function countyRegistry(size = 3_000): Registry {
  const registry = defaultRegistry();
  const units = [...registry.units];
  const taken = new Set(units.map((u) => u.code));
  const full = () => units.length >= size;
  const add = (parent: Unit, kind: 'prefecture' | 'county', n: number) => {
    const code = `${parent.code}${String(n).padStart(2, '0')}`;
    // A code the registry already has (a separately listed city such as 3702) is skipped.
    if (full() || taken.has(code)) return;
    const level = kind === 'prefecture' ? '地市' : '县区';
    taken.add(code);
    units.push({
      code,
      nameZh: `${parent.nameZh.replace(/知识产权局$/, '')}${level}${n}知识产权局`,
      nameEn: `${parent.nameEn.replace(/ Intellectual Property Office$/, '')}, ${kind} ${n}`,
      kind,
      obligations: [...obligations],
      contacts: {
        office: { name: `${level}联络员`, email: `wanlixing@u${code}.ipa.example` },
        leadership: { name: '分管领导', email: `leadership@u${code}.ipa.example` },
      },
      parent: parent.code,
    });
  };
  const provinces = units.filter((u) => /^[0-9]{2}$/.test(u.code) && u.obligations.length > 0);
  // Round by round, so that every province grows alike until the registry is full.
  for (let n = 1; n <= prefecturesEach; n++) for (const province of provinces) add(province, 'prefecture', n);
  const prefectures = units.filter((u) => u.kind === 'prefecture');
  for (let n = 1; n <= 99 && !full(); n++) for (const prefecture of prefectures) add(prefecture, 'county', n);
  if (!full()) throw new Error(`cannot generate ${size} units from ${provinces.length} provinces`);
  return { ...registry, units };
}
