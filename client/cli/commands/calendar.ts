// wlx calendar show: a year's working calendar, as the campaign would count it.
import type { Command } from 'commander';
import { z } from 'zod';
import { calendarYear } from '../../operations/calendar/calendarYear.ts';
import { commandGroups } from '../commandGroups.ts';
import { jsonField, jsonOption, parseOptions, yearField, yearOption } from '../options.ts';
import { printJson, printTable } from '../output.ts';

const showOptions = z.object({ ...yearField, holidays: z.string().optional(), ...jsonField });

export function registerCalendarCommands(program: Command): void {
  const calendar = program.command('calendar').description(commandGroups.calendar);
  calendar
    .command('show')
    .description("a year's days off (放假) and make-up working days (调休上班), and where they come from")
    .addOption(yearOption())
    .option(
      '--holidays <file>',
      'holidays file (YAML or .xlsx): years chinese-days does not know yet, local days off',
    )
    .addOption(jsonOption('the year'))
    .action(async (raw) => {
      const options = parseOptions(showOptions, raw);
      const year = await calendarYear(options.year, options.holidays);
      if (options.json) {
        printJson(year);
        return;
      }
      process.stdout.write(
        `${year.year}: ${year.workingDayCount} 个工作日 working days (${year.sources.join(' + ')})\n`,
      );
      printTable(
        ['日期 date', '星期 weekday', '安排 arrangement'],
        year.exceptions.map((d) => [
          d.date,
          d.weekday,
          d.working ? '调休上班 make-up working day' : '放假 day off',
        ]),
      );
    });
}
