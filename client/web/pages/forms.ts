// Plain HTML forms: the CSRF field every form carries, a form read through a zod schema with each error
// named by the label the user sees, and a one-time notice shown on the page a form redirects to.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import type { z } from 'zod';
import type { WebServices } from '../routeSpec.ts';
import type { WebEnv } from '../rules.ts';
import { csrfToken } from '../session.ts';
import { type Html, t } from './html.ts';

export const csrfField = (c: Context<WebEnv>, services: WebServices): Html =>
  html`<input type="hidden" name="_csrf" value="${csrfToken(c, services.cookies)}">`;

/** One error in a form, by the label of its field. */
export interface FieldError {
  field: string;
  label: { zh: string; en: string };
  message: string;
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/**
 * The form's fields (files included) through `schema`. `labels` name each field as the form shows it; an
 * error on a field without a label names the field itself.
 */
export async function readForm<S extends z.ZodType>(
  c: Context,
  schema: S,
  labels: Record<string, { zh: string; en: string }>,
  shape: (fields: Record<string, string | File | (string | File)[]>) => unknown = (f) => f,
): Promise<FormResult<z.output<S>>> {
  const fields = await c.req.parseBody({ all: true });
  delete fields._csrf;
  const parsed = schema.safeParse(shape(fields));
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const field = issue.path.map(String).join('.');
      const label = labels[String(issue.path[0] ?? '')] ?? { zh: field || '表单', en: field || 'form' };
      return { field, label, message: issue.message };
    }),
  };
}

export const formErrors = (errors: readonly FieldError[]): Html =>
  errors.length === 0
    ? html``
    : html`<div class="errors" role="alert">
        <p>${t('请更正以下内容：', 'Please correct the following:')}</p>
        <ul>
          ${errors.map((e) => html`<li><b>${e.label.zh}</b> <span class="en">${e.label.en}</span>: ${e.message}</li>`)}
        </ul>
      </div>`;

const noticeCookie = 'wlx_notice';

/** A notice for the next page (after a form's redirect), in both languages. */
export function setNotice(c: Context, zh: string, en: string, kind: 'done' | 'problem' = 'done'): void {
  setCookie(c, noticeCookie, Buffer.from(JSON.stringify({ zh, en, kind })).toString('base64url'), {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    maxAge: 60,
  });
}

/** The notice left for this page, if any; read once. */
export function takeNotice(c: Context): { zh: string; en: string; kind: 'done' | 'problem' } | null {
  const value = getCookie(c, noticeCookie);
  if (!value) return null;
  deleteCookie(c, noticeCookie, { path: '/' });
  try {
    const notice = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    return typeof notice?.zh === 'string' && typeof notice?.en === 'string' ? notice : null;
  } catch {
    return null;
  }
}
