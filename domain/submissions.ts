// What reporting units submit. The notice names the annexes but not their columns; these follow
// domain.md's "Deliverables". Every rule's message says what would be accepted.
import { z } from 'zod';
import { lazySchema } from './lazySchema.ts';
import type { Track } from './notices/notifications.ts';
import { serviceCategories } from './registry.ts';
import { flagRepeats } from './validation.ts';

export const keyTaskSchema = lazySchema(() =>
  z.number().int().min(1, 'a key task number from 1 to 5').max(5, 'a key task number from 1 to 5'),
);

export const activityTypes = [
  'inspection',
  'research',
  'lecture',
  'siteVisit',
  'experienceExchange',
  'freeConsultation',
  'matchmaking',
  'exhibition',
  'training',
  'other',
] as const;

export const forms = ['online', 'offline', 'both'] as const;
const dateSchema = lazySchema(() => z.iso.date('a date of the form YYYY-MM-DD'));
const text = lazySchema(() => z.string().trim().min(1, 'must not be empty'));

export const documentRefSchema = lazySchema(() =>
  z.object({
    fileName: text,
    /** Lets CNIPA check that the document it fetches is the one submitted. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits (the SHA-256 of the file)'),
    sizeBytes: z.number().int().positive(),
  }),
);

export const contactSchema = lazySchema(() =>
  z.object({ name: text, phone: text, email: z.email().optional() }),
);

export const workPlanSchema = lazySchema(() =>
  z.object({
    title: text,
    objectives: z.array(text).min(1, 'list at least one objective'),
    specialWeeks: z
      .array(
        z.object({
          name: text,
          theme: z.enum(['patent', 'trademark', 'geographicalIndication', 'other']),
          start: dateSchema,
          end: dateSchema,
        }),
      )
      .default([]),
    plannedActivities: z
      .array(
        z.object({
          title: text,
          type: z.enum(activityTypes),
          keyTask: keyTaskSchema,
          month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM'),
        }),
      )
      .min(1, 'list at least one planned activity'),
    contacts: z.array(contactSchema).min(1, 'name at least one contact'),
    document: documentRefSchema,
  }),
);
export type WorkPlan = z.infer<typeof workPlanSchema>;

export const entityTypes = [
  'enterprise',
  'sme',
  'university',
  'researchInstitute',
  'park',
  'cluster',
] as const;

/** One row of Annex 1, the demand list. */
export const demandItemSchema = lazySchema(() =>
  z
    .object({
      id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'the row id: letters, digits, "_" or "-", at most 40'),
      entity: z.object({ name: text, type: z.enum(entityTypes) }),
      field: text,
      keyTask: keyTaskSchema,
      serviceCategory: z.enum(serviceCategories),
      description: text,
      preferredForm: z.enum(forms),
      preferredTime: z.string().optional(),
      needsCnipaCoordination: z.boolean(),
      coordinationReason: z.string().trim().optional(),
      contact: contactSchema,
    })
    .superRefine((item, ctx) => {
      if (item.needsCnipaCoordination && !item.coordinationReason) {
        ctx.addIssue({
          code: 'custom',
          path: ['coordinationReason'],
          message: 'required when needsCnipaCoordination is true: say what CNIPA should coordinate and why',
        });
      }
    }),
);
export type DemandItem = z.infer<typeof demandItemSchema>;

export const demandListSchema = lazySchema(() =>
  z
    .object({ items: z.array(demandItemSchema).min(1, 'list at least one demand') })
    .superRefine((list, ctx) => {
      flagRepeats(
        ctx,
        list.items,
        (item) => item.id,
        (i) => ['items', i, 'id'],
        (id) => `duplicate row id "${id}"`,
      );
    }),
);
export type DemandList = z.infer<typeof demandListSchema>;

export const activityRecordSchema = lazySchema(() =>
  z
    .object({
      /** The unit's own id for the activity: recording the same id again replaces, never double-counts. */
      id: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, "_" or "-", at most 60'),
      title: text,
      startDate: dateSchema,
      endDate: dateSchema,
      place: text,
      form: z.enum(forms),
      type: z.enum(activityTypes),
      keyTask: keyTaskSchema,
      organisers: z.array(text).min(1, 'name at least one organiser'),
      participants: z.number().int().nonnegative(),
      enterprisesServed: z.number().int().nonnegative(),
      outcome: text,
    })
    .refine((a) => a.endDate >= a.startDate, { path: ['endDate'], message: 'must not be before startDate' }),
);
export type ActivityRecord = z.infer<typeof activityRecordSchema>;

const count = lazySchema(() => z.number().int().nonnegative());
const deals = lazySchema(() => z.object({ count, amountTenThousandYuan: z.number().nonnegative() }));

/** One of Annex 2's typical cases. */
export const typicalCaseSchema = lazySchema(() => z.object({ title: text, text }));
export type TypicalCase = z.infer<typeof typicalCaseSchema>;

/** Annex 2, the results summary. */
export const resultsSummarySchema = lazySchema(() =>
  z
    .object({
      activitiesByType: z.partialRecord(z.enum(activityTypes), count),
      participants: count,
      enterprisesServed: count,
      demandsCollected: count,
      demandsResolved: count,
      navigationProjects: count,
      licensingAndTransfer: deals,
      pledgeFinancing: deals,
      trainings: count,
      mediaReports: count,
      typicalCases: z.array(typicalCaseSchema).default([]),
    })
    .refine((s) => s.demandsResolved <= s.demandsCollected, {
      path: ['demandsResolved'],
      message: 'cannot exceed demandsCollected',
    }),
);
export type ResultsSummary = z.infer<typeof resultsSummarySchema>;

export const writtenSummarySchema = lazySchema(() => z.object({ title: text, document: documentRefSchema }));
export type WrittenSummary = z.infer<typeof writtenSummarySchema>;

export const summarySubmissionSchema = lazySchema(() =>
  z
    .object({ written: writtenSummarySchema.optional(), results: resultsSummarySchema.optional() })
    .refine((s) => s.written || s.results, {
      message: 'give "written" (the written summary), "results" (Annex 2) or both',
    }),
);
export type SummarySubmission = z.infer<typeof summarySubmissionSchema>;

/** What an operator can return for revision. */
export const returnableItems = ['workPlan', 'demandList', 'writtenSummary', 'resultsSummary'] as const;
export type ReturnableItem = (typeof returnableItems)[number];

/** The deliverable each item is due with: the plan's deadline (May 25) or the summary's (Nov 10). */
export const itemTrack: Record<ReturnableItem, Track> = {
  workPlan: 'plan',
  demandList: 'plan',
  writtenSummary: 'summary',
  resultsSummary: 'summary',
};

/**
 * The operator who acts, carried in the update so that the workflow's history names them as the audit trail
 * does; optional, since older clients send none. The workflow does not act on it.
 */
export const operatorNameSchema = lazySchema(() =>
  z.string().trim().min(1, 'who acts: an operator name, e.g. --by 张伟').max(100),
);

export const returnForRevisionSchema = lazySchema(() =>
  z.object({
    what: z.enum(returnableItems),
    reason: text,
    by: operatorNameSchema.optional(),
  }),
);
export type ReturnForRevision = z.infer<typeof returnForRevisionSchema>;

export const grantExtensionSchema = lazySchema(() =>
  z.object({
    track: z.enum(['plan', 'summary']),
    /** The new deadline, a date in Asia/Shanghai; the unit has until the end of that day. */
    until: dateSchema,
    by: operatorNameSchema.optional(),
  }),
);
export type GrantExtension = z.infer<typeof grantExtensionSchema>;

/** An operator's reminder takes only who reminds; strict, so a misspelt option is not silently ignored. */
export const remindUnitSchema = lazySchema(() => z.strictObject({ by: operatorNameSchema.optional() }));
export type RemindUnit = z.infer<typeof remindUnitSchema>;
