// Each year's one-to-one pairings (一对一对口) as its campaign recorded them (by `wlx matching record` or a
// confirmed review merged when matching closed): what the next year's proposal keeps where it can, and the
// history that makes rotating a unit's partner a choice.
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Pairing } from '../domain/matching/instance.ts';
import type { TemporalReads } from '../infra/temporal/reads.ts';
import { campaignStatusQuery, campaignWorkflowId } from '../workflows/shared/messages.ts';

/** The pairings `year`'s campaign recorded; null when that year had no campaign. */
export async function yearPairings(reads: TemporalReads, year: number): Promise<Pairing[] | null> {
  try {
    const status = await reads.query(campaignWorkflowId(year), campaignStatusQuery);
    return status.matches.pairings.map(({ unitCode, resourceId }) => ({ unitCode, resourceId }));
  } catch (error) {
    // The year had no campaign, or it is past the namespace's retention.
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}

export interface PairingHistory {
  /** Oldest first; the years without a campaign are left out. */
  years: number[];
  units: {
    unitCode: string;
    /** The partner in each of `years`, null where the unit had none. */
    partners: (string | null)[];
    /** Years in a row, up to the last of `years`, with the same partner as in the last; 0 when none then. */
    streak: number;
  }[];
}

/** The pairings of `years` (each year's pairings, null for a year without a campaign) unit by unit. */
export function historyOf(
  byYear: readonly { year: number; pairings: readonly Pairing[] | null }[],
): PairingHistory {
  const known = byYear.filter((y) => y.pairings !== null).sort((a, b) => a.year - b.year);
  const codes = [...new Set(known.flatMap((y) => (y.pairings ?? []).map((p) => p.unitCode)))].sort();
  return {
    years: known.map((y) => y.year),
    units: codes.map((unitCode) => {
      const partners = known.map((y) => y.pairings?.find((p) => p.unitCode === unitCode)?.resourceId ?? null);
      const last = partners.at(-1) ?? null;
      let streak = 0;
      for (let i = partners.length - 1; i >= 0 && last !== null && partners[i] === last; i--) streak++;
      return { unitCode, partners, streak };
    }),
  };
}
