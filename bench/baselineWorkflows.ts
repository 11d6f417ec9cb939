// The raw-Temporal baseline for bench/campaign.bench.ts: the mail of a campaign year in which nobody submits,
// at the same instants, written with nothing but timers, activities and children. No xstate, no zod, no
// signals or queries. Only type imports from the domain, so its bundle stays free of zod.
import { ActivityFailure, sleep, startChild } from '@temporalio/workflow';
import type {
  NotificationKind,
  NotificationRequest,
  Recipient,
  RecipientRole,
  Track,
} from '../domain/notices/notifications.ts';
import { sendNotification } from '../workflows/proxies/mail.ts';
import type { UnitContacts } from '../workflows/unit/notificationRequest.ts';

/** One mail of a unit's year: when it goes out (real instant) and what it says. */
export interface BaselineNotice {
  at: number;
  kind: NotificationKind;
  /** Without the `<year>/<unit>/` prefix, as the unit machine words it. */
  key: string;
  roles: RecipientRole[];
  track?: Track;
  /** Already formatted for display, e.g. "2027-05-25". */
  deadline?: string;
  daysLeft?: number;
  feedback?: string[];
}

export interface BaselineUnitInput {
  year: number;
  unit: { code: string; nameZh: string; nameEn: string };
  contacts: UnitContacts;
  /** In time order. */
  notices: BaselineNotice[];
}

export interface BaselineCampaignInput {
  launchAt: number;
  launch: NotificationRequest[];
  units: { workflowId: string; input: BaselineUnitInput }[];
}

export async function baselineCampaign(input: BaselineCampaignInput): Promise<number> {
  await sleepUntil(input.launchAt);
  await Promise.all(input.launch.map(send));
  const children = await Promise.all(
    input.units.map((u) => startChild(baselineUnit, { workflowId: u.workflowId, args: [u.input] })),
  );
  const sent = await Promise.all(children.map((child) => child.result()));
  return input.launch.length + sent.reduce((a, b) => a + b, 0);
}

export async function baselineUnit(input: BaselineUnitInput): Promise<number> {
  for (const notice of input.notices) {
    await sleepUntil(notice.at);
    await send(request(input, notice));
  }
  return input.notices.length;
}

async function sleepUntil(at: number): Promise<void> {
  const ms = at - Date.now();
  if (ms > 0) await sleep(ms);
}

/** Same failure handling as the campaign's: an undeliverable notice does not stop the year. */
async function send(req: NotificationRequest): Promise<void> {
  try {
    await sendNotification(req);
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
  }
}

/** The unit's own office in To, CNIPA's copies in Cc, as workflows/unit/notificationRequest.ts does it. */
function request(input: BaselineUnitInput, notice: BaselineNotice): NotificationRequest {
  const { contacts } = input;
  const who = (role: RecipientRole): Recipient[] => {
    if (role === 'unitOffice') return [contacts.office];
    if (role === 'unitLeadership') return [contacts.leadership];
    if (role === 'pairedResource') return contacts.pairedResource ? [contacts.pairedResource] : [];
    return [contacts.promotionDepartment];
  };
  const copied = (role: RecipientRole) => role === 'pairedResource' || role === 'promotionDepartment';
  return {
    key: `${input.year}/${input.unit.code}/${notice.key}`,
    kind: notice.kind,
    to: notice.roles.filter((r) => !copied(r)).flatMap(who),
    cc: notice.roles.filter(copied).flatMap(who),
    year: input.year,
    unit: input.unit,
    ...(notice.track && { track: notice.track }),
    ...(notice.deadline !== undefined && { deadline: notice.deadline }),
    ...(notice.daysLeft !== undefined && { daysLeft: notice.daysLeft }),
    ...(notice.feedback && { feedback: notice.feedback }),
  };
}
