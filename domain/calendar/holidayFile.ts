// The operators' holidays file (节假日文件): for a year the library does not know yet (the State Council's
// notice for it came out after our release), and for local days off. YAML, one entry a year:
//   2027:
//     offDays: [2027-01-01]     # 放假 days off
//     workDays: [2027-02-07]    # 调休上班 make-up working days
// Naming a year here declares its calendar known: for a year the library lacks, list every day off.
import { z } from 'zod';
import { lazySchema } from '../lazySchema.ts';
import { isoDateSchema } from './workingDays.ts';

const yearEntrySchema = lazySchema(() =>
  z
    .object({
      offDays: z.array(isoDateSchema).default([]),
      workDays: z.array(isoDateSchema).default([]),
    })
    .strict(),
);

export const holidayFileSchema = lazySchema(() =>
  z.record(z.string().regex(/^\d{4}$/, 'a year such as 2027'), yearEntrySchema).superRefine((file, ctx) => {
    for (const [year, entry] of Object.entries(file)) {
      for (const list of ['offDays', 'workDays'] as const) {
        entry[list].forEach((date, i) => {
          if (!date.startsWith(`${year}-`))
            ctx.addIssue({ code: 'custom', path: [year, list, i], message: `${date} is not in ${year}` });
        });
      }
      entry.workDays.forEach((date, i) => {
        if (entry.offDays.includes(date))
          ctx.addIssue({
            code: 'custom',
            path: [year, 'workDays', i],
            message: `${date} is also listed under offDays: a day is either off or worked`,
          });
      });
    }
  }),
);
export type HolidayFile = z.infer<typeof holidayFileSchema>;
