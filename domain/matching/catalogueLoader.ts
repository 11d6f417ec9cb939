// Loads the resource catalogue from parsed JSON. It never reads domain/data/resources.json itself, so that
// workflow code can take a catalogue as input without bundling the file.
import type { Registry } from '../registry.ts';
import { InvalidInputError, parseInput } from '../validation.ts';
import { type ResourceCatalogue, resourceCatalogueSchema } from './catalogue.ts';

/**
 * Validates a catalogue and checks it against the registry: every unit code it names exists, and every
 * resource a unit is paired with (units[].pairedResource) is in it, so pairings still resolve.
 * `source` (e.g. a file path) is named in the error.
 */
export function loadResourceCatalogue(value: unknown, registry: Registry, source: string): ResourceCatalogue {
  const what = `resource catalogue (${source})`;
  const catalogue = parseInput(resourceCatalogueSchema, value, what);
  const unitCodes = new Set(registry.units.map((u) => u.code));
  const ids = new Set(catalogue.resources.map((r) => r.id));
  const issues: { path: string; message: string }[] = [];
  const known = `use a "code" under "units" in the registry`;
  catalogue.resources.forEach((resource, i) => {
    const regions = resource.regions === 'national' ? [] : resource.regions;
    regions.forEach((code, j) => {
      if (!unitCodes.has(code))
        issues.push({ path: `resources[${i}].regions[${j}]`, message: `unknown unit "${code}"; ${known}` });
    });
    resource.conflicts.forEach((code, j) => {
      if (!unitCodes.has(code))
        issues.push({ path: `resources[${i}].conflicts[${j}]`, message: `unknown unit "${code}"; ${known}` });
    });
  });
  for (const unit of registry.units) {
    if (unit.pairedResource && !ids.has(unit.pairedResource)) {
      issues.push({
        path: 'resources',
        message: `missing "${unit.pairedResource}", the paired resource of unit ${unit.code} in the registry; add a resource with that id`,
      });
    }
  }
  if (issues.length > 0) throw new InvalidInputError(what, issues);
  return catalogue;
}
