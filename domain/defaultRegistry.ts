// The shipped default registry, the 2022 notice's units and CNIPA resources. Kept apart from the pure
// helpers in registry.ts so that the workflow bundle, which gets its registry as input, carries no data.
import data from './data/registry.json' with { type: 'json' };
import { type Registry, registrySchema } from './registry.ts';
import { parseInput } from './validation.ts';

/** 37 reporting units, 11 notified-only units and the CNIPA resources. A fresh copy each call. */
export function defaultRegistry(): Registry {
  return parseInput(registrySchema, data, 'registry');
}
