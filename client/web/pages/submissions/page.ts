// The read view of what a unit handed in, one kind a page: the version shown (the current one unless another
// is asked for), its download, and the version history (第 n 版, when, who, from where) with the returns for
// revision between them. Read from the workflow's history on demand: only this page pays for it.
import type { Context } from 'hono';
import { html } from 'hono/html';
import { actorKindLabels, auditViaLabels } from '../../../../domain/audit/entry.ts';
import { dateTimeWords } from '../../../../domain/dateWords.ts';
import { type Bilingual, itemLabel } from '../../../../domain/labels.ts';
import { findUnit } from '../../../../domain/registry.ts';
import { activitySheet } from '../../../../domain/spreadsheets/annexes/activityRecords.ts';
import { demandSheet } from '../../../../domain/spreadsheets/annexes/demandList.ts';
import { caseSheet, resultsSheet } from '../../../../domain/spreadsheets/annexes/resultsSummary.ts';
import { itemTrack, type ReturnableItem } from '../../../../domain/submissions.ts';
import type { SubmissionKind } from '../../../../reads/submissionVersions.ts';
import {
  currentActivities,
  currentSummary,
  gistOf,
  type NumberedVersion,
  type UnitSubmissions,
  type Who,
} from '../../../operations/unitSubmissions.ts';
import type { WebServices } from '../../routeSpec.ts';
import type { WebEnv } from '../../rules.ts';
import { type Html, t } from '../html.ts';
import { renderPage } from '../layout.ts';
import { type UnitTarget, unitPath } from '../unit/page.ts';
import { activityBody, planBody, scrollBox, sheetTable, summaryBody } from './bodies.ts';
import { submissionKindLabels, submissionPath } from './links.ts';

/** When, in the reader's words: 2027年5月25日 09:30 beside 2027-05-25 09:30. */
function stamp(at: number): Html {
  const when = dateTimeWords(at);
  return t(when.zh, when.en);
}

const kinds = Object.keys(submissionKindLabels) as SubmissionKind[];

/** Rows of the demand list a page shows. */
export const rowsPerPage = 50;

const submissionsPath = (target: UnitTarget, kind: SubmissionKind) => submissionPath(unitPath(target), kind);

const tb = (label: Bilingual): Html => t(label.zh, label.en);
/** A title or an id reads the same in both languages: once. */
const once = (label: Bilingual): Html => (label.zh === label.en ? html`${label.zh}` : tb(label));
const count = (n: number) => n.toLocaleString('en-US');

function whoText(who: Who | null): Html {
  if (!who) return t('本单位联络员（办理记录无此条）', "the unit's liaison (not in the audit trail)");
  return html`${who.actor.name} <span class="muted">${tb(actorKindLabels[who.actor.kind])}</span>`;
}

function meta(version: NumberedVersion<unknown>): Html {
  return html`<p class="muted">${t('报送时间', 'Handed in')} ${stamp(version.at)} · ${t('报送人', 'By')} ${whoText(version.who)}${
    version.who?.via ? html` · ${tb(auditViaLabels[version.who.via])}` : ''
  }</p>`;
}

/** The returns of this kind's items, to show where a version was sent back. */
const returnsOf = (kind: SubmissionKind, submissions: UnitSubmissions) =>
  submissions.returns.filter((r) => {
    const item = r.value.what as ReturnableItem;
    if (kind === 'plan') return item === 'workPlan';
    if (kind === 'demands') return item === 'demandList';
    return kind === 'summary' && itemTrack[item] === 'summary';
  });

function history(
  target: UnitTarget,
  kind: SubmissionKind,
  submissions: UnitSubmissions,
  shown: number | undefined,
): Html {
  const versions = submissions[kind] as NumberedVersion<unknown>[];
  const rows = [
    ...versions.map((version, i) => ({ at: version.at, row: versionRow(target, kind, version, i, shown) })),
    ...returnsOf(kind, submissions).map((r) => ({
      at: r.at,
      row: html`<tr class="returned"><td>${t('退回修改', 'Returned')}</td><td>${stamp(r.at)}</td><td>${whoText(r.who)}</td>
        <td colspan="2">${tb(itemLabel(r.value.what))}：<q>${r.value.reason}</q></td></tr>`,
    })),
  ].sort((a, b) => a.at - b.at);
  return html`<section class="card" id="versions">
    <h2>${t('版本记录', 'Version history')}</h2>
    ${scrollBox(
      'version-list',
      html`<table><caption id="version-list">${t(`共 ${versions.length} 次报送，最早的在前`, `${versions.length} handed in, the oldest first`)}</caption>
      <thead><tr><th scope="col">${t('版本', 'Version')}</th><th scope="col">${t('报送时间', 'Handed in')}</th><th scope="col">${t('报送人', 'By')}</th><th scope="col">${t('内容', 'What')}</th><th scope="col">${t('查看', 'View')}</th></tr></thead>
      <tbody>${rows.map((r) => r.row)}</tbody>
    </table>`,
    )}
  </section>`;
}

function versionRow(
  target: UnitTarget,
  kind: SubmissionKind,
  version: NumberedVersion<unknown>,
  i: number,
  shown: number | undefined,
): Html {
  const label = t(`第 ${version.number} 版`, `version ${version.number}`);
  const link =
    shown === i
      ? html`<span aria-current="page">${t('正在查看', 'shown')}</span>`
      : html`<a href="${submissionsPath(target, kind)}?version=${i + 1}">${t('查看', 'view')}<span class="visually-hidden"> ${label}</span></a>`;
  return html`<tr><td>${label}</td><td>${stamp(version.at)}</td><td>${whoText(version.who)}${
    version.who?.via ? html` · ${tb(auditViaLabels[version.who.via])}` : ''
  }</td><td>${once(gistOf(kind, version.value as never))}</td><td>${link}</td></tr>`;
}

function pager(path: string, page: number, pages: number, version: number | undefined): Html {
  if (pages <= 1) return html``;
  const href = (p: number) => `${path}?${version === undefined ? '' : `version=${version}&`}page=${p}#rows`;
  return html`<nav class="pager" aria-label="${'分页 Pages'}">
    ${page > 1 ? html`<a href="${href(page - 1)}">${t('上一页', 'Previous')}</a>` : ''}
    <span>${t(`第 ${page} / ${pages} 页`, `page ${page} of ${pages}`)}</span>
    ${page < pages ? html`<a href="${href(page + 1)}">${t('下一页', 'Next')}</a>` : ''}
  </nav>`;
}

/** The version shown: its heading, who and when, its download, and what it holds. */
function shownVersion(
  target: UnitTarget,
  kind: SubmissionKind,
  submissions: UnitSubmissions,
  query: { version?: number | undefined; page?: number | undefined },
): Html {
  const path = submissionsPath(target, kind);
  const versions = submissions[kind] as NumberedVersion<unknown>[];
  if (versions.length === 0)
    return html`<section class="card" id="shown"><p>${t('尚未报送。', 'Nothing handed in yet.')}</p></section>`;
  const download = (index?: number) =>
    html`<p><a class="button secondary" href="${path}/download${index === undefined ? '' : `?version=${index + 1}`}" download>${t('下载所报送的内容', 'Download what was handed in')}</a></p>`;
  if (kind === 'activities' && query.version === undefined) {
    const current = currentActivities(submissions.activities);
    return html`<section class="card" id="shown">
      <h2>${t(`当前活动记录：${current.length} 项`, `Activity records as they stand: ${current.length}`)}</h2>
      <p class="muted">${t('同一活动编号再次登记时，以最后一次为准。', 'An activity recorded again under its id counts as last recorded.')}</p>
      ${download()}
      ${sheetTable(
        activitySheet,
        current.map((v) => v.value),
        t('活动记录', 'Activity records'),
      )}
    </section>`;
  }
  const index = query.version === undefined ? versions.length - 1 : query.version - 1;
  const version = versions[index] as NumberedVersion<unknown>;
  const latest = index === versions.length - 1;
  const heading = html`<h2>${tb(submissionKindLabels[kind])} · ${t(`第 ${version.number} 版`, `version ${version.number}`)}
    ${kind === 'activities' ? '' : latest ? html`<span class="badge s-complete">${t('当前版本', 'current')}</span>` : html`<span class="badge">${t('较早版本', 'earlier version')}</span>`}</h2>`;
  let body: Html;
  if (kind === 'plan') body = planBody(submissions.plan[index]?.value as never);
  else if (kind === 'activities')
    body = activityBody(activitySheet, submissions.activities[index]?.value as never);
  else if (kind === 'summary') {
    const current = currentSummary(submissions.summary);
    // The current summary is the last written one and the last Annex 2, which may come from two versions.
    const value =
      query.version === undefined
        ? { written: current.written?.value.written, results: current.results?.value.results }
        : (submissions.summary[index]?.value ?? {});
    body = summaryBody(value, resultsSheet, caseSheet.title(target.year));
  } else {
    const items = submissions.demands[index]?.value.items ?? [];
    const pages = Math.max(1, Math.ceil(items.length / rowsPerPage));
    const page = Math.min(query.page ?? 1, pages);
    const first = (page - 1) * rowsPerPage;
    body = html`<p class="big" id="rows">${t(`共 ${count(items.length)} 行`, `${count(items.length)} rows received`)}</p>
      ${pager(path, page, pages, query.version)}
      ${sheetTable(demandSheet, items.slice(first, first + rowsPerPage), t(`第 ${count(first + 1)}–${count(Math.min(first + rowsPerPage, items.length))} 行`, `rows ${count(first + 1)}–${count(Math.min(first + rowsPerPage, items.length))}`), first + 1)}
      ${pager(path, page, pages, query.version)}`;
  }
  return html`<section class="card" id="shown">${heading}${meta(version)}${download(query.version === undefined ? undefined : index)}${body}</section>`;
}

export async function renderSubmissionsPage(
  c: Context<WebEnv>,
  services: WebServices,
  target: UnitTarget,
  kind: SubmissionKind,
  submissions: UnitSubmissions,
  query: { version?: number | undefined; page?: number | undefined },
): Promise<Response> {
  const unit = findUnit(services.registry, target.unit);
  const shown = query.version === undefined ? undefined : query.version - 1;
  const nav = html`<nav class="kinds" aria-label="${'报送事项 What was handed in'}"><ul>${kinds.map(
    (k) =>
      html`<li>${
        k === kind
          ? html`<a href="${submissionsPath(target, k)}" aria-current="page"><b>${tb(submissionKindLabels[k])}</b></a>`
          : html`<a href="${submissionsPath(target, k)}">${tb(submissionKindLabels[k])}</a>`
      } <span class="muted">(${(submissions[k] as unknown[]).length})</span></li>`,
  )}</ul></nav>`;
  const body = html`<div class="submissions-view">
    <p class="muted">${t(`${target.year} 年度 · 单位代码 ${unit.code}`, `${target.year} · unit ${unit.code}`)} · <a href="${unitPath(target)}">${t('返回单位页面', 'Back to the unit page')}</a></p>
    ${nav}
    ${shownVersion(target, kind, submissions, query)}
    ${history(target, kind, submissions, shown)}
  </div>`;
  return renderPage(c, services, {
    title: [
      `${unit.nameZh} · ${submissionKindLabels[kind].zh}`,
      `${unit.nameEn} · ${submissionKindLabels[kind].en}`,
    ],
    year: target.year,
    body,
  });
}
