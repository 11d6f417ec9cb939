// The other half of matching feedback: each matched resource hears which units' demands it now serves,
// with each unit's contact, so both sides can reach each other.
import type { CatalogueResource } from '../domain/matching/catalogue.ts';
import type { RecordMatches } from '../domain/matching/decisions.ts';
import type { NotificationRequest } from '../domain/notifications.ts';
import type { Registry } from '../domain/registry.ts';
import type { UnitProgress } from './status.ts';

export function resourceFeedback(
  year: number,
  matches: RecordMatches,
  catalogue: ReadonlyMap<string, CatalogueResource>,
  units: ReadonlyMap<string, UnitProgress>,
  registry: Registry,
): NotificationRequest[] {
  const byResource = new Map<string, RecordMatches['matches']>();
  for (const m of matches.matches) byResource.set(m.resourceId, [...(byResource.get(m.resourceId) ?? []), m]);
  return [...byResource].flatMap(([resourceId, taken]) => {
    const resource = catalogue.get(resourceId);
    if (!resource) return [];
    const lines = taken.map((m) => {
      const unit = registry.units.find((u) => u.code === m.unitCode);
      const demand = units.get(m.unitCode)?.flaggedDemands.find((d) => d.id === m.demandId);
      const office = unit?.contacts.office;
      const what = demand ? `${demand.entity.name}：${demand.description.slice(0, 80)}` : m.demandId;
      return (
        `${unit?.nameZh ?? m.unitCode} 需求 ${m.demandId}（${what}）/ ${unit?.nameEn ?? m.unitCode} demand ${m.demandId}` +
        (office ? `；联系人 / contact: ${office.name} <${office.email}>` : '') +
        (m.note ? `；备注 / note: ${m.note}` : '')
      );
    });
    return [
      {
        key: `${year}/resource-${resourceId}/matching/feedback`,
        kind: 'matching.resourceFeedback' as const,
        to: resource.contacts,
        cc: [registry.promotionDepartment],
        year,
        unit: { code: resourceId, nameZh: resource.nameZh, nameEn: resource.nameEn },
        feedback: lines,
      },
    ];
  });
}
