// wlx audit: the year's audit trail (留痕) — who did what, when, on which unit, from where — as a table or JSON.
import type { Command } from 'commander';
import { auditKinds } from '../../../domain/audit/entry.ts';
import { auditColumns, auditFilterSchema, auditQueryOf, auditRow } from '../../../domain/audit/view.ts';
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import { UserError } from '../../../infra/userError.ts';
import { openCliTrail } from '../acting.ts';
import { commandGroups } from '../commandGroups.ts';
import { jsonField, jsonOption, parseOptions, unitOption, yearOption } from '../options.ts';
import { printJson, printTable } from '../output.ts';

const auditOptions = auditFilterSchema.extend(jsonField);

export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description(commandGroups.audit)
    .addOption(yearOption())
    .addOption(unitOption('every unit'))
    .option('--who <name>', 'an operator or unit name, or unit | operator | system')
    .option('--kind <kinds>', `what, comma-separated: ${auditKinds.join(', ')}`)
    .option('--since <date>', 'from this day on, YYYY-MM-DD (Beijing time)')
    .option('--until <date>', 'up to and including this day, YYYY-MM-DD')
    .addOption(jsonOption('the entries'))
    .action(async (raw) => {
      const options = parseOptions(auditOptions, raw);
      if (!process.env.WEB_DB_URL && !process.env.MAIL_LEDGER_URL)
        throw new UserError(
          '请设置 WEB_DB_URL 为网页的数据库 (set WEB_DB_URL to the web’s database to read the trail)',
        );
      const trail = await openCliTrail();
      if (!trail) throw new UserError('办理记录无法读取 (the audit trail could not be read)');
      try {
        const entries = await trail.list(auditQueryOf(options));
        if (options.json) {
          printJson({ entries });
          return;
        }
        const names = new Map(defaultRegistry().units.map((u) => [u.code, u.nameZh]));
        const keys = Object.keys(auditColumns) as (keyof typeof auditColumns)[];
        process.stdout.write(`${options.year}: ${entries.length} 条办理记录 entries\n`);
        printTable(
          keys.map((k) => `${auditColumns[k].zh} ${auditColumns[k].en}`),
          entries.map((e) => {
            const row = auditRow(e, (code) => names.get(code) ?? '');
            return keys.map((k) => row[k]);
          }),
        );
      } finally {
        await trail.close();
      }
    });
}
