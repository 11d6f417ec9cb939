// The operator's matching decisions (服务资源匹配) and key-region selection, per the notice's section 4–5.
import { z } from 'zod';
import { unitCodeSchema } from './registry.ts';

export const recordMatchesSchema = z.object({
  /** Flagged demand rows matched to a resource from the catalogue. */
  matches: z
    .array(
      z.object({
        unitCode: unitCodeSchema,
        demandId: z.string().min(1),
        resourceId: z.string().min(1),
        note: z.string().optional(),
      }),
    )
    .default([]),
  /** One-to-one pairings (一对一): a CNIPA department or unit serving a province's counterpart. */
  pairings: z.array(z.object({ unitCode: unitCodeSchema, resourceId: z.string().min(1) })).default([]),
});
export type RecordMatches = z.infer<typeof recordMatchesSchema>;

export const designateKeyRegionsSchema = z.object({
  /** 3–4 regions chosen for key guidance and support. */
  regions: z
    .array(unitCodeSchema)
    .min(3, 'choose 3 or 4 regions for key guidance')
    .max(4, 'choose 3 or 4 regions for key guidance'),
  /** 1–2 IP-service clusters or export bases that host exchange events. */
  exchangeHosts: z
    .array(z.string().trim().min(1))
    .min(1, 'choose 1 or 2 exchange hosts')
    .max(2, 'choose 1 or 2 exchange hosts'),
});
export type DesignateKeyRegions = z.infer<typeof designateKeyRegionsSchema>;

/** What one unit hears back at the end of matching. */
export interface MatchingFeedback {
  matches: {
    demandId: string;
    resourceId: string;
    resourceNameZh: string;
    resourceNameEn: string;
    note?: string;
  }[];
  pairedResourceIds: string[];
  keyGuidanceRegion: boolean;
  exchangeHosts: string[];
}
