// The campaign's date, Asia/Shanghai: the real date, or on a compressed campaign (a whole year in minutes)
// the nominal date its clock has reached, so that "days left" reads as the units experience it.
import { formatShanghaiDate, toNominal } from '../../../domain/calendar.ts';
import type { CampaignStatus } from '../../../workflows/shared/status.ts';

export function campaignToday(status: Pick<CampaignStatus, 'clock'>, now: number): string {
  return formatShanghaiDate(toNominal(status.clock, now));
}
