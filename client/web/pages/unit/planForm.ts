// The work plan as a form: the fields of workPlanSchema, repeated ones as rows (one to start; "add a row"
// posts the form back with one more, what was typed kept; blank rows are left out), and the plan's document
// uploaded with it. Errors name the group, the row and the column.
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { Bilingual } from '../../../../domain/labels.ts';
import { activityTypeLabels, keyTaskLabels } from '../../../../domain/labels.ts';
import { type WorkPlan, workPlanSchema } from '../../../../domain/submissions.ts';
import type { FieldError } from '../forms.ts';
import { type Html, type Lang, t, tt } from '../html.ts';
import type { Failure } from './failures.ts';
import { plainErrors } from './failures.ts';
import {
  fileOf,
  input,
  labelled,
  lines,
  number,
  select,
  text,
  textValues,
  updateIdField,
  updateIdSchema,
  type Values,
} from './inputs.ts';

export const themeLabels: Record<WorkPlan['specialWeeks'][number]['theme'], Bilingual> = {
  patent: { zh: '专利', en: 'patent' },
  trademark: { zh: '商标', en: 'trademark' },
  geographicalIndication: { zh: '地理标志', en: 'geographical indication' },
  other: { zh: '其他', en: 'other' },
};

/** Each repeated group and its columns. */
const groups = {
  specialWeeks: {
    label: { zh: '专题活动周', en: 'Special weeks' },
    columns: {
      name: { zh: '名称', en: 'Name' },
      theme: { zh: '主题', en: 'Theme' },
      start: { zh: '开始日期', en: 'Start' },
      end: { zh: '结束日期', en: 'End' },
    },
  },
  plannedActivities: {
    label: { zh: '计划活动', en: 'Planned activities' },
    columns: {
      title: { zh: '活动名称', en: 'Title' },
      type: { zh: '活动类型', en: 'Type' },
      keyTask: { zh: '重点任务', en: 'Key task' },
      month: { zh: '月份', en: 'Month' },
    },
  },
  contacts: {
    label: { zh: '联系人', en: 'Contacts' },
    columns: {
      name: { zh: '姓名', en: 'Name' },
      phone: { zh: '电话', en: 'Phone' },
      email: { zh: '电子邮箱', en: 'Email' },
    },
  },
} as const satisfies Record<string, { label: Bilingual; columns: Record<string, Bilingual> }>;
type Group = keyof typeof groups;

/** Rows a group may have on the form: far more than a plan lists, few enough to bound what is read. */
const maxRows = 50;

/** The rows a posted form had: one past the highest row index of the group's fields (1 for a fresh form). */
function rowCount(fields: Record<string, unknown>, group: Group): number {
  const prefix = `${group}.`;
  let rows = 1;
  for (const name of Object.keys(fields)) {
    if (!name.startsWith(prefix)) continue;
    const row = Number(name.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(row) && row >= 0 && row < maxRows) rows = Math.max(rows, row + 1);
  }
  return rows;
}

/** The form posted back to itself by "add a row": the group asked for, if it is one. */
export const addRowOf = (fields: Record<string, unknown>): Group | undefined =>
  typeof fields.addRow === 'string' && fields.addRow in groups ? (fields.addRow as Group) : undefined;

/** What was typed, with one row more in `group`: an empty field in the new row makes rowCount count it. */
export function withRowAdded(values: Values, group: Group): Values {
  const rows = rowCount(values, group);
  if (rows >= maxRows) return values;
  const first = Object.keys(groups[group].columns)[0];
  return { ...values, [`${group}.${rows}.${first}`]: '' };
}

const labels = {
  title: { zh: '方案名称', en: 'Title' },
  objectives: { zh: '工作目标（每行一项）', en: 'Objectives (one a line)' },
  document: { zh: '工作方案文件（.docx 或 .pdf）', en: 'Plan document (.docx or .pdf)' },
  updateId: { zh: '表单', en: 'Form' },
} satisfies Record<string, Bilingual>;

const keyTasks = ([1, 2, 3, 4, 5] as const).map(
  (n) => [String(n), { zh: `${n} ${keyTaskLabels[n].zh}`, en: `${n} ${keyTaskLabels[n].en}` }] as const,
);

function cell(
  lang: Lang,
  group: Group,
  [column, label]: [string, Bilingual],
  row: number,
  values: Values | undefined,
): Html {
  const name = `${group}.${row}.${column}`;
  // Its column's header and its row, as a screen reader names a control inside a table's cell.
  const said = tt(lang, `${label.zh}（第 ${row + 1} 行）`, `${label.en}, row ${row + 1}`);
  if (column === 'theme') return select(lang, name, Object.entries(themeLabels), values, true, said);
  if (column === 'type') return select(lang, name, Object.entries(activityTypeLabels), values, true, said);
  if (column === 'keyTask') return select(lang, name, keyTasks, values, true, said);
  const type = column === 'start' || column === 'end' ? 'date' : column === 'month' ? 'month' : 'text';
  return html`<input type="${type}" name="${name}" value="${values?.[name] ?? ''}" aria-label="${said}">`;
}

function groupTable(lang: Lang, base: string, group: Group, values: Values | undefined): Html {
  const spec = groups[group];
  const columns = Object.entries(spec.columns);
  const rows = rowCount(values ?? {}, group);
  // Without JS: a submit button that posts the form back to be shown with one more row, at this group.
  const addRow =
    rows < maxRows
      ? html`<button type="submit" name="addRow" value="${group}" formaction="${base}/plan#${group}" formnovalidate class="secondary small">${t('添加一行', 'Add a row')}</button>`
      : '';
  return html`<fieldset id="${group}"><legend>${t(spec.label.zh, spec.label.en)}</legend>
    <table class="form-rows"><thead><tr><th class="num">#</th>${columns.map(([, l]) => html`<th>${t(l.zh, l.en)}</th>`)}</tr></thead>
    <tbody>${Array.from(
      { length: rows },
      (_, row) =>
        html`<tr><td class="num">${row + 1}</td>${columns.map((column) => html`<td>${cell(lang, group, column, row, values)}</td>`)}</tr>`,
    )}</tbody></table>${addRow}</fieldset>`;
}

export function planFields(lang: Lang, base: string, values: Values | undefined): Html {
  return html`${updateIdField(values)}
    ${input('title', labels.title, values, { required: true, id: 'plan-title' })}
    ${labelled('objectives', labels.objectives, html`<textarea id="objectives" name="objectives">${values?.objectives ?? ''}</textarea>`)}
    ${groupTable(lang, base, 'plannedActivities', values)}
    ${groupTable(lang, base, 'specialWeeks', values)}
    ${groupTable(lang, base, 'contacts', values)}
    ${labelled('document', labels.document, html`<input type="file" id="document" name="document" accept=".docx,.pdf,.doc,.wps">`)}`;
}

/** A group's filled rows, and the form row each came from (blank rows are left out). */
function rowsOf(fields: Record<string, unknown>, group: Group) {
  const spec = groups[group];
  const rows: Record<string, unknown>[] = [];
  const formRows: number[] = [];
  for (let row = 0; row < rowCount(fields, group); row++) {
    const item: Record<string, unknown> = {};
    for (const column of Object.keys(spec.columns)) {
      const value = fields[`${group}.${row}.${column}`];
      const read = column === 'keyTask' ? number(value) : text(value);
      if (read !== undefined) item[column] = read;
    }
    if (Object.keys(item).length > 0) {
      rows.push(item);
      formRows.push(row);
    }
  }
  return { rows, formRows };
}

const formSchema = workPlanSchema.omit({ document: true }).extend({ updateId: updateIdSchema });

export type PlanForm = { plan: Omit<WorkPlan, 'document'>; file: File; updateId: string };

/** The plan as typed, checked against workPlanSchema; its document still to be stored. */
export async function readPlanForm(c: Context): Promise<{ ok: true; form: PlanForm } | Failure> {
  const fields = await c.req.parseBody({ all: true });
  const values = textValues(fields);
  // "Add a row": the form again, one row longer, nothing sent; the chosen file is not kept by the browser.
  const more = addRowOf(fields);
  if (more) return { form: 'plan', status: 200, values: withRowAdded(values, more) };
  const read = Object.fromEntries(
    (Object.keys(groups) as Group[]).map((group) => [group, rowsOf(fields, group)] as const),
  ) as Record<Group, ReturnType<typeof rowsOf>>;
  const parsed = formSchema.safeParse({
    title: text(fields.title),
    objectives: lines(fields.objectives),
    updateId: fields.updateId,
    ...Object.fromEntries(Object.entries(read).map(([group, { rows }]) => [group, rows])),
  });
  const errors: FieldError[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const [first, index, column] = issue.path.map(String);
        const group = groups[first as Group];
        if (group && index !== undefined) {
          const row = (read[first as Group].formRows[Number(index)] ?? Number(index)) + 1;
          const sub = (group.columns as Record<string, Bilingual>)[column ?? ''];
          return {
            field: issue.path.join('.'),
            label: {
              zh: `${group.label.zh} 第${row}行${sub ? ` ${sub.zh}` : ''}`,
              en: `${group.label.en} row ${row}${sub ? ` ${sub.en}` : ''}`,
            },
            message: issue.message,
          };
        }
        const label =
          (labels as Record<string, Bilingual>)[first ?? ''] ??
          (group ? group.label : { zh: first ?? '表单', en: first ?? 'form' });
        return { field: first ?? '', label, message: issue.message };
      });
  const file = fileOf(fields.document);
  if (!file) errors.push({ field: 'document', label: labels.document, message: '请上传 upload it' });
  if (!parsed.success || !file) return { form: 'plan', status: 422, errors: plainErrors(errors), values };
  const { updateId, ...plan } = parsed.data;
  return { ok: true, form: { plan, file, updateId } };
}
