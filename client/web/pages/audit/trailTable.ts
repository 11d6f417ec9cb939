// The audit trail as a table: the same bilingual cells as `wlx audit` and the .xlsx export (domain/audit/view.ts).
import { html } from 'hono/html';
import type { AuditEntry } from '../../../../domain/audit/entry.ts';
import { auditColumns, auditRow } from '../../../../domain/audit/view.ts';
import { dateTimeWords } from '../../../../domain/dateWords.ts';
import type { Registry } from '../../../../domain/registry.ts';
import { type Html, t } from '../html.ts';

const keys = Object.keys(auditColumns) as (keyof typeof auditColumns)[];

export function trailTable(entries: readonly AuditEntry[], registry: Registry, caption: Html): Html {
  const names = new Map(registry.units.map((u) => [u.code, u.nameZh]));
  return html`<table class="audit-trail">
    <caption>${caption}</caption>
    <thead><tr>${keys.map((k) => html`<th scope="col">${t(auditColumns[k].zh, auditColumns[k].en)}</th>`)}</tr></thead>
    <tbody>${entries.map((entry) => {
      const row = auditRow(entry, (code) => names.get(code) ?? '');
      const when = dateTimeWords(entry.at);
      return html`<tr data-kind="${entry.kind}" data-actor="${entry.actor.kind}">${keys.map((k) => html`<td>${k === 'at' ? t(when.zh, when.en) : row[k]}</td>`)}</tr>`;
    })}</tbody>
  </table>`;
}

/** The unit page's section: its own entries, the oldest first. */
export function unitTrailSection(entries: readonly AuditEntry[], registry: Registry): Html {
  return html`<section class="card" id="audit-trail">
    <h2>${t('办理记录', 'Audit trail')}</h2>
    ${
      entries.length === 0
        ? html`<p class="muted">${t('暂无记录。', 'Nothing recorded yet.')}</p>`
        : trailTable(entries, registry, t(`共 ${entries.length} 条`, `${entries.length} entries`))
    }
  </section>`;
}
