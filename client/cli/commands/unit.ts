// wlx unit show | submissions | recover

import type { Command } from 'commander';
import { z } from 'zod';
import { actorKindLabels, auditViaLabels } from '../../../domain/audit/entry.ts';
import { formatShanghaiDateTime } from '../../../domain/calendar.ts';
import { withClient, withReads } from '../../../infra/temporal/connection.ts';
import { describeUnit } from '../../operations/describe/unit.ts';
import { unitStatus } from '../../operations/unitStatus.ts';
import { openCliTrail } from '../acting.ts';
import { commandGroups } from '../commandGroups.ts';
import { jsonField, jsonOption, parseOptions, unitOption, unitTarget, yearOption } from '../options.ts';
import { printJson, printTable } from '../output.ts';
import { recoverFields, registerRecover } from './recover.ts';

const showOptions = z.object({ ...unitTarget, ...jsonField });

export function registerUnitCommands(program: Command): void {
  const unit = program.command('unit').description(commandGroups.unit);
  unit
    .command('show')
    .description('state, deadlines, escalation, what is missing and what was returned')
    .addOption(yearOption())
    .addOption(unitOption())
    .addOption(jsonOption('the status'))
    .action(async (raw) => {
      const options = parseOptions(showOptions, raw);
      const { status, link } = await withReads((reads, config) => unitStatus(reads, config, options));
      if (options.json) printJson(status);
      else process.stdout.write(`${describeUnit(status)}\n${link}\n`);
    });
  unit
    .command('submissions')
    .description(
      'every version the unit handed in, each kind, with when, who and from where (as the web shows)',
    )
    .addOption(yearOption())
    .addOption(unitOption())
    .addOption(jsonOption('every version, by kind, with what each held'))
    .action(async (raw) => {
      const options = parseOptions(showOptions, raw);
      // Who sent each version is in the web's audit trail; without its database the versions stand alone.
      const trail = process.env.WEB_DB_URL || process.env.MAIL_LEDGER_URL ? await openCliTrail() : undefined;
      try {
        // Loaded here: `wlx unit show` reads over HTTP and should not load the SDK's payload code for this.
        const { unitSubmissions, versionLines } = await import('../../operations/unitSubmissions.ts');
        const submissions = await withClient((client) => unitSubmissions(client, trail, options));
        if (options.json) {
          printJson(submissions);
          return;
        }
        printTable(
          [
            '报送时间 When',
            '事项 Kind',
            '版本 Version',
            '报送人 By',
            '方式 Via',
            '内容 What',
            '更新编号 Update id',
          ],
          versionLines(submissions).map((line) => [
            formatShanghaiDateTime(line.at),
            line.kind,
            line.version === null ? '-' : `第 ${line.version} 版`,
            line.who
              ? `${line.who.actor.name} (${actorKindLabels[line.who.actor.kind].zh})`
              : '本单位联络员 (not in the audit trail)',
            line.who?.via ? auditViaLabels[line.who.via].zh : '-',
            line.what.zh,
            line.updateId,
          ]),
        );
      } finally {
        await trail?.close();
      }
    });
  registerRecover(
    unit,
    'a unit',
    [yearOption(), unitOption()],
    z.object({ ...unitTarget, ...recoverFields }),
    async () => (await import('../../operations/recoverWorkflow.ts')).recoverUnit,
  );
}
