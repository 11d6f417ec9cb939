// The registry of reporting units, notified-only units and matching resources: data, validated at load.
import { z } from 'zod';
import { lazySchema } from './lazySchema.ts';
import { recipientSchema } from './notices/notifications.ts';
import { flagRepeats } from './validation.ts';

export const unitKinds = [
  'province',
  'autonomousRegion',
  'municipality',
  'corps',
  'separatelyListedCity',
  'subProvincialCity',
  'serviceCenter',
  /** Below a province: its prefectures (地市) and their counties (县区), for county-level campaigns. */
  'prefecture',
  'county',
] as const;

export const obligations = ['workPlan', 'demandList', 'activityRecords', 'summary'] as const;
export type Obligation = (typeof obligations)[number];

export const serviceCategories = [
  'patentNavigation',
  'transferLicensing',
  'pledgeFinancing',
  'geographicalIndication',
  'trademarkBrand',
  'protection',
  'information',
  'training',
  'consultation',
  'other',
] as const;
export type ServiceCategory = (typeof serviceCategories)[number];

export const resourceKinds = [
  'cnipaDepartment',
  'patentOfficeDepartment',
  'trademarkOffice',
  'affiliatedUnit',
  'association',
  'researchInstitute',
  'serviceAgency',
  'expert',
] as const;

/** GB/T 2260 codes of 2, 4 or 6 digits, or 2 letters and 2 digits for a center. */
export const unitCodePattern = /^[0-9]{2}([0-9]{2}){0,2}$|^[A-Z]{2}[0-9]{2}$/;

export const unitCodeSchema = lazySchema(() =>
  z
    .string()
    .regex(
      unitCodePattern,
      'a GB/T 2260 code of 2, 4 or 6 digits (e.g. "11", "3702", "370212"), or 2 letters and 2 digits for a center (e.g. "SC51")',
    ),
);

export const unitSchema = lazySchema(() =>
  z.object({
    code: unitCodeSchema,
    nameZh: z.string().min(1),
    nameEn: z.string().min(1),
    kind: z.enum(unitKinds),
    /** What the unit must submit; notified-only units have none. */
    obligations: z.array(z.enum(obligations)),
    contacts: z.object({
      /** The IP office's campaign contact: receives notices, reminders and overdue notices. */
      office: recipientSchema,
      /** The office's leadership: receives 催办 and 督办. */
      leadership: recipientSchema,
    }),
    /** The CNIPA department or unit paired one-to-one with this unit (一对一); receives 督办 in copy. */
    pairedResource: z.string().optional(),
    /** The unit above this one: a county's prefecture, a prefecture's province. */
    parent: unitCodeSchema.optional(),
  }),
);
export type Unit = z.infer<typeof unitSchema>;

export const resourceSchema = lazySchema(() =>
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and "-"'),
    nameZh: z.string().min(1),
    nameEn: z.string().min(1),
    kind: z.enum(resourceKinds),
    services: z.array(z.enum(serviceCategories)).min(1),
    contact: recipientSchema,
  }),
);
export type Resource = z.infer<typeof resourceSchema>;

export const registrySchema = lazySchema(() =>
  z
    .object({
      /** CNIPA's IP Application Promotion Department (知识产权运用促进司): receives plans, summaries and 督办 copies. */
      promotionDepartment: recipientSchema,
      units: z.array(unitSchema).min(1),
      resources: z.array(resourceSchema),
    })
    .superRefine((registry, ctx) => {
      flagRepeats(
        ctx,
        registry.units,
        (unit) => unit.code,
        (i) => ['units', i, 'code'],
        (code) => `duplicate unit code "${code}"`,
      );
      // A repeated id would make pairing and matching ambiguous.
      const resourceIds = flagRepeats(
        ctx,
        registry.resources,
        (resource) => resource.id,
        (i) => ['resources', i, 'id'],
        (id) => `duplicate resource id "${id}"`,
      );
      const unitCodes = new Set(registry.units.map((unit) => unit.code));
      registry.units.forEach((unit, i) => {
        if (unit.parent !== undefined && (unit.parent === unit.code || !unitCodes.has(unit.parent))) {
          ctx.addIssue({
            code: 'custom',
            path: ['units', i, 'parent'],
            message: `unknown parent "${unit.parent}"; use the "code" of another unit under "units"`,
          });
        }
        if (unit.pairedResource && !resourceIds.has(unit.pairedResource)) {
          ctx.addIssue({
            code: 'custom',
            path: ['units', i, 'pairedResource'],
            message: `unknown resource "${unit.pairedResource}"; use one of the ids under "resources"`,
          });
        }
      });
    }),
);
export type Registry = z.infer<typeof registrySchema>;

export function isReporting(unit: Unit): boolean {
  return unit.obligations.length > 0;
}

/** Units with deadlines: they submit a work plan, demand list and summaries. */
export function reportingUnits(registry: Registry): Unit[] {
  return registry.units.filter(isReporting);
}

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

/** The unit with this code; throws UnknownUnitError listing the valid codes. */
export function findUnit(registry: Registry, code: string): Unit {
  const unit = registry.units.find((u) => u.code === code);
  if (!unit)
    throw new UnknownUnitError(
      code,
      registry.units.map((u) => u.code),
    );
  return unit;
}
