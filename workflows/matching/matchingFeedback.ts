// What each unit hears at the end of matching: its confirmed matches with the resources' contacts, its
// one-to-one partners, and the key regions.
import type { CatalogueResource } from '../../domain/matching/catalogue.ts';
import type {
  DesignateKeyRegions,
  MatchingFeedback,
  RecordMatches,
} from '../../domain/matching/decisions.ts';
import type { Resource } from '../../domain/registry.ts';

export interface FeedbackSources {
  matches: RecordMatches;
  keyRegions: DesignateKeyRegions | null;
  /** The catalogue's resources: they carry contacts. */
  catalogue: Map<string, CatalogueResource>;
  /** The registry's resources, for matches recorded by hand to one outside the catalogue. */
  registry: Map<string, Resource>;
}

export function matchingFeedback(code: string, from: FeedbackSources): MatchingFeedback {
  const { matches, keyRegions, catalogue } = from;
  return {
    matches: matches.matches
      .filter((m) => m.unitCode === code)
      .map((m) => {
        const listed = catalogue.get(m.resourceId);
        const resource = listed ?? from.registry.get(m.resourceId);
        return {
          demandId: m.demandId,
          resourceId: m.resourceId,
          resourceNameZh: resource?.nameZh ?? m.resourceId,
          resourceNameEn: resource?.nameEn ?? m.resourceId,
          ...(m.note && { note: m.note }),
          ...(listed && { contacts: listed.contacts }),
        };
      }),
    pairedResourceIds: matches.pairings.filter((p) => p.unitCode === code).map((p) => p.resourceId),
    partners: matches.pairings
      .filter((p) => p.unitCode === code && catalogue.has(p.resourceId))
      .map((p) => {
        const r = catalogue.get(p.resourceId) as CatalogueResource;
        return { resourceId: r.id, nameZh: r.nameZh, nameEn: r.nameEn, contacts: r.contacts };
      }),
    keyGuidanceRegion: keyRegions?.regions.includes(code) ?? false,
    exchangeHosts: keyRegions?.exchangeHosts ?? [],
  };
}
