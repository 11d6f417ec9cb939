// How people read the trail: the filter as typed (a form, `wlx audit`'s options), and each entry as one row of
// bilingual cells, the same for the CLI's table, the pages and the .xlsx export.
import { z } from 'zod';
import { endOfDateInShanghai, formatShanghaiDateTime, startOfLocalDay } from '../calendar.ts';
import { yearSchema } from '../campaignYear.ts';
import type { Bilingual } from '../labels.ts';
import {
  type AuditEntry,
  type AuditQuery,
  actorKindLabels,
  actorKinds,
  auditKindLabels,
  auditKinds,
  auditViaLabels,
} from './entry.ts';

const date = z.iso.date('a date of the form YYYY-MM-DD');
const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

/** The filter as typed: every field a string from a form or an option; empty means "any". */
export const auditFilterSchema = z.object({
  year: yearSchema,
  unit: z.preprocess(blankToUndefined, z.string().trim().min(1).max(20).optional()),
  /** An actor kind (unit, operator, system) or an actor's name. */
  who: z.preprocess(blankToUndefined, z.string().trim().min(1).max(200).optional()),
  /** One kind or several, comma-separated. */
  kind: z.preprocess(
    (value) =>
      typeof value === 'string' && value !== '' ? value.split(',').map((k) => k.trim()) : undefined,
    z.array(z.enum(auditKinds, `one of: ${auditKinds.join(', ')}`)).optional(),
  ),
  /** From the start of this day (Asia/Shanghai). */
  since: z.preprocess(blankToUndefined, date.optional()),
  /** To the end of this day (Asia/Shanghai). */
  until: z.preprocess(blankToUndefined, date.optional()),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

/** The field labels of the filter, for forms and error messages. */
export const auditFilterLabels: Record<keyof AuditFilter, Bilingual> = {
  year: { zh: '年度', en: 'Year' },
  unit: { zh: '单位代码', en: 'Unit code' },
  who: { zh: '办理人', en: 'Who' },
  kind: { zh: '事项', en: 'What' },
  since: { zh: '起始日期', en: 'From' },
  until: { zh: '截止日期', en: 'To' },
};

export function auditQueryOf(filter: AuditFilter): AuditQuery {
  const who = filter.who;
  const byKind = who && (actorKinds as readonly string[]).includes(who);
  return {
    year: filter.year,
    unitCode: filter.unit,
    ...(who && (byKind ? { actorKind: who as AuditQuery['actorKind'] } : { actorName: who })),
    kinds: filter.kind,
    since: filter.since === undefined ? undefined : startOfLocalDay(endOfDateInShanghai(filter.since)),
    until: filter.until === undefined ? undefined : endOfDateInShanghai(filter.until) + 1,
  };
}

export const auditColumns = {
  at: { zh: '时间', en: 'When' },
  unit: { zh: '单位', en: 'Unit' },
  actor: { zh: '办理人', en: 'Who' },
  what: { zh: '事项', en: 'What' },
  via: { zh: '途径', en: 'From' },
  detail: { zh: '详情', en: 'Detail' },
} as const satisfies Record<string, Bilingual>;

export type AuditRow = Record<keyof typeof auditColumns, string>;

/** One entry as people read it: Beijing time, the actor with their kind, both languages. */
export function auditRow(entry: AuditEntry, unitName: (code: string) => string = (code) => code): AuditRow {
  const what = auditKindLabels[entry.kind];
  const actorKind = actorKindLabels[entry.actor.kind];
  const via = auditViaLabels[entry.via];
  return {
    at: formatShanghaiDateTime(entry.at),
    unit: entry.unitCode === null ? '' : `${entry.unitCode} ${unitName(entry.unitCode)}`.trim(),
    actor: `${entry.actor.name}（${actorKind.zh} ${actorKind.en}）`,
    what: `${what.zh} ${what.en}`,
    via: `${via.zh} ${via.en}`,
    detail: Object.entries(entry.detail)
      .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
      .join('; '),
  };
}
