// One unit's year in a few lines, for people: what `wlx unit show` prints, and every command that changes
// a unit prints after the change.
import type { UnitStatus } from '../../../workflows/shared/status.ts';

export function describeUnit(u: UnitStatus): string {
  const track = (name: string, t: UnitStatus['plan']) =>
    `${name}: due ${t.deadline}, ${t.submittedAt ? `in on ${t.submittedAt}` : 'not in'}` +
    (t.level ? `, now ${t.level}` : '') +
    (t.maxLevel && !t.level ? ` (reached ${t.maxLevel})` : '');
  return [
    `${u.unitCode} ${u.nameZh} / ${u.nameEn} — ${u.year}`,
    `state:      ${u.state}${u.overdue ? ` (overdue: ${u.escalationLevel})` : ''}`,
    `  ${track('plan', u.plan)}`,
    `  ${track('summary', u.summary)}`,
    `missing:    ${u.missing.join(', ') || 'nothing'}`,
    `activities: ${u.activitiesRecorded} recorded; flagged demands: ${u.flaggedDemands.length}; feedback: ${u.feedbackReceived ? 'received' : 'not yet'}`,
    ...(u.returned ? [`returned:   ${u.returned.what} — ${u.returned.reason}`] : []),
    ...(u.undelivered.length ? [`undelivered mail: ${u.undelivered.join('; ')}`] : []),
  ].join('\n');
}
