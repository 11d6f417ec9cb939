// The catalogue of matching resources (服务资源目录): data in domain/data/resources.json, validated at load.
// Richer than the registry's `resources`: what each resource covers, where, how much, and whom it must not serve.
import { z } from 'zod';
import { lazySchema } from '../lazySchema.ts';
import { recipientSchema } from '../notices/notifications.ts';
import { resourceKinds, serviceCategories, unitCodeSchema } from '../registry.ts';
import { forms, keyTaskSchema } from '../submissions.ts';
import { flagRepeats } from '../validation.ts';
import { maxCapacity, oneOf } from './bounds.ts';

function noRepeats<T>(what: string) {
  return (list: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<T>();
    list.forEach((value, i) => {
      if (seen.has(value))
        ctx.addIssue({ code: 'custom', path: [i], message: `${what} ${String(value)} is listed twice` });
      seen.add(value);
    });
  };
}

export const catalogueResourceSchema = lazySchema(() =>
  z
    .object({
      id: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and "-"'),
      nameZh: z.string().trim().min(1, 'must not be empty'),
      nameEn: z.string().trim().min(1, 'must not be empty'),
      kind: z.enum(resourceKinds),
      /** Part of CNIPA itself (a department, the Patent or Trademark Office, a directly affiliated unit): can be paired one-to-one. */
      cnipaUnit: z.boolean(),
      serviceCategories: z
        .array(
          z.enum(serviceCategories, {
            error: `未知服务类别 / unknown service category; use one of ${oneOf(serviceCategories)}`,
          }),
        )
        .min(1, 'list at least one service category')
        .superRefine(noRepeats('service category')),
      keyTasks: z
        .array(keyTaskSchema)
        .min(1, 'list 1 to 5 key tasks')
        .max(5, 'list 1 to 5 key tasks')
        .superRefine(noRepeats('key task')),
      /** "national", or the unit codes served; a 2-digit code also covers the 4-digit cities under it. */
      regions: z.union([
        z.literal('national'),
        z
          .array(unitCodeSchema)
          .min(1, 'list at least one unit code, or write "national"')
          .superRefine(noRepeats('unit')),
      ]),
      form: z.enum(forms, { error: `未知服务形式 / unknown form; use one of ${oneOf(forms)}` }),
      /** Flagged demands the resource can take on in a campaign year. */
      capacity: z
        .number({ error: '容量须为数字 / capacity must be a number of demands per year' })
        .int('容量须为整数 / a whole number of demands per year')
        .nonnegative('容量不能为负 / 0 or more demands per year')
        .max(
          maxCapacity,
          `容量至多 ${maxCapacity}（求解器以 32 位整数保存容量）/ at most ${maxCapacity} demands per year (the solver keeps capacities in 32-bit integers)`,
        ),
      /** Words looked for in a demand's field and description (plain substring match, case-insensitive). */
      keywords: z
        .array(z.string().trim().min(2, 'at least 2 characters, or it matches almost anything'))
        .default([])
        .transform(distinctKeywords),
      contacts: z.array(recipientSchema).min(1, 'name at least one contact'),
      /** Units this resource may not serve (e.g. an agency and its own province's offices); same code rule as regions. */
      conflicts: z.array(unitCodeSchema).default([]).superRefine(noRepeats('unit')),
    })
    .superRefine((resource, ctx) => {
      if (resource.regions === 'national') return;
      const regions = resource.regions;
      // A conflict covering a served region leaves that region entry without effect: a contradiction, refused.
      // The other way round (serve a province, bar one of its cities) is meaningful and stays allowed.
      resource.conflicts.forEach((code, i) => {
        const served = regions.find((region) => coversUnit(code, region));
        if (served === undefined) return;
        ctx.addIssue({
          code: 'custom',
          path: ['conflicts', i],
          message:
            served === code
              ? `单位 ${code} 同时列在服务地区中 / unit ${code} is also under "regions": a resource cannot both serve and be barred from a unit`
              : `回避单位 ${code} 包含服务地区 ${served} / conflict ${code} covers ${served}, listed under "regions": remove ${served} from "regions", or bar only the units it must not serve`,
        });
      });
    }),
);
export type CatalogueResource = z.infer<typeof catalogueResourceSchema>;

/** The same keyword twice (in any letter case) would score twice: keep its first spelling only. */
function distinctKeywords(keywords: string[]): string[] {
  const seen = new Set<string>();
  return keywords.filter((k) => {
    const key = k.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const resourceCatalogueSchema = lazySchema(() =>
  z
    .object({ resources: z.array(catalogueResourceSchema).min(1, 'list at least one resource') })
    .superRefine((catalogue, ctx) => {
      flagRepeats(
        ctx,
        catalogue.resources,
        (resource) => resource.id,
        (i) => ['resources', i, 'id'],
        (id) => `duplicate resource id "${id}"`,
      );
    }),
);
export type ResourceCatalogue = z.infer<typeof resourceCatalogueSchema>;

/** Whether a region or conflict entry names this unit: itself, or the province a separately listed city lies in. */
export function coversUnit(code: string, unitCode: string): boolean {
  return code === unitCode || (code.length === 2 && unitCode.length === 4 && unitCode.startsWith(code));
}

export function servesRegion(
  resource: CatalogueResource,
  unitCode: string,
): 'local' | 'national' | undefined {
  if (resource.regions === 'national') return 'national';
  return resource.regions.some((code) => coversUnit(code, unitCode)) ? 'local' : undefined;
}

export function conflictsWith(resource: CatalogueResource, unitCode: string): boolean {
  return resource.conflicts.some((code) => coversUnit(code, unitCode));
}
