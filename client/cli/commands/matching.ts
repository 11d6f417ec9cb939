// wlx matching propose | show | accept | override | reject | confirm | record: CNIPA's matching of flagged
// demands to resources. The campaign proposes when matching opens; operators review and confirm; only
// confirmed matches (and those recorded by hand) go out as feedback when the window closes.
import type { Client } from '@temporalio/client';
import type { Command } from 'commander';
import { z } from 'zod';
import { recordMatchesSchema } from '../../../domain/matching/decisions.ts';
import type { MatchingReview, ReviewAction } from '../../../domain/matching/review.ts';
import {
  type DecisionPage,
  decisionStatuses,
  reviewPageSize,
  reviewSelectionSchema,
  selectDecisions,
} from '../../../domain/matching/reviewPage.ts';
import { unitCodeSchema } from '../../../domain/registry.ts';
import { withClient } from '../../../infra/temporal/connection.ts';
import { campaignWorkflowId, recordMatchesUpdate } from '../../../workflows/shared/messages.ts';
import type { Acting } from '../../operations/audit/acting.ts';
import { campaignCatalogue } from '../../operations/campaignInput.ts';
import {
  pageFacts,
  pageWords,
  pairingHeader,
  pairingRows,
  resourceNames,
  reviewHeader,
  reviewRows,
  reviewSummary,
} from '../../operations/describe/matchingReview.ts';
import {
  currentReview,
  defaultOperator,
  proposeMatching,
  reviewMatching,
} from '../../operations/matchingReview.ts';
import { pairingHistory } from '../../operations/pairingHistory.ts';
import { withActing } from '../acting.ts';
import { commandGroups } from '../commandGroups.ts';
import { codeListSchema, jsonField, jsonOption, parseOptions, yearField, yearOption } from '../options.ts';
import { printJson, printTable } from '../output.ts';

const base = { ...yearField, ...jsonField, by: z.string().optional() };
const demandOptions = { unit: unitCodeSchema, demand: z.string().min(1) };
const demandList = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[0-9]{2,4}\/.+$/, 'UNIT/DEMAND, e.g. 11/BJ-001')).min(1));

async function printReview(
  client: Client,
  year: number,
  review: MatchingReview | null,
  json: boolean,
  shown?: DecisionPage,
): Promise<void> {
  if (json) {
    printJson(review && shown ? { ...review, decisions: shown.decisions, shown: pageFacts(shown) } : review);
    return;
  }
  if (!review) {
    process.stdout.write('尚无匹配建议 (no proposal yet): "wlx matching propose" makes one\n');
    return;
  }
  const names = resourceNames(await campaignCatalogue(client, year));
  if (shown) {
    if (shown.decisions.length)
      printTable(reviewHeader, reviewRows({ ...review, decisions: shown.decisions }, names));
    const where = pageWords(shown);
    process.stdout.write(`${where.zh} / ${where.en}\n`);
  } else printTable(reviewHeader, reviewRows(review, names));
  if (review.pairings.length > 0) {
    process.stdout.write('\n');
    printTable(pairingHeader, pairingRows(review, names));
  }
  process.stdout.write(`${reviewSummary(review)}\n`);
}

/** Sends one request to the review as `by`, recorded in the trail, and prints the review it answers with. */
function sendAndPrint(
  options: { year: number; json: boolean },
  by: string,
  send: (client: Client, acting: Acting) => Promise<MatchingReview | null>,
): Promise<void> {
  return withActing(
    (acting) =>
      withClient(async (client) =>
        printReview(client, options.year, await send(client, acting), options.json),
      ),
    { by },
  );
}

/** One review subcommand: its own options parsed, turned into an action, sent, and the review printed. */
function reviewCommand<T>(
  parent: Command,
  name: string,
  description: string,
  fields: z.ZodType<T>,
  toAction: (fields: T, by: string) => ReviewAction,
): Command {
  return parent
    .command(name)
    .description(description)
    .addOption(yearOption())
    .option('--by <name>', 'who decides, kept with the decision (default: $WLX_OPERATOR or your login)')
    .addOption(jsonOption('the review'))
    .action(async (raw) => {
      const options = parseOptions(z.object(base), raw);
      const action = toAction(parseOptions(fields, raw), options.by ?? defaultOperator());
      await sendAndPrint(options, action.by, (client, acting) =>
        reviewMatching(client, options.year, action, undefined, acting),
      );
    });
}

export function registerMatchingCommands(program: Command): void {
  const matching = program.command('matching').description(commandGroups.matching);

  matching
    .command('propose')
    .description('compute the proposal now from the demands flagged so far; earlier decisions are kept')
    .addOption(yearOption())
    .option('--by <name>', 'who asks (default: $WLX_OPERATOR or your login)')
    .addOption(jsonOption('the review'))
    .action(async (raw) => {
      const options = parseOptions(z.object(base), raw);
      const by = options.by ?? defaultOperator();
      await sendAndPrint(options, by, (client, acting) =>
        proposeMatching(client, options.year, by, undefined, acting),
      );
    });

  matching
    .command('pairings')
    .description(
      "each unit's one-to-one partner (一对一对口) year by year, this year's as the review stands, and for how many years in a row",
    )
    .addOption(yearOption())
    .option('--years <n>', 'how many years back to show, this one included (default: 5)')
    .addOption(jsonOption('the history'))
    .action(async (raw) => {
      const options = parseOptions(
        z.object({ ...yearField, ...jsonField, years: z.coerce.number().int().min(1).max(20).default(5) }),
        raw,
      );
      await withClient(async (client) => {
        const history = await pairingHistory(client, options.year, options.years);
        if (options.json) {
          printJson(history);
          return;
        }
        if (history.units.length === 0) {
          process.stdout.write('尚无一对一对口记录 (no one-to-one pairings recorded)\n');
          return;
        }
        printTable(
          ['单位 Unit', ...history.years.map(String), '连续年数 Years in a row'],
          history.units.map((u) => [u.unitCode, ...u.partners.map((p) => p ?? '—'), String(u.streak)]),
        );
      });
    });

  matching
    .command('show')
    .description(
      'the proposal under review: resource, reason and alternates per demand, and who decided what',
    )
    .addOption(yearOption())
    .option('--unit <code>', "only this unit's demands")
    .option('--status <status>', `only demands in this status: ${decisionStatuses.join(', ')}`)
    .option('--page <n>', `a hundred demands at a time (${reviewPageSize} a page), from 1`)
    .addOption(jsonOption('the review (with --unit, --status or --page: the demands shown, and "shown")'))
    .action(async (raw) => {
      const options = parseOptions(
        z.object({ ...yearField, ...jsonField, ...reviewSelectionSchema.shape }),
        raw,
      );
      await withClient(async (client) => {
        const review = await currentReview(client, options.year);
        const shown = review ? selectDecisions(review.decisions, options) : undefined;
        await printReview(client, options.year, review, options.json, shown);
      });
    });

  reviewCommand(
    matching,
    'accept',
    'accept the proposed resource of the listed demands, or of every demand still only proposed',
    z.object({ demands: demandList.optional() }),
    (o, by) => ({
      action: 'accept',
      by,
      ...(o.demands && {
        demands: o.demands.map((d) => ({
          unitCode: d.split('/')[0] as string,
          demandId: d.slice(d.indexOf('/') + 1),
        })),
      }),
    }),
  ).option('--demands <list>', 'UNIT/DEMAND pairs, comma-separated, e.g. 11/BJ-001,12/TJ-003');

  reviewCommand(
    matching,
    'override',
    'give one demand another resource (it must exist, have room and no conflict with the unit)',
    z.object({ ...demandOptions, resource: z.string().min(1), note: z.string().optional() }),
    (o, by) => ({
      action: 'override',
      by,
      unitCode: o.unit,
      demandId: o.demand,
      resourceId: o.resource,
      ...(o.note && { note: o.note }),
    }),
  )
    .requiredOption('--unit <code>', 'the unit whose demand it is')
    .requiredOption('--demand <id>', 'the demand id, as in its demand list')
    .requiredOption('--resource <id>', 'a resource id from the catalogue')
    .option('--note <text>', 'a note for the unit and the resource');

  reviewCommand(
    matching,
    'reject',
    'match nothing to one demand, saying why',
    z.object({ ...demandOptions, reason: z.string().min(1) }),
    (o, by) => ({ action: 'reject', by, unitCode: o.unit, demandId: o.demand, reason: o.reason }),
  )
    .requiredOption('--unit <code>', 'the unit whose demand it is')
    .requiredOption('--demand <id>', 'the demand id, as in its demand list')
    .requiredOption('--reason <text>', 'why, for the unit and the record');

  reviewCommand(
    matching,
    'accept-pairings',
    'accept the proposed one-to-one partner (一对一对口) of the listed units, or of every unit still only proposed',
    z.object({ units: codeListSchema.optional() }),
    (o, by) => ({ action: 'acceptPairings', by, ...(o.units && { units: o.units }) }),
  ).option('--units <codes>', 'unit codes, comma-separated, e.g. 11,12');

  reviewCommand(
    matching,
    'override-pairing',
    'give a unit another CNIPA partner (a CNIPA unit, no conflict, within the balanced load)',
    z.object({ unit: unitCodeSchema, resource: z.string().min(1) }),
    (o, by) => ({ action: 'overridePairing', by, unitCode: o.unit, resourceId: o.resource }),
  )
    .requiredOption('--unit <code>', 'the unit')
    .requiredOption('--resource <id>', 'a CNIPA resource id from the catalogue');

  reviewCommand(
    matching,
    'reject-pairing',
    'pair a unit with nobody this year, saying why',
    z.object({ unit: unitCodeSchema, reason: z.string().min(1) }),
    (o, by) => ({ action: 'rejectPairing', by, unitCode: o.unit, reason: o.reason }),
  )
    .requiredOption('--unit <code>', 'the unit')
    .requiredOption('--reason <text>', 'why, for the record');

  reviewCommand(
    matching,
    'confirm',
    'confirm the review: its accepted and overridden matches go out as feedback',
    z.object({}),
    (_, by) => ({
      action: 'confirm',
      by,
    }),
  );

  matching
    .command('record')
    .description(
      'record match decisions and one-to-one pairings by hand, from a file; see examples/matches.json',
    )
    .addOption(yearOption())
    .requiredOption('--file <file>', 'decisions, .json or .yaml')
    .addOption(jsonOption('the campaign status'))
    .action(async (raw) => {
      const options = parseOptions(z.object({ ...yearField, ...jsonField, file: z.string().min(1) }), raw);
      const { readInputFile } = await import('../../operations/inputFile.ts');
      const decisions = await readInputFile(options.file, recordMatchesSchema, 'match decisions');
      await withClient(async (client) => {
        const status = await client.workflow
          .getHandle(campaignWorkflowId(options.year))
          .executeUpdate(recordMatchesUpdate, { args: [decisions] });
        if (options.json) printJson(status);
        else
          process.stdout.write(
            `已记录 (recorded): ${status.matches.matches.length} matches, ${status.matches.pairings.length} pairings in total\n`,
          );
      });
    });
}
