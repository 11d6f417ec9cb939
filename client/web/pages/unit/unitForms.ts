// What a unit's liaison can do on its page: download the templates, upload them filled in, submit the work
// plan and record an activity. Every form carries the CSRF field and its own idempotency key.
import type { Context } from 'hono';
import { html } from 'hono/html';
import { spreadsheetExtensions } from '../../../operations/spreadsheets/importSubmission.ts';
import type { WebServices } from '../../routeSpec.ts';
import type { WebEnv } from '../../rules.ts';
import { csrfField } from '../forms.ts';
import { type Html, langOf, t } from '../html.ts';
import { activityFields } from './activityForm.ts';
import { type Failure, failureIn } from './failures.ts';
import { input, updateIdField } from './inputs.ts';
import { planFields } from './planForm.ts';

/** Every format the reader takes, so the browser's file picker offers them (readUpload.ts). */
const spreadsheetAccept = spreadsheetExtensions.join(',');

export const templateKinds = ['demands', 'activities', 'results'] as const;
export type TemplateKind = (typeof templateKinds)[number];

const templateNames: Record<TemplateKind, [string, string]> = {
  demands: ['需求清单（附件1）', 'Demand list (Annex 1)'],
  activities: ['活动记录表', 'Activity records'],
  results: ['成果汇总表（附件2）', 'Results summary (Annex 2)'],
};

export function templatesSection(base: string, forUnit: boolean): Html {
  return html`<section class="card" id="templates">
    <h2>${t('下载模板', 'Templates')}</h2>
    <p class="muted">${
      forUnit
        ? t(
            '模板已填好本单位名称和年度；填写后在下方上传。',
            'Each template carries your unit and the year; fill it in and upload it below.',
          )
        : t('与本单位下载的模板相同。', 'The same templates the unit downloads.')
    }</p>
    <ul class="template-links">${(Object.entries(templateNames) as [TemplateKind, [string, string]][]).map(
      ([kind, [zh, en]]) =>
        html`<li><a href="${base}/templates/${kind}" download>${t(zh, en)} .xlsx</a></li>`,
    )}
      <li><a href="${base}/demand-list" download>${t('已报送的需求清单（全部条目，可修改后重新上传）', 'The demand list as handed in (every row, to edit and upload again)')} .xlsx</a></li>
    </ul>
  </section>`;
}

export function unitForms(
  c: Context<WebEnv>,
  services: WebServices,
  base: string,
  failure: Failure | undefined,
): Html {
  const lang = langOf(c);
  const csrf = csrfField(c, services);
  const values = (form: Failure['form']) => (failure?.form === form ? failure.values : undefined);
  // A failed upload takes the grid's whole width, for its table of errors.
  const failed = (form: Failure['form']) => (failure?.form === form ? 'failed' : '');
  const upload = (form: 'demands' | 'activities', title: [string, string], hint: [string, string]) =>
    html`<form class="card upload ${failed(form)}" id="${form}" method="post" action="${base}/${form}#${form}" enctype="multipart/form-data">
      <h3>${t(...title)}</h3>
      <p class="muted">${t(...hint)}</p>
      ${failureIn(form, failure)}
      ${csrf}${updateIdField(values(form))}
      <input type="file" name="file" accept="${spreadsheetAccept}" aria-label="${title[1]}" required>
      <p><button>${t('上传并报送', 'Upload and submit')}</button></p>
    </form>`;
  // The work plan first: it is due first (May 25, with the demand list).
  return html`<h2 id="submit">${t('报送', 'Submit')}</h2>
    <form class="card" id="plan" method="post" action="${base}/plan#plan" enctype="multipart/form-data">
      <h3>${t('工作方案', 'Work plan')}</h3>
      <p><a class="skip-to" href="#plan-submit">${t('跳到提交', 'Skip to submit')}</a></p>
      ${failureIn('plan', failure)}
      ${csrf}${planFields(lang, base, values('plan'))}
      <p id="plan-submit" tabindex="-1"><button>${t('报送工作方案', 'Submit the work plan')}</button></p>
    </form>
    <div class="uploads">
      ${upload('demands', ['需求清单（附件1）', 'Demand list (Annex 1)'], ['填好的需求清单模板 .xlsx；再次上传将替换原清单。', 'The filled-in template, .xlsx; uploading again replaces the list.'])}
      ${upload('activities', ['活动记录', 'Activity records'], ['填好的活动记录模板 .xlsx，可有多行；同一活动编号再次报送将覆盖原记录。', 'The filled-in template, .xlsx, any number of rows; the same activity ID again replaces its record.'])}
      <form class="card upload ${failed('summary')}" id="summary" method="post" action="${base}/summary#summary" enctype="multipart/form-data">
        <h3>${t('总结', 'Summary')}</h3>
        <p class="muted">${t('书面总结（.docx 或 .pdf）和/或成果汇总表（附件2，.xlsx）。', 'The written summary (.docx or .pdf) and/or the results summary (Annex 2, .xlsx).')}</p>
        ${failureIn('summary', failure)}
        ${csrf}${updateIdField(values('summary'))}
        <label for="written">${t('书面总结', 'Written summary')}</label>
        <input type="file" id="written" name="written" accept=".docx,.pdf,.doc,.wps">
        ${input('title', { zh: '标题（选填）', en: 'Title (optional)' }, values('summary'), { id: 'summary-title' })}
        <label for="results">${t('成果汇总表（附件2）', 'Results summary (Annex 2)')}</label>
        <input type="file" id="results" name="results" accept="${spreadsheetAccept}">
        <p><button>${t('上传并报送', 'Upload and submit')}</button></p>
      </form>
    </div>
    <form class="card" id="activity" method="post" action="${base}/activity#activity" enctype="multipart/form-data">
      <h3>${t('记录一项活动', 'Record one activity')}</h3>
      ${failureIn('activity', failure)}
      ${csrf}${activityFields(lang, values('activity'))}
      <p><button>${t('记录活动', 'Record the activity')}</button></p>
    </form>`;
}
