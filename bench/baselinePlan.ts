// Client side of the baseline: works out, with the real calendar functions, which mail the campaign sends
// and when in a year nobody submits, so the baseline workflows only sleep and send.
import { type CampaignSchedule, formatShanghaiDate, offsetFromDeadline, toReal } from '../domain/calendar.ts';
import { daysLeft } from '../domain/deadlines.ts';
import type { Track } from '../domain/notices/notifications.ts';
import type { Registry } from '../domain/registry.ts';
import { reportingUnits } from '../domain/registry.ts';
import { contactsOf, feedbackLines, launchNotice } from '../workflows/unit/notificationRequest.ts';
import type { BaselineCampaignInput, BaselineNotice } from './baselineWorkflows.ts';

export const baselineWorkflowId = (year: number) => `bench-baseline-${year}`;

export function baselinePlan(registry: Registry, schedule: CampaignSchedule): BaselineCampaignInput {
  const { year } = schedule;
  const real = (nominal: number) => toReal(schedule.mapping, nominal);

  /** Reminders still ahead when the clock is armed, then the whole escalation ladder: 5 timers per track. */
  const track = (name: Track, armedAt: number): BaselineNotice[] => {
    const deadline = schedule.deadlines[name];
    const date = formatShanghaiDate(deadline);
    const reminders = schedule.reminderDaysBefore
      .map((days) => offsetFromDeadline(deadline, -days))
      .filter((at) => at > armedAt)
      .map((at): BaselineNotice => {
        const left = daysLeft(deadline, at);
        return {
          at: real(at),
          kind: 'deadline.reminder',
          key: `${name}/reminder-${left}d-before-${date}`,
          roles: ['unitOffice'],
          track: name,
          deadline: date,
          daysLeft: left,
        };
      });
    const ladder = schedule.escalation.map(
      (step): BaselineNotice => ({
        at: real(offsetFromDeadline(deadline, step.daysAfter)),
        kind: `deadline.${step.level}`,
        key: `${name}/${step.level}-${date}`,
        roles: step.recipients,
        track: name,
        deadline: date,
      }),
    );
    return [...reminders, ...ladder];
  };

  // Nobody is matched, so every unit hears the same "nothing matched" line the campaign sends.
  const feedback: BaselineNotice = {
    at: real(schedule.phases.matching.end),
    kind: 'matching.feedback',
    key: 'matching/feedback',
    roles: ['unitOffice', 'pairedResource'],
    feedback: feedbackLines({
      matches: [],
      pairedResourceIds: [],
      keyGuidanceRegion: false,
      exchangeHosts: [],
    }),
  };
  const notices = [
    ...track('plan', schedule.phases.launch.start),
    feedback,
    ...track('summary', schedule.phases.summary.start),
  ].sort((a, b) => a.at - b.at);

  const launch = registry.units.map((unit) => launchNotice(unit, year, schedule));

  return {
    launchAt: real(schedule.phases.launch.start),
    launch,
    units: reportingUnits(registry).map((unit) => ({
      workflowId: `${baselineWorkflowId(year)}-${unit.code}`,
      input: {
        year,
        unit: { code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn },
        contacts: contactsOf(unit, registry),
        notices,
      },
    })),
  };
}
