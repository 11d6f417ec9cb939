// The shipped default registry and pure helpers over a registry. No file access here: this folder is also
// bundled into Temporal's workflow sandbox, so reading a registry file is the CLI's job.
import data from './data/registry.json' with { type: 'json' };
import { isReporting, type Registry, registrySchema, type Unit } from './registry.ts';
import { parseInput } from './validation.ts';

export class UnknownUnitError extends Error {
  override readonly name = 'UnknownUnitError';
  constructor(
    readonly unitCode: string,
    readonly knownCodes: readonly string[],
  ) {
    super(
      `unknown unit code "${unitCode}"; valid codes are the "code" fields under "units" in the registry: ` +
        knownCodes.join(', '),
    );
  }
}

/** The 2022 default: 37 reporting units, 11 notified-only units and the CNIPA resources. A fresh copy each call. */
export function defaultRegistry(): Registry {
  return parseInput(registrySchema, data, 'registry');
}

/** Validates a registry read from elsewhere; `source` (e.g. a file path) is named in the error. */
export function parseRegistry(value: unknown, source: string): Registry {
  return parseInput(registrySchema, value, `registry (${source})`);
}

/** Units with deadlines: they submit a work plan, demand list and summaries. */
export function reportingUnits(registry: Registry): Unit[] {
  return registry.units.filter(isReporting);
}

/** Units that receive notices but owe nothing (sub-provincial cities, service centers). */
export function notifiedOnlyUnits(registry: Registry): Unit[] {
  return registry.units.filter((unit) => !isReporting(unit));
}

/** The unit with this code; throws UnknownUnitError listing the valid codes. */
export function findUnit(registry: Registry, code: string): Unit {
  const unit = registry.units.find((u) => u.code === code);
  if (!unit) {
    const known = registry.units.map((u) => u.code);
    throw new UnknownUnitError(code, known);
  }
  return unit;
}
