import { describe, expect, it } from 'vitest';
import catalogueData from '../../../domain/data/resources.json' with { type: 'json' };
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import { conflictsWith, coversUnit, servesRegion } from '../../../domain/matching/catalogue.ts';
import { loadResourceCatalogue } from '../../../domain/matching/catalogueLoader.ts';
import { InvalidInputError } from '../../../domain/validation.ts';

const registry = defaultRegistry();
const load = (value: unknown) => loadResourceCatalogue(value, registry, 'resources.json');
// RFC 2606 / RFC 6761: the .example TLD never reaches a real mailbox.
const reservedDomain = /@([a-z0-9-]+\.)*example$/;

/** The shipped catalogue as plain JSON, with one resource changed. */
function withResource(i: number, change: Record<string, unknown>): unknown {
  const copy = structuredClone(catalogueData) as { resources: Record<string, unknown>[] };
  copy.resources[i] = { ...copy.resources[i], ...change };
  return copy;
}

function rejection(value: unknown): string {
  try {
    load(value);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as Error).message;
  }
  throw new Error('expected the catalogue to be rejected');
}

describe('the shipped resource catalogue', () => {
  const catalogue = load(catalogueData);

  it('has at least 40 resources of every kind, CNIPA units among them', () => {
    expect(catalogue.resources.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(catalogue.resources.map((r) => r.kind));
    for (const kind of ['cnipaDepartment', 'patentOfficeDepartment', 'trademarkOffice', 'affiliatedUnit']) {
      expect(kinds).toContain(kind);
    }
    for (const kind of ['association', 'researchInstitute', 'serviceAgency', 'expert'])
      expect(kinds).toContain(kind);
    expect(catalogue.resources.filter((r) => r.cnipaUnit).length).toBeGreaterThanOrEqual(20);
  });

  it("keeps the ids of the registry's resources, so every pairing resolves", () => {
    const ids = new Set(catalogue.resources.map((r) => r.id));
    for (const r of registry.resources) expect(ids).toContain(r.id);
    for (const unit of registry.units) if (unit.pairedResource) expect(ids).toContain(unit.pairedResource);
  });

  it('writes contacts only on reserved example domains', () => {
    for (const r of catalogue.resources) for (const c of r.contacts) expect(c.email).toMatch(reservedDomain);
  });

  it('has service agencies barred from their home province', () => {
    const agencies = catalogue.resources.filter((r) => r.kind === 'serviceAgency' && r.conflicts.length > 0);
    expect(agencies.length).toBeGreaterThanOrEqual(3);
    const zhejiang = catalogue.resources.find((r) => r.id === 'zj-ip-exchange');
    expect(zhejiang && conflictsWith(zhejiang, '33')).toBe(true);
    expect(zhejiang && conflictsWith(zhejiang, '3302')).toBe(true);
    expect(zhejiang && conflictsWith(zhejiang, '32')).toBe(false);
  });
});

describe('region and conflict codes', () => {
  it('cover the unit itself and the separately listed cities under a province', () => {
    expect(coversUnit('33', '33')).toBe(true);
    expect(coversUnit('33', '3302')).toBe(true);
    expect(coversUnit('21', '2102')).toBe(true);
    expect(coversUnit('3302', '33')).toBe(false);
    expect(coversUnit('51', 'SC51')).toBe(false);
    expect(coversUnit('3', '33')).toBe(false);
  });

  it('say whether a resource serves a unit as a local or a national resource', () => {
    const catalogue = load(catalogueData);
    const jiangsu = catalogue.resources.find((r) => r.id === 'po-jiangsu-center');
    const trademark = catalogue.resources.find((r) => r.id === 'trademark-office');
    expect(jiangsu && servesRegion(jiangsu, '3302')).toBe('local');
    expect(jiangsu && servesRegion(jiangsu, '44')).toBeUndefined();
    expect(trademark && servesRegion(trademark, '44')).toBe('national');
  });
});

describe('catalogue validation names the field', () => {
  it('rejects a negative capacity', () => {
    expect(rejection(withResource(2, { capacity: -1 }))).toMatch(
      /resources\[2\]\.capacity: 容量不能为负 \/ 0 or more demands per year/,
    );
  });

  it('rejects an unknown service category and says which field', () => {
    expect(rejection(withResource(0, { serviceCategories: ['patentNavigation', 'astrology'] }))).toMatch(
      /resources\[0\]\.serviceCategories\[1\]/,
    );
  });

  it('rejects a key task outside 1 to 5', () => {
    expect(rejection(withResource(1, { keyTasks: [6] }))).toMatch(
      /resources\[1\]\.keyTasks\[0\]: a key task number from 1 to 5/,
    );
  });

  it('rejects an unknown unit under regions and under conflicts', () => {
    expect(rejection(withResource(3, { regions: ['11', '99'] }))).toMatch(
      /resources\[3\]\.regions\[1\]: unknown unit "99"/,
    );
    expect(rejection(withResource(3, { conflicts: ['98'] }))).toMatch(
      /resources\[3\]\.conflicts\[0\]: unknown unit "98"/,
    );
  });

  it('rejects a unit listed both as served and as barred', () => {
    expect(rejection(withResource(4, { regions: ['11', '12'], conflicts: ['12'] }))).toMatch(
      /resources\[4\]\.conflicts\[0\]: 单位 12 同时列在服务地区中 \/ unit 12 is also under "regions"/,
    );
  });

  it('rejects a repeated id and a missing contact', () => {
    expect(rejection(withResource(5, { id: 'cnipa-strategy' }))).toMatch(
      /resources\[5\]\.id: duplicate resource id "cnipa-strategy"/,
    );
    expect(rejection(withResource(5, { contacts: [] }))).toMatch(
      /resources\[5\]\.contacts: name at least one contact/,
    );
  });

  it('rejects a catalogue without a resource the registry pairs a unit with', () => {
    const copy = structuredClone(catalogueData) as { resources: { id: string }[] };
    copy.resources = copy.resources.filter((r) => r.id !== 'po-beijing-center');
    expect(rejection(copy)).toMatch(/resources: missing "po-beijing-center", the paired resource of unit 11/);
  });

  it('names the source in the message', () => {
    expect(rejection(withResource(0, { form: 'telepathy' }))).toMatch(
      /^invalid resource catalogue \(resources\.json\): resources\[0\]\.form/,
    );
  });
});
