// What went wrong with one of the unit page's forms, told inside that form: a rejected spreadsheet as a
// table of its issues (sheet, row, column header as the user sees it, what was found, what is wrong), a
// form's fields by their labels, or a refusal in words. Thrown errors become one of these or go on.
import { html } from 'hono/html';
import type { Bilingual } from '../../../../domain/labels.ts';
import type { SheetIssue } from '../../../../domain/spreadsheets/issues.ts';
import { DocumentRejectedError } from '../../../../infra/documents/fileType.ts';
import { SpreadsheetRejectedError } from '../../../operations/spreadsheets/importSubmission.ts';
import { problemFor } from '../../problems.ts';
import { type FieldError, formErrors } from '../forms.ts';
import { type Html, t } from '../html.ts';

/** The page's forms, each an anchor on the page. */
export type FormId = 'demands' | 'activities' | 'summary' | 'plan' | 'activity' | 'return' | 'extend';

export interface Failure {
  form: FormId;
  /** 200: nothing went wrong, the form is shown again as asked (a row added). */
  status: 200 | 400 | 409 | 422;
  message?: Bilingual;
  errors?: FieldError[];
  issues?: readonly SheetIssue[];
  /** What was typed, to fill the form in again. */
  values?: Record<string, string>;
}

export function sheetIssueTable(issues: readonly SheetIssue[]): Html {
  return html`<table class="sheet-errors" tabindex="0">
    <thead><tr><th>${t('工作表', 'Sheet')}</th><th class="num">${t('行', 'Row')}</th><th>${t('列', 'Column')}</th><th>${t('填写内容', 'Found')}</th><th>${t('问题', 'Problem')}</th></tr></thead>
    <tbody>${issues.map(
      (i) => html`<tr>
        <td>${t(i.sheet.zh, i.sheet.en)}</td>
        <td class="num">${i.row ?? ''}</td>
        <td>${i.column ? t(i.column.zh, i.column.en) : ''}</td>
        <td>${i.found ?? ''}</td>
        <td>${t(i.message.zh, i.message.en)}</td>
      </tr>`,
    )}</tbody>
  </table>`;
}

/** The failure shown in its form, if it is this form's. */
export function failureIn(form: FormId, failure: Failure | undefined): Html {
  if (failure?.form !== form) return html``;
  const { message, errors, issues } = failure;
  return html`${errors?.length ? formErrors(errors) : ''}
    ${
      message || issues?.length
        ? html`<div class="errors" role="alert">
          ${message ? html`<p>${t(message.zh, message.en)}</p>` : ''}
          ${
            issues?.length
              ? html`<p>${t(`文件有 ${issues.length} 处错误，未提交任何内容：`, `${issues.length} ${issues.length === 1 ? 'error' : 'errors'} in the file; nothing was submitted:`)}</p>${sheetIssueTable(issues)}`
              : ''
          }
        </div>`
        : ''
    }`;
}

/**
 * A thrown error as the form's failure: a rejected file, or whatever the workflow refused (409, 422).
 * Anything else (Temporal down, a bug) is thrown on, for the app's error page.
 */
export function failureOf(form: FormId, error: unknown, values?: Record<string, string>): Failure {
  const base = { form, ...(values && { values }) };
  if (error instanceof SpreadsheetRejectedError) return { ...base, status: 422, issues: error.issues };
  if (error instanceof DocumentRejectedError)
    return { ...base, status: 422, message: { zh: error.zh, en: error.en } };
  const problem = problemFor(error);
  if (problem.status === 409 || problem.status === 422 || problem.status === 400) {
    const detail = problem.errors?.length
      ? problem.errors.map((e) => `${e.field}: ${e.message}`).join('; ')
      : problem.detail;
    const zh = problem.status === 409 ? '现在不能办理此事项。' : '未被接受。';
    return { ...base, status: problem.status, message: { zh, en: detail } };
  }
  throw error;
}

/** "Invalid input: expected string, received undefined" is zod's way of saying a field was left empty. */
export function plainErrors(errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) => (/received undefined/.test(e.message) ? { ...e, message: '必填 required' } : e));
}
