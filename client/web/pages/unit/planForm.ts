// The work plan as a form: the fields of workPlanSchema, repeated ones as a few rows each (blank rows are
// left out), and the plan's document uploaded with it. Errors name the group, the row and the column.
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

/** Each repeated group: how many rows the form offers, and its columns. */
const groups = {
  specialWeeks: {
    label: { zh: '专题活动周', en: 'Special weeks' },
    rows: 3,
    columns: {
      name: { zh: '名称', en: 'Name' },
      theme: { zh: '主题', en: 'Theme' },
      start: { zh: '开始日期', en: 'Start' },
      end: { zh: '结束日期', en: 'End' },
    },
  },
  plannedActivities: {
    label: { zh: '计划活动', en: 'Planned activities' },
    rows: 5,
    columns: {
      title: { zh: '活动名称', en: 'Title' },
      type: { zh: '活动类型', en: 'Type' },
      keyTask: { zh: '重点任务', en: 'Key task' },
      month: { zh: '月份', en: 'Month' },
    },
  },
  contacts: {
    label: { zh: '联系人', en: 'Contacts' },
    rows: 2,
    columns: {
      name: { zh: '姓名', en: 'Name' },
      phone: { zh: '电话', en: 'Phone' },
      email: { zh: '电子邮箱', en: 'Email' },
    },
  },
} as const satisfies Record<string, { label: Bilingual; rows: number; columns: Record<string, Bilingual> }>;
type Group = keyof typeof groups;

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

function groupTable(lang: Lang, group: Group, values: Values | undefined): Html {
  const spec = groups[group];
  const columns = Object.entries(spec.columns);
  return html`<fieldset><legend>${t(spec.label.zh, spec.label.en)}</legend>
    <table class="form-rows"><thead><tr><th class="num">#</th>${columns.map(([, l]) => html`<th>${t(l.zh, l.en)}</th>`)}</tr></thead>
    <tbody>${Array.from(
      { length: spec.rows },
      (_, row) =>
        html`<tr><td class="num">${row + 1}</td>${columns.map((column) => html`<td>${cell(lang, group, column, row, values)}</td>`)}</tr>`,
    )}</tbody></table></fieldset>`;
}

export function planFields(lang: Lang, values: Values | undefined): Html {
  return html`${updateIdField(values)}
    ${input('title', labels.title, values, { required: true, id: 'plan-title' })}
    ${labelled('objectives', labels.objectives, html`<textarea id="objectives" name="objectives">${values?.objectives ?? ''}</textarea>`)}
    ${groupTable(lang, 'plannedActivities', values)}
    ${groupTable(lang, 'specialWeeks', values)}
    ${groupTable(lang, 'contacts', values)}
    ${labelled('document', labels.document, html`<input type="file" id="document" name="document" accept=".docx,.pdf,.doc,.wps">`)}`;
}

/** A group's filled rows, and the form row each came from (blank rows are left out). */
function rowsOf(fields: Record<string, unknown>, group: Group) {
  const spec = groups[group];
  const rows: Record<string, unknown>[] = [];
  const formRows: number[] = [];
  for (let row = 0; row < spec.rows; row++) {
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
