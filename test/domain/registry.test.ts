import { describe, expect, it } from 'vitest';
import { countyRegistry } from '../../bench/county/registry.ts';
import { defaultRegistry } from '../../domain/defaultRegistry.ts';
import {
  findUnit,
  isReporting,
  type Registry,
  registrySchema,
  reportingUnits,
  UnknownUnitError,
} from '../../domain/registry.ts';
import { InvalidInputError, parseInput } from '../../domain/validation.ts';

const parseRegistry = (value: unknown, source: string) =>
  parseInput(registrySchema, value, `registry (${source})`);
const notifiedOnlyUnits = (registry: Registry) => registry.units.filter((unit) => !isReporting(unit));

const reportingCodes = [
  ...['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41'],
  ...['42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
  '66',
  ...['2102', '3702', '3302', '3502', '4403'],
];
const notifiedCodes = [
  '2301',
  '2201',
  '2101',
  '3701',
  '3201',
  '3301',
  '4201',
  '4401',
  '5101',
  '6101',
  'SC51',
];

// RFC 2606 / RFC 6761: the .example TLD and example.com/.net/.org never reach a real mailbox.
const reservedDomain = /@([a-z0-9-]+\.)*(example|example\.com|example\.net|example\.org)$/;

function allEmails(registry: Registry): string[] {
  return [
    registry.promotionDepartment.email,
    ...registry.units.flatMap((u) => [u.contacts.office.email, u.contacts.leadership.email]),
    ...registry.resources.map((r) => r.contact.email),
  ];
}

/** The default registry as plain JSON, for breaking one field at a time. */
function rawDefault(): { units: Record<string, unknown>[]; resources: Record<string, unknown>[] } {
  return structuredClone(defaultRegistry()) as never;
}

function rejection(value: unknown): string {
  try {
    parseRegistry(value, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as Error).message;
  }
  throw new Error('expected the registry to be rejected');
}

describe('default registry', () => {
  const registry = defaultRegistry();

  it('has the 37 reporting units of the notice, with all four obligations', () => {
    const reporting = reportingUnits(registry);
    expect(reporting).toHaveLength(37);
    expect(reporting.map((u) => u.code).sort()).toEqual([...reportingCodes].sort());
    for (const unit of reporting) {
      expect(unit.obligations).toEqual(['workPlan', 'demandList', 'activityRecords', 'summary']);
    }
  });

  it('has the 11 notified-only units, owing nothing', () => {
    const notified = notifiedOnlyUnits(registry);
    expect(notified).toHaveLength(11);
    expect(notified.map((u) => u.code).sort()).toEqual([...notifiedCodes].sort());
    expect(notified.every((u) => u.obligations.length === 0)).toBe(true);
    expect(registry.units).toHaveLength(48);
  });

  it('gives each unit the kind its code implies', () => {
    const kinds = Object.fromEntries(registry.units.map((u) => [u.code, u.kind]));
    for (const code of ['11', '12', '31', '50']) expect(kinds[code]).toBe('municipality');
    for (const code of ['15', '45', '54', '64', '65']) expect(kinds[code]).toBe('autonomousRegion');
    expect(kinds['66']).toBe('corps');
    for (const code of ['2102', '3702', '3302', '3502', '4403'])
      expect(kinds[code]).toBe('separatelyListedCity');
    for (const code of notifiedCodes.slice(0, 10)) expect(kinds[code]).toBe('subProvincialCity');
    expect(kinds.SC51).toBe('serviceCenter');
    const provinces = reportingCodes.filter((c) => c.length === 2 && c !== '66');
    expect(provinces.filter((c) => kinds[c] === 'province')).toHaveLength(31 - 4 - 5);
  });

  it('names units in Chinese and English', () => {
    expect(findUnit(registry, '11')).toMatchObject({
      nameZh: '北京市知识产权局',
      nameEn: 'Beijing Intellectual Property Office',
    });
    expect(findUnit(registry, '66').nameZh).toBe('新疆生产建设兵团知识产权局');
    expect(findUnit(registry, '2102').nameZh).toBe('大连市知识产权局');
    for (const unit of registry.units) {
      expect(unit.nameZh).toMatch(/知识产权(局|服务促进中心)$/);
      expect(unit.nameEn).toMatch(
        /^[A-Z][A-Za-z' ]+ Intellectual Property (Office|Service Promotion Center)$/,
      );
    }
  });

  it('pairs every reporting unit one-to-one with an existing resource, spread across several', () => {
    const ids = new Set(registry.resources.map((r) => r.id));
    const load = new Map<string, number>();
    for (const unit of reportingUnits(registry)) {
      expect(unit.pairedResource, unit.code).toBeDefined();
      expect(ids.has(unit.pairedResource ?? ''), `${unit.code} → ${unit.pairedResource}`).toBe(true);
      load.set(unit.pairedResource ?? '', (load.get(unit.pairedResource ?? '') ?? 0) + 1);
    }
    expect(load.size).toBeGreaterThanOrEqual(8);
    expect(Math.max(...load.values())).toBeLessThanOrEqual(5);
    for (const unit of notifiedOnlyUnits(registry)) expect(unit.pairedResource).toBeUndefined();
  });

  it('has a catalogue of CNIPA resources with unique ids', () => {
    expect(registry.resources.length).toBeGreaterThanOrEqual(12);
    const ids = registry.resources.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['cnipa-protection', 'cnipa-promotion', 'trademark-office']));
    const kinds = new Set(registry.resources.map((r) => r.kind));
    for (const kind of ['cnipaDepartment', 'patentOfficeDepartment', 'trademarkOffice', 'association']) {
      expect(kinds.has(kind as never), kind).toBe(true);
    }
  });

  it('uses only reserved example domains, with unique addresses', () => {
    const emails = allEmails(registry);
    for (const email of emails) expect(email).toMatch(reservedDomain);
    expect(new Set(emails).size).toBe(emails.length);
    expect(registry.promotionDepartment.name).toContain('知识产权运用促进司');
  });

  it('has unique unit codes', () => {
    const codes = registry.units.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('returns a fresh copy each call, so callers cannot alter the default', () => {
    const first = defaultRegistry();
    first.units.length = 0;
    expect(defaultRegistry().units).toHaveLength(48);
  });
});

describe('findUnit', () => {
  const registry = defaultRegistry();

  it('finds a unit by code', () => {
    expect(findUnit(registry, '3702').nameEn).toBe('Qingdao Intellectual Property Office');
    expect(findUnit(registry, 'SC51').kind).toBe('serviceCenter');
  });

  it('names the unknown code and where valid codes come from', () => {
    expect(() => findUnit(registry, '99')).toThrow(UnknownUnitError);
    expect(() => findUnit(registry, '99')).toThrow(
      /unknown unit code "99".*"code" fields under "units".*11, 12/,
    );
  });
});

describe('invalid registries', () => {
  it('rejects a duplicate unit code, naming its path', () => {
    const raw = rawDefault();
    raw.units[3] = { ...raw.units[3], code: '11' };
    const message = rejection(raw);
    expect(message).toContain('test.json');
    expect(message).toContain('units[3].code: duplicate unit code "11"');
  });

  it('rejects a pairedResource that is not in the catalogue', () => {
    const raw = rawDefault();
    raw.units[5] = { ...raw.units[5], pairedResource: 'cnipa-nowhere' };
    expect(rejection(raw)).toContain('units[5].pairedResource: unknown resource "cnipa-nowhere"');
  });

  it('rejects a bad email, naming the contact', () => {
    const raw = rawDefault();
    const unit = raw.units[0] as { contacts: { leadership: { email: string } } };
    unit.contacts.leadership.email = 'not-an-address';
    expect(rejection(raw)).toMatch(/units\[0\]\.contacts\.leadership\.email: /);
  });

  it('rejects a bad unit code format', () => {
    const raw = rawDefault();
    raw.units[2] = { ...raw.units[2], code: 'Beijing' };
    expect(rejection(raw)).toMatch(/units\[2\]\.code: a GB\/T 2260 code/);
  });

  it('rejects a duplicate resource id', () => {
    const raw = rawDefault();
    raw.resources[1] = { ...raw.resources[1], id: raw.resources[0]?.id };
    expect(rejection(raw)).toMatch(/resources\[1\]\.id: duplicate resource id/);
  });

  it('rejects an unknown unit kind and obligation', () => {
    const raw = rawDefault();
    raw.units[0] = { ...raw.units[0], kind: 'village', obligations: ['workPlan', 'lunch'] };
    const message = rejection(raw);
    expect(message).toMatch(/units\[0\]\.kind: /);
    expect(message).toMatch(/units\[0\]\.obligations\[1\]: /);
  });

  it('accepts the default registry round-tripped through JSON', () => {
    const copy = JSON.parse(JSON.stringify(defaultRegistry())) as unknown;
    expect(parseRegistry(copy, 'copy.json')).toEqual(defaultRegistry());
  });
});

describe('a county-level registry', () => {
  it('generates 3,000 units in tiers, each county under a prefecture under a province, and parses', () => {
    const registry = parseRegistry(countyRegistry(3_000), 'generated');
    const byCode = new Map(registry.units.map((u) => [u.code, u]));
    expect(registry.units).toHaveLength(3_000);
    const counties = registry.units.filter((u) => u.kind === 'county');
    const prefectures = registry.units.filter((u) => u.kind === 'prefecture');
    expect(prefectures.length).toBeGreaterThanOrEqual(300);
    expect(counties.length).toBeGreaterThan(2_500);
    for (const county of counties) {
      const prefecture = byCode.get(county.parent ?? '');
      expect(county.code).toMatch(/^[0-9]{6}$/);
      expect(prefecture?.kind).toBe('prefecture');
      expect(byCode.get(prefecture?.parent ?? '')?.code).toMatch(/^[0-9]{2}$/);
    }
    expect(reportingUnits(registry).length).toBe(3_000 - notifiedOnlyUnits(registry).length);
  });

  it('refuses a parent that is not a unit of the registry, naming the field', () => {
    const registry = defaultRegistry();
    const units = registry.units.map((u) => (u.code === '3702' ? { ...u, parent: '99' } : u));
    const at = registry.units.findIndex((u) => u.code === '3702');
    expect(() => parseRegistry({ ...registry, units }, 'edited')).toThrow(
      `units[${at}].parent: unknown parent "99"; use the "code" of another unit under "units"`,
    );
  });
});
