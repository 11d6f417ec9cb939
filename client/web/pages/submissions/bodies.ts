// What each kind of submission reads as on the page: the work plan's fields, a table's rows under the same
// bilingual headers as its template (the annex's columns, in the drop-downs' own words), the summary's
// document and totals.
import { html } from 'hono/html';
import { activityTypeLabels, type Bilingual, keyTaskLabels } from '../../../../domain/labels.ts';
import type { SheetSpec } from '../../../../domain/spreadsheets/column.ts';
import { itemToRow } from '../../../../domain/spreadsheets/itemToRow.ts';
import type { ActivityRecord, SummarySubmission, WorkPlan } from '../../../../domain/submissions.ts';
import { type Html, t } from '../html.ts';
import { themeLabels } from '../unit/planForm.ts';

const tb = (label: Bilingual | undefined): Html => (label ? t(label.zh, label.en) : html``);
const cell = (value: unknown): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : value === null ? '' : String(value);

/** Rows of a sheet's items under its headers; a table scrolls inside its own box on a phone. */
export function sheetTable(spec: SheetSpec, items: readonly unknown[], caption: Html, firstRow = 1): Html {
  const id = `rows-${firstRow}`;
  const columns = spec.columns.filter((column) => !column.informational);
  return scrollBox(
    id,
    html`<table class="submitted">
    <caption id="${id}">${caption}</caption>
    <thead><tr><th scope="col" class="num">${t('行', 'Row')}</th>${columns.map((column) => html`<th scope="col">${tb(column.header)}</th>`)}</tr></thead>
    <tbody>${items.map((item, i) => {
      const cells = itemToRow({ ...spec, columns }, item);
      return html`<tr><td class="num">${firstRow + i}</td>${cells.map((value) => html`<td>${cell(value)}</td>`)}</tr>`;
    })}</tbody>
  </table>`,
  );
}

/**
 * A table as wide as its columns need, scrolled sideways inside its own box (focusable, named by the table's
 * caption `captionId`): a dozen columns squeezed into a phone would stand a character wide.
 */
export const scrollBox = (captionId: string, table: Html): Html =>
  html`<div class="sheet-scroll" tabindex="0" role="region" aria-labelledby="${captionId}">${table}</div>`;

function document(ref: WorkPlan['document']): Html {
  return html`${ref.fileName} <span class="muted">(${(ref.sizeBytes / 1024).toFixed(0)} KB · SHA-256 <code class="hash">${ref.sha256}</code>)</span>`;
}

function smallTable(id: string, caption: Bilingual, headers: Bilingual[], rows: (string | Html)[][]): Html {
  return scrollBox(
    id,
    html`<table><caption id="${id}">${tb(caption)}</caption>
    <thead><tr>${headers.map((h) => html`<th scope="col">${tb(h)}</th>`)}</tr></thead>
    <tbody>${rows.map((row) => html`<tr>${row.map((value) => html`<td>${value}</td>`)}</tr>`)}</tbody></table>`,
  );
}

export function planBody(plan: WorkPlan): Html {
  return html`<dl class="facts">
      <dt>${t('方案名称', 'Title')}</dt><dd>${plan.title}</dd>
      <dt>${t('工作目标', 'Objectives')}</dt><dd><ol>${plan.objectives.map((o) => html`<li>${o}</li>`)}</ol></dd>
      <dt>${t('方案文件', 'Document')}</dt><dd>${document(plan.document)}</dd>
    </dl>
    ${
      plan.specialWeeks.length === 0
        ? ''
        : smallTable(
            'special-weeks',
            { zh: '专题活动周', en: 'Special weeks' },
            [
              { zh: '名称', en: 'Name' },
              { zh: '主题', en: 'Theme' },
              { zh: '开始日期', en: 'Start' },
              { zh: '结束日期', en: 'End' },
            ],
            plan.specialWeeks.map((w) => [
              html`${w.name}`,
              tb(themeLabels[w.theme]),
              html`${w.start}`,
              html`${w.end}`,
            ]),
          )
    }
    ${smallTable(
      'planned-activities',
      { zh: '计划活动', en: 'Planned activities' },
      [
        { zh: '活动名称', en: 'Title' },
        { zh: '活动类型', en: 'Type' },
        { zh: '重点任务', en: 'Key task' },
        { zh: '月份', en: 'Month' },
      ],
      plan.plannedActivities.map((a) => [
        html`${a.title}`,
        tb(activityTypeLabels[a.type]),
        tb(keyTaskLabels[a.keyTask as 1]),
        html`${a.month}`,
      ]),
    )}
    ${smallTable(
      'contacts',
      { zh: '联系人', en: 'Contacts' },
      [
        { zh: '姓名', en: 'Name' },
        { zh: '电话', en: 'Phone' },
        { zh: '邮箱', en: 'Email' },
      ],
      plan.contacts.map((c) => [c.name, c.phone, c.email ?? '']),
    )}`;
}

/** One activity record, field by field, under its template's headers. */
export function activityBody(spec: SheetSpec<ActivityRecord>, record: ActivityRecord): Html {
  const cells = itemToRow(spec, record);
  return html`<dl class="facts">${spec.columns.map(
    (column, i) => html`<dt>${tb(column.header)}</dt><dd>${cell(cells[i] ?? null)}</dd>`,
  )}</dl>`;
}

export function summaryBody(
  summary: SummarySubmission,
  resultsSpec: SheetSpec,
  caseHeading: Bilingual,
): Html {
  const { written, results } = summary;
  const cells = results ? itemToRow(resultsSpec, results) : [];
  return html`${
    written
      ? html`<h3>${t('书面总结', 'Written summary')}</h3>
        <dl class="facts"><dt>${t('标题', 'Title')}</dt><dd>${written.title}</dd>
        <dt>${t('文件', 'Document')}</dt><dd>${document(written.document)}</dd></dl>`
      : ''
  }
  ${
    results
      ? html`<h3>${t('成果汇总（附件2）', 'Results summary (Annex 2)')}</h3>
        <dl class="facts">${resultsSpec.columns.map((column, i) =>
          column.informational ? '' : html`<dt>${tb(column.header)}</dt><dd>${cell(cells[i] ?? null)}</dd>`,
        )}</dl>
        ${
          results.typicalCases.length === 0
            ? ''
            : html`<h3>${tb(caseHeading)}</h3>${results.typicalCases.map(
                (c) => html`<article class="case"><h4>${c.title}</h4><p>${c.text}</p></article>`,
              )}`
        }`
      : ''
  }`;
}
