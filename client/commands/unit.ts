// wlx unit show
import type { Command } from 'commander';
import { z } from 'zod';
import { unitStatusQuery, unitWorkflowId } from '../../workflows/messages.ts';
import type { UnitStatus } from '../../workflows/status.ts';
import { withClient, workflowLink } from '../connection.ts';
import { parseOptions, unitSchema, yearSchema } from '../options.ts';
import { printJson } from '../output.ts';

const showOptions = z.object({ year: yearSchema, unit: unitSchema, json: z.boolean().default(false) });

export function registerUnitCommands(program: Command): void {
  program
    .command('unit')
    .description("one reporting unit's year")
    .command('show')
    .description('state, deadlines, escalation, what is missing and what was returned')
    .requiredOption('--year <year>', 'campaign year')
    .requiredOption('--unit <code>', 'unit code, e.g. 11 or 3702')
    .option('--json', 'print the status as JSON')
    .action(async (raw) => {
      const options = parseOptions(showOptions, raw);
      await withClient(async (client, config) => {
        const workflowId = unitWorkflowId(options.year, options.unit);
        const status = await client.workflow.getHandle(workflowId).query(unitStatusQuery);
        if (options.json) printJson(status);
        else process.stdout.write(`${describeUnit(status)}\n${workflowLink(config, workflowId)}\n`);
      });
    });
}

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
