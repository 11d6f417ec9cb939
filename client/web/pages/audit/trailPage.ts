// The campaign-wide audit trail for operators: filters (unit, who, what, dates) as a GET form, the table,
// and the same selection as an .xlsx download.
import type { Context } from 'hono';
import { html } from 'hono/html';
import { actorKindLabels, actorKinds, auditKindLabels, auditKinds } from '../../../../domain/audit/entry.ts';
import { type AuditFilter, auditFilterLabels, auditQueryOf } from '../../../../domain/audit/view.ts';
import type { WebServices } from '../../routeSpec.ts';
import type { WebEnv } from '../../rules.ts';
import { type Html, t, tt } from '../html.ts';
import { renderPage } from '../layout.ts';
import { trailTable } from './trailTable.ts';

export const trailPath = (year: number) => `/campaigns/${year}/audit`;
export const trailExportPath = (year: number) => `/campaigns/${year}/audit/export`;

/** The filter as a query string, for the download link: the same selection as the page. */
export function filterQuery(filter: Omit<AuditFilter, 'year'>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined) params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const label = (key: keyof AuditFilter) => t(auditFilterLabels[key].zh, auditFilterLabels[key].en);

function filterForm(c: Context<WebEnv>, filter: AuditFilter): Html {
  const lang = c.get('lang');
  const kind = filter.kind?.[0];
  return html`<form method="get" action="${trailPath(filter.year)}" class="filters">
    <label for="audit-unit">${label('unit')}</label>
    <input id="audit-unit" name="unit" value="${filter.unit ?? ''}" size="6">
    <label for="audit-who">${label('who')}</label>
    <input id="audit-who" name="who" value="${filter.who ?? ''}" list="audit-who-kinds">
    <datalist id="audit-who-kinds">${actorKinds.map(
      (k) => html`<option value="${k}">${tt(lang, actorKindLabels[k].zh, actorKindLabels[k].en)}</option>`,
    )}</datalist>
    <label for="audit-kind">${label('kind')}</label>
    <select id="audit-kind" name="kind">
      <option value="">${tt(lang, '全部', 'all')}</option>
      ${auditKinds.map(
        (k) =>
          html`<option value="${k}" ${k === kind ? 'selected' : ''}>${tt(lang, auditKindLabels[k].zh, auditKindLabels[k].en)}</option>`,
      )}
    </select>
    <label for="audit-since">${label('since')}</label>
    <input id="audit-since" name="since" type="date" value="${filter.since ?? ''}">
    <label for="audit-until">${label('until')}</label>
    <input id="audit-until" name="until" type="date" value="${filter.until ?? ''}">
    <button type="submit">${t('筛选', 'Filter')}</button>
  </form>`;
}

export async function renderTrailPage(
  c: Context<WebEnv>,
  services: WebServices,
  filter: AuditFilter,
): Promise<Response> {
  const entries = services.audit ? await services.audit.list(auditQueryOf(filter)) : [];
  const { year, ...rest } = filter;
  const body = html`<section class="card" id="audit-trail">
    <h2>${t('办理记录', 'Audit trail')}</h2>
    ${filterForm(c, filter)}
    <p><a href="${trailExportPath(year)}${filterQuery(rest)}" download>${t('下载 .xlsx', 'Download .xlsx')}</a></p>
    ${
      entries.length === 0
        ? html`<p class="muted">${t('没有符合条件的记录。', 'No entries match.')}</p>`
        : trailTable(entries, services.registry, t(`共 ${entries.length} 条`, `${entries.length} entries`))
    }
  </section>`;
  return renderPage(c, services, { title: ['办理记录', 'Audit trail'], year, body });
}
