// The mail of a year in which nobody submits, as the benches that run one count it: per reporting unit the
// launch, per deliverable its reminders and its whole escalation ladder, then the matching feedback; the units
// that only hear of the campaign get the launch alone.
import { defaultCalendarConfig } from '../domain/calendar.ts';
import { type Registry, reportingUnits } from '../domain/registry.ts';

const config = defaultCalendarConfig;

export const mailsPerSilentUnit = 1 + 2 * (config.reminderDaysBefore.length + config.escalation.length) + 1;

export function silentYearMail(registry: Registry): number {
  const reporting = reportingUnits(registry).length;
  return reporting * mailsPerSilentUnit + registry.units.length - reporting;
}
