// The other half of matching feedback: each matched resource hears which units' demands it now serves,
// with each unit's contact, so both sides can reach each other.
import type { CatalogueResource } from '../../domain/matching/catalogue.ts';
import type { RecordMatches } from '../../domain/matching/decisions.ts';
import { demandKey } from '../../domain/matching/review.ts';
import type { NotificationRequest } from '../../domain/notices/notifications.ts';
import type { Registry } from '../../domain/registry.ts';

export function resourceFeedback(
  year: number,
  matches: RecordMatches,
  catalogue: ReadonlyMap<string, CatalogueResource>,
  /** "Entity: description" by demandKey, read from the units; a demand without one is named by its id. */
  labels: Readonly<Record<string, string>>,
  registry: Registry,
): NotificationRequest[] {
  const byResource = new Map<string, RecordMatches['matches']>();
  for (const m of matches.matches) byResource.set(m.resourceId, [...(byResource.get(m.resourceId) ?? []), m]);
  return [...byResource].flatMap(([resourceId, taken]) => {
    const resource = catalogue.get(resourceId);
    if (!resource) return [];
    const lines = taken.map((m) => {
      const unit = registry.units.find((u) => u.code === m.unitCode);
      const office = unit?.contacts.office;
      const what = labels[demandKey(m)] ?? m.demandId;
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
