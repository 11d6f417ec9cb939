// A campaign's key dates, for people: the started workflow's details in the Web UI, and what
// `wlx campaign start` prints. A compressed year shows each nominal date with the real instant it falls on.
import {
  type CampaignSchedule,
  formatShanghaiDate,
  formatShanghaiDateTime,
  toReal,
} from '../../../domain/calendar.ts';

export function scheduleLines(schedule: CampaignSchedule, compressed: boolean): string[] {
  const when = (nominal: number) =>
    compressed
      ? `${formatShanghaiDate(nominal)} (real ${new Date(toReal(schedule.mapping, nominal)).toISOString()})`
      : formatShanghaiDateTime(nominal);
  return [
    `launch:           ${when(schedule.phases.launch.start)}`,
    `plan deadline:    ${when(schedule.deadlines.plan)}`,
    `summary deadline: ${when(schedule.deadlines.summary)}`,
    `national summary: ${when(schedule.closeAt)}`,
    schedule.workingDays
      ? `counted in:       working days (工作日) of ${schedule.workingDays.years.join(', ')}`
      : 'counted in:       calendar days (自然日)',
  ];
}
