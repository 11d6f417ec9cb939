// What a unit handed in, each kind with every version (第 n 版), who sent it and from where: the versions from
// the workflow's history (reads/submissionVersions.ts), who and where joined from the audit trail by the
// update's action id. One function for `wlx unit submissions` and the read views on the web.
import type { Client } from '@temporalio/client';
import { type ActorKind, type AuditEntry, type AuditVia, auditKinds } from '../../domain/audit/entry.ts';
import { type Bilingual, itemLabel } from '../../domain/labels.ts';
import type { ReturnForRevision } from '../../domain/submissions.ts';
import type { AuditTrail } from '../../infra/audit/trail.ts';
import {
  type ReadVersions,
  type SubmissionKind,
  type SubmissionValues,
  type SubmissionVersions,
  submissionKinds,
  submissionVersions,
  type Version,
} from '../../reads/submissionVersions.ts';
import { unitWorkflowId } from '../../workflows/shared/messages.ts';

export interface Who {
  actor: { kind: ActorKind; name: string };
  via: AuditVia | null;
}

export interface NumberedVersion<T> extends Version<T> {
  /** 第 n 版, from 1; for activity records, the n-th recording of that activity's id. */
  number: number;
  /** From the audit trail; null when it has no entry (the unit's liaison sent it, by whatever way). */
  who: Who | null;
}

export type UnitSubmissions = { [K in SubmissionKind]: NumberedVersion<SubmissionValues[K]>[] } & {
  returns: NumberedVersion<ReturnForRevision>[];
};

/** The trail's entries for what a unit hands in, and for the returns between. */
const submissionAuditKinds = auditKinds.filter((kind) => kind.startsWith('submission.') || kind === 'return');

/** The versions numbered, with who sent each when the trail knows. */
export function numberVersions(
  versions: SubmissionVersions,
  entries: readonly AuditEntry[],
  workflowId: string,
): UnitSubmissions {
  const byAction = new Map(entries.map((e) => [e.actionId, e]));
  const who = (version: Version<unknown>): Who | null => {
    const entry = byAction.get(`update:${workflowId}:${version.updateId}`);
    return entry ? { actor: entry.actor, via: entry.via } : null;
  };
  const number = <T>(list: Version<T>[], key: (value: T) => string = () => '') => {
    const counts = new Map<string, number>();
    return list.map((version) => {
      const n = (counts.get(key(version.value)) ?? 0) + 1;
      counts.set(key(version.value), n);
      return { ...version, number: n, who: who(version) };
    });
  };
  return {
    plan: number(versions.plan),
    demands: number(versions.demands),
    activities: number(versions.activities, (record) => record.id),
    summary: number(versions.summary),
    returns: number(versions.returns).map((r) =>
      r.who || !r.value.by ? r : { ...r, who: { actor: { kind: 'operator', name: r.value.by }, via: null } },
    ),
  };
}

/** `read` may be a kept read (keptSubmissionVersions): who is joined afresh each time. */
export async function unitSubmissions(
  client: Client,
  trail: AuditTrail | undefined,
  target: { year: number; unit: string },
  read: ReadVersions = submissionVersions,
): Promise<UnitSubmissions> {
  const [versions, entries] = await Promise.all([
    read(client, target.year, target.unit),
    // Who is a courtesy: the versions stand without it.
    trail
      ?.list({ year: target.year, unitCode: target.unit, kinds: submissionAuditKinds })
      .catch(() => [] as AuditEntry[]) ?? Promise.resolve([] as AuditEntry[]),
  ]);
  return numberVersions(versions, entries, unitWorkflowId(target.year, target.unit));
}

/** The activity records as they stand: the last recording of each id, in the order first recorded. */
export function currentActivities(versions: UnitSubmissions['activities']): UnitSubmissions['activities'] {
  const latest = new Map<string, UnitSubmissions['activities'][number]>();
  for (const version of versions) latest.set(version.value.id, version);
  return [...latest.values()];
}

/** The summary as it stands: the last written summary and the last results summary handed in. */
export function currentSummary(versions: UnitSubmissions['summary']) {
  return {
    written: versions.findLast((v) => v.value.written),
    results: versions.findLast((v) => v.value.results),
  };
}

/** What a version held, in a line: the plan's title, the list's rows, the activity, the summary's parts. */
export function gistOf<K extends SubmissionKind>(kind: K, value: SubmissionValues[K]): Bilingual {
  const v = value as SubmissionValues[SubmissionKind];
  if (kind === 'plan')
    return { zh: (v as SubmissionValues['plan']).title, en: (v as SubmissionValues['plan']).title };
  if (kind === 'demands') {
    const n = (v as SubmissionValues['demands']).items.length.toLocaleString('en-US');
    return { zh: `${n} 行`, en: `${n} rows` };
  }
  if (kind === 'activities') {
    const { id, title } = v as SubmissionValues['activities'];
    return { zh: `${id} ${title}`, en: `${id} ${title}` };
  }
  const { written, results } = v as SubmissionValues['summary'];
  return {
    zh: [written && '书面总结', results && '成果汇总'].filter(Boolean).join(' + '),
    en: [written && 'written summary', results && 'results summary'].filter(Boolean).join(' + '),
  };
}

/** Every version of every kind and the returns, one line each in time order: what `wlx unit submissions` prints. */
export function versionLines(submissions: UnitSubmissions) {
  const lines = submissionKinds.flatMap((kind) =>
    (submissions[kind] as NumberedVersion<SubmissionValues[typeof kind]>[]).map((v) => ({
      at: v.at,
      kind: kind as SubmissionKind | 'return',
      version: v.number as number | null,
      updateId: v.updateId,
      who: v.who,
      what: gistOf(kind, v.value),
    })),
  );
  const returns = submissions.returns.map((r) => ({
    at: r.at,
    kind: 'return' as const,
    version: null,
    updateId: r.updateId,
    who: r.who,
    what: {
      zh: `退回${itemLabel(r.value.what).zh}：${r.value.reason}`,
      en: `${itemLabel(r.value.what).en} returned: ${r.value.reason}`,
    },
  }));
  return [...lines, ...returns].sort((a, b) => a.at - b.at);
}
