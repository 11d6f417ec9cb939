// The web's own entries in the audit trail: sign-ins, sign-outs and downloads. None of them is a workflow's
// action, so each is its own action id; they are filed under the year (Asia/Shanghai) they happen in, or the
// year of the campaign whose file was downloaded.
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { AuditEntryInput, AuditKind } from '../../domain/audit/entry.ts';
import { formatShanghaiDate } from '../../domain/calendar.ts';
import { recordQuietly } from '../../infra/audit/trail.ts';
import { actorOf } from './acting.ts';
import type { WebServices } from './routeSpec.ts';
import type { Principal } from './session.ts';

export async function recordWebEvent(
  c: Context,
  services: Pick<WebServices, 'audit' | 'registry' | 'clock' | 'log'>,
  principal: Principal | null,
  event: { kind: AuditKind; year?: number; unitCode?: string | null; detail?: AuditEntryInput['detail'] },
): Promise<void> {
  if (!principal || !services.audit) return;
  const at = services.clock();
  await recordQuietly(
    services.audit,
    {
      actionId: `web:${event.kind}:${randomUUID()}`,
      at,
      year: event.year ?? Number(formatShanghaiDate(at).slice(0, 4)),
      unitCode: event.unitCode ?? (principal.kind === 'unit' ? principal.unitCode : null),
      actor: actorOf(principal, services),
      kind: event.kind,
      via: c.req.path.startsWith('/api/') ? 'api' : 'web',
      detail: event.detail ?? {},
    },
    services.log,
  );
}

/** What the web hands out as files. */
export const fileTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json; charset=utf-8',
} as const;

/** A file for the reader to keep: recorded in the trail as a download, sent as an attachment named `file`. */
export async function download(
  c: Context,
  services: Pick<WebServices, 'audit' | 'registry' | 'clock' | 'log'>,
  principal: Principal | null,
  sent: { year: number; unitCode?: string; file: string; type: keyof typeof fileTypes; bytes: Uint8Array },
): Promise<Response> {
  await recordWebEvent(c, services, principal, {
    kind: 'download',
    year: sent.year,
    ...(sent.unitCode !== undefined && { unitCode: sent.unitCode }),
    detail: { file: sent.file },
  });
  return c.body(new Uint8Array(sent.bytes), 200, {
    'content-type': fileTypes[sent.type],
    'content-disposition': `attachment; filename="${sent.file}"`,
  });
}
