// The shipped resource catalogue (53 resources), checked against a registry. Data, so never imported by
// workflow code: campaigns get their catalogue as input.
import data from './data/resources.json' with { type: 'json' };
import type { ResourceCatalogue } from './matching/catalogue.ts';
import { loadResourceCatalogue } from './matching/catalogueLoader.ts';
import type { Registry } from './registry.ts';

export function defaultCatalogue(registry: Registry): ResourceCatalogue {
  return loadResourceCatalogue(data, registry, 'domain/data/resources.json');
}
