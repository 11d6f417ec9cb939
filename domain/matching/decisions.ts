// The operator's matching decisions (服务资源匹配) and key-region selection, per the notice's section 4–5:
// their shapes, and the checks against the campaign that a schema alone cannot make.
import { z } from 'zod';
import { lazySchema } from '../lazySchema.ts';
import type { Recipient } from '../notices/notifications.ts';
import { unitCodeSchema } from '../registry.ts';
import { operatorNameSchema } from '../submissions.ts';

export const recordMatchesSchema = lazySchema(() =>
  z.object({
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
  }),
);
export type RecordMatches = z.infer<typeof recordMatchesSchema>;

export const designateKeyRegionsSchema = lazySchema(() =>
  z.object({
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
    /** Who designates (for the history and the audit trail); the campaign does not keep it. */
    by: operatorNameSchema.optional(),
  }),
);
export type DesignateKeyRegions = z.infer<typeof designateKeyRegionsSchema>;

export interface FieldIssue {
  path: string;
  message: string;
}

/** What the campaign knows that match decisions are checked against. */
export interface MatchContext {
  reportingCodes: ReadonlySet<string>;
  resourceIds: ReadonlySet<string>;
  /** The ids of the demands a unit flagged for CNIPA coordination, as it last reported them. */
  flaggedDemandIds(unitCode: string): readonly string[];
}

const notReporting = (code: string) => `"${code}" is not a reporting unit of this campaign`;
const unknownResource = (id: string) => `unknown resource "${id}"; see the registry's resources`;

/** Each decision names a reporting unit, a demand it flagged, and a resource that exists. */
export function matchDecisionIssues(decisions: RecordMatches, context: MatchContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  decisions.matches.forEach((m, i) => {
    const flagged = context.flaggedDemandIds(m.unitCode);
    if (!context.reportingCodes.has(m.unitCode)) {
      issues.push({ path: `matches[${i}].unitCode`, message: notReporting(m.unitCode) });
    } else if (!flagged.includes(m.demandId)) {
      issues.push({
        path: `matches[${i}].demandId`,
        message: `unit ${m.unitCode} has no demand "${m.demandId}" flagged for CNIPA coordination; flagged: ${flagged.join(', ') || 'none'}`,
      });
    }
    if (!context.resourceIds.has(m.resourceId)) {
      issues.push({ path: `matches[${i}].resourceId`, message: unknownResource(m.resourceId) });
    }
  });
  decisions.pairings.forEach((p, i) => {
    if (!context.reportingCodes.has(p.unitCode)) {
      issues.push({ path: `pairings[${i}].unitCode`, message: notReporting(p.unitCode) });
    }
    if (!context.resourceIds.has(p.resourceId)) {
      issues.push({ path: `pairings[${i}].resourceId`, message: unknownResource(p.resourceId) });
    }
  });
  return issues;
}

/** Key regions are reporting units of the campaign, each named once. */
export function keyRegionIssues(
  choice: DesignateKeyRegions,
  reportingCodes: ReadonlySet<string>,
): FieldIssue[] {
  return choice.regions.flatMap((code, i) => {
    if (!reportingCodes.has(code)) return [{ path: `regions[${i}]`, message: notReporting(code) }];
    if (choice.regions.indexOf(code) !== i)
      return [{ path: `regions[${i}]`, message: `"${code}" is listed twice` }];
    return [];
  });
}

/** Later decisions for the same demand replace earlier ones; pairings accumulate, each once. */
export function mergeDecisions(recorded: RecordMatches, decisions: RecordMatches): RecordMatches {
  const key = (x: { unitCode: string; demandId: string }) => `${x.unitCode}/${x.demandId}`;
  let matches = recorded.matches;
  for (const m of decisions.matches) matches = [...matches.filter((x) => key(x) !== key(m)), m];
  const pairings = [...recorded.pairings];
  for (const p of decisions.pairings) {
    if (!pairings.some((x) => x.unitCode === p.unitCode && x.resourceId === p.resourceId)) pairings.push(p);
  }
  return { matches, pairings };
}

/** What one unit hears back at the end of matching. */
export interface MatchingFeedback {
  matches: {
    demandId: string;
    resourceId: string;
    resourceNameZh: string;
    resourceNameEn: string;
    note?: string;
    /** Whom to contact at the resource (from the catalogue; absent for registry-only resources). */
    contacts?: Recipient[];
  }[];
  pairedResourceIds: string[];
  /** The one-to-one partners the catalogue knows, with whom to contact (absent in older feedback). */
  partners?: { resourceId: string; nameZh: string; nameEn: string; contacts: Recipient[] }[];
  keyGuidanceRegion: boolean;
  exchangeHosts: string[];
}
