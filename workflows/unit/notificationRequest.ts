// Turns a machine's `notify` action into a concrete message: who receives it, under which business key.
import { type CampaignSchedule, formatShanghaiDate } from '../../domain/calendar.ts';
import type { MatchingFeedback } from '../../domain/matching/decisions.ts';
import type { NotificationRequest, Recipient, RecipientRole } from '../../domain/notices/notifications.ts';
import type { Registry, Unit } from '../../domain/registry.ts';
import type { NotifyParams, UnitIdentity } from './unitMachine.ts';

export interface UnitContacts {
  office: Recipient;
  leadership: Recipient;
  pairedResource?: Recipient;
  promotionDepartment: Recipient;
}

/** Roles of the unit's own office go in To; CNIPA's copies (paired department, Promotion Dept.) in Cc. */
const copiedRoles: readonly RecipientRole[] = ['pairedResource', 'promotionDepartment'];

function resolve(role: RecipientRole, contacts: UnitContacts): Recipient[] {
  switch (role) {
    case 'unitOffice':
      return [contacts.office];
    case 'unitLeadership':
      return [contacts.leadership];
    case 'pairedResource':
      return contacts.pairedResource ? [contacts.pairedResource] : [];
    case 'promotionDepartment':
      return [contacts.promotionDepartment];
  }
}

export function feedbackLines(feedback: MatchingFeedback): string[] {
  const lines = feedback.matches.map((m) => {
    const contact = m.contacts?.map((c) => `${c.name} <${c.email}>`).join('、');
    return (
      `需求 ${m.demandId} 已匹配：${m.resourceNameZh} / Demand ${m.demandId} matched to ${m.resourceNameEn}` +
      (m.note ? ` (${m.note})` : '') +
      (contact ? `；联系人 / contact: ${contact}` : '')
    );
  });
  for (const p of feedback.partners ?? []) {
    const contact = p.contacts.map((c) => `${c.name} <${c.email}>`).join('、');
    lines.push(`一对一对口单位：${p.nameZh} / One-to-one partner: ${p.nameEn}；联系人 / contact: ${contact}`);
  }
  if (feedback.matches.length === 0)
    lines.push('本次无需国家知识产权局协调的匹配事项 / No items were matched this time');
  if (feedback.keyGuidanceRegion)
    lines.push('贵地区已列为重点指导地区 / Your region is a key-guidance region');
  if (feedback.exchangeHosts.length > 0) {
    lines.push(`交流活动承办方 / Exchange events hosted by: ${feedback.exchangeHosts.join('、')}`);
  }
  return lines;
}

export function notificationRequest(
  params: NotifyParams,
  year: number,
  unit: UnitIdentity,
  contacts: UnitContacts,
  feedback: MatchingFeedback | null,
): NotificationRequest {
  const to = params.recipients.filter((r) => !copiedRoles.includes(r)).flatMap((r) => resolve(r, contacts));
  const cc = params.recipients.filter((r) => copiedRoles.includes(r)).flatMap((r) => resolve(r, contacts));
  return {
    key: `${year}/${unit.code}/${params.key}`,
    kind: params.kind,
    to,
    cc,
    year,
    unit,
    ...(params.track && { track: params.track }),
    ...(params.deadline !== undefined && { deadline: formatShanghaiDate(params.deadline) }),
    ...(params.daysLeft !== undefined && { daysLeft: params.daysLeft }),
    ...(params.returned && { returned: params.returned }),
    ...(params.kind === 'matching.feedback' && feedback && { feedback: feedbackLines(feedback) }),
  };
}

/** Who a unit's mail goes to, from the registry. */
export function contactsOf(unit: Unit, registry: Registry): UnitContacts {
  const paired = registry.resources.find((r) => r.id === unit.pairedResource);
  return {
    office: unit.contacts.office,
    leadership: unit.contacts.leadership,
    ...(paired && { pairedResource: paired.contact }),
    promotionDepartment: registry.promotionDepartment,
  };
}

/** The launch notice to every unit; reporting units are told their first deadline. */
export function launchNotice(unit: Unit, year: number, schedule: CampaignSchedule): NotificationRequest {
  const reporting = unit.obligations.length > 0;
  return {
    key: `${year}/${unit.code}/launch`,
    kind: 'campaign.launched',
    to: [unit.contacts.office],
    cc: [],
    year,
    unit: { code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn },
    ...(reporting && { track: 'plan' as const, deadline: formatShanghaiDate(schedule.deadlines.plan) }),
  };
}
