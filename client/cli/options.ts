// Command-line options are outside input: parsed with zod, errors naming the option and the fix. The options
// most commands share (--year, --unit, --json) are declared here once: the flag with its help, and the zod
// fragment that parses it, so no two commands can describe or check them differently.
import { Option } from 'commander';
import { z } from 'zod';
import { yearSchema } from '../../domain/campaignYear.ts';
import { unitCodeSchema } from '../../domain/registry.ts';
import { InvalidInputError, parseInput } from '../../domain/validation.ts';

/** A required option, or with `whenAbsent` an optional one whose help says what its absence means. */
function sharedOption(flags: string, description: string, whenAbsent: string | undefined): Option {
  return whenAbsent === undefined
    ? new Option(flags, description).makeOptionMandatory()
    : new Option(flags, `${description} (default: ${whenAbsent})`);
}

/** --year <year>, parsed by `yearField` (or `yearSchema.optional()` with `whenAbsent`). */
export const yearOption = (whenAbsent?: string) => sharedOption('--year <year>', 'campaign year', whenAbsent);
export const yearField = { year: yearSchema };

/** --unit <code>: a unit's code (the registry's unitSchema is the whole unit), parsed by `unitTarget`. */
export const unitOption = (whenAbsent?: string) =>
  sharedOption('--unit <code>', 'unit code, e.g. 11 or 3702', whenAbsent);
/** --year and --unit: the unit workflow a command acts on. */
export const unitTarget = { ...yearField, unit: unitCodeSchema };

/** --json: `what` is what gets printed, e.g. "the unit status". */
export const jsonOption = (what: string) => new Option('--json', `print ${what} as JSON`);
export const jsonField = { json: z.boolean().default(false) };

const durationUnits = { s: 1_000, m: 60_000, h: 3_600_000 } as const;
/** "90s", "10m", "2h": how long a compressed campaign takes in real time. */
export const durationSchema = z
  .string()
  .regex(/^[1-9][0-9]*(s|m|h)$/, 'a duration such as 90s, 10m or 2h')
  .transform((text) => Number.parseInt(text, 10) * durationUnits[text.at(-1) as keyof typeof durationUnits]);

export const codeListSchema = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((code) => code.trim())
      .filter(Boolean),
  )
  .pipe(z.array(unitCodeSchema).min(1, 'at least one code, comma-separated, e.g. 11,12,3702'));

/** Parses commander's option object; the error names options as typed on the command line (--update-id). */
export function parseOptions<S extends z.ZodType>(schema: S, options: unknown): z.output<S> {
  try {
    return parseInput(schema, options, 'options');
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const flag = (path: string) => `--${path.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new InvalidInputError(
      'options',
      error.issues.map((i) => ({ path: flag(i.path), message: i.message })),
    );
  }
}
