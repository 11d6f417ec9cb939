// One activity record as a form: the fields of activityRecordSchema, each labelled as the activities
// template's column is headed. Recording the same activity ID again replaces the record.
import type { Context } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import type { Bilingual } from '../../../../domain/labels.ts';
import { activityTypeLabels, formLabels, keyTaskLabels } from '../../../../domain/labels.ts';
import { type ActivityRecord, activityRecordSchema } from '../../../../domain/submissions.ts';
import { readForm } from '../forms.ts';
import type { Html, Lang } from '../html.ts';
import { type Failure, plainErrors } from './failures.ts';
import {
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

const labels = {
  id: { zh: '活动编号', en: 'Activity ID' },
  title: { zh: '活动名称', en: 'Title' },
  startDate: { zh: '开始日期', en: 'Start date' },
  endDate: { zh: '结束日期', en: 'End date' },
  place: { zh: '活动地点', en: 'Place' },
  form: { zh: '活动形式', en: 'Form' },
  type: { zh: '活动类型', en: 'Type' },
  keyTask: { zh: '重点任务', en: 'Key task' },
  organisers: { zh: '主办单位（每行一个）', en: 'Organisers (one a line)' },
  participants: { zh: '参与人数', en: 'Participants' },
  enterprisesServed: { zh: '服务企业数', en: 'Enterprises served' },
  outcome: { zh: '活动成效', en: 'Outcome' },
  updateId: { zh: '表单', en: 'Form' },
} satisfies Record<keyof ActivityRecord | 'updateId', Bilingual>;

const keyTasks = ([1, 2, 3, 4, 5] as const).map(
  (n) => [String(n), { zh: `${n} ${keyTaskLabels[n].zh}`, en: `${n} ${keyTaskLabels[n].en}` }] as const,
);

export function activityFields(lang: Lang, values: Values | undefined): Html {
  return html`${updateIdField(values)}
    <div class="field-grid">
      <div>${input('id', labels.id, values, { required: true, placeholder: 'BJ-ACT-001' })}</div>
      <div>${input('title', labels.title, values, { required: true, id: 'activity-title' })}</div>
      <div>${input('startDate', labels.startDate, values, { type: 'date', required: true })}</div>
      <div>${input('endDate', labels.endDate, values, { type: 'date', required: true })}</div>
      <div>${input('place', labels.place, values, { required: true })}</div>
      <div>${labelled('form', labels.form, select(lang, 'form', Object.entries(formLabels), values))}</div>
      <div>${labelled('type', labels.type, select(lang, 'type', Object.entries(activityTypeLabels), values))}</div>
      <div>${labelled('keyTask', labels.keyTask, select(lang, 'keyTask', keyTasks, values))}</div>
      <div>${input('participants', labels.participants, values, { type: 'number', required: true })}</div>
      <div>${input('enterprisesServed', labels.enterprisesServed, values, { type: 'number', required: true })}</div>
    </div>
    ${labelled('organisers', labels.organisers, html`<textarea id="organisers" name="organisers">${values?.organisers ?? ''}</textarea>`)}
    ${labelled('outcome', labels.outcome, html`<textarea id="outcome" name="outcome">${values?.outcome ?? ''}</textarea>`)}`;
}

const formSchema = z.intersection(activityRecordSchema, z.object({ updateId: updateIdSchema }));

export async function readActivityForm(
  c: Context,
): Promise<{ ok: true; activity: ActivityRecord; updateId: string } | Failure> {
  const values = textValues(await c.req.parseBody({ all: true }));
  const form = await readForm(c, formSchema, labels, (f) => ({
    id: text(f.id),
    title: text(f.title),
    startDate: text(f.startDate),
    endDate: text(f.endDate),
    place: text(f.place),
    form: text(f.form),
    type: text(f.type),
    keyTask: number(f.keyTask),
    organisers: lines(f.organisers),
    participants: number(f.participants),
    enterprisesServed: number(f.enterprisesServed),
    outcome: text(f.outcome),
    updateId: f.updateId,
  }));
  if (!form.ok) return { form: 'activity', status: 422, errors: plainErrors(form.errors), values };
  const { updateId, ...activity } = form.data;
  return { ok: true, activity: activityRecordSchema.parse(activity), updateId };
}
