// The small pieces the unit page's forms are made of: a labelled input that keeps what was typed, a select
// of bilingual options, the idempotency key every submission carries, and form fields read as text.
import { randomUUID } from 'node:crypto';
import { html } from 'hono/html';
import { z } from 'zod';
import type { Bilingual } from '../../../../domain/labels.ts';
import { type Html, type Lang, t, tt } from '../html.ts';

export type Values = Record<string, string>;

/**
 * A new key for each form rendered, or the one the failed post carried: a double click, or the same form
 * sent again, is applied once (the unit workflow knows the update ids it has applied).
 */
export const updateIdField = (values?: Values): Html =>
  html`<input type="hidden" name="updateId" value="${values?.updateId ?? randomUUID()}">`;

export const updateIdSchema = z
  .string({ error: '表单已过期，请刷新页面 (reload the page)' })
  .regex(/^[\w-]{8,100}$/, '表单已过期，请刷新页面 (reload the page)');

/** The update id the workflow sees: apart from the API's `web-` keys. */
export const formUpdateId = (id: string) => `web-form-${id}`;

export function input(
  name: string,
  label: Bilingual,
  values: Values | undefined,
  attrs: { type?: string; required?: boolean; placeholder?: string; id?: string } = {},
): Html {
  const id = attrs.id ?? name;
  return html`<label for="${id}">${t(label.zh, label.en)}</label>
    <input type="${attrs.type ?? 'text'}" id="${id}" name="${name}" value="${values?.[name] ?? ''}"
      ${attrs.required ? 'required' : ''} ${attrs.placeholder ? html`placeholder="${attrs.placeholder}"` : ''}>`;
}

export function select(
  lang: Lang,
  name: string,
  options: readonly (readonly [string, Bilingual])[],
  values: Values | undefined,
  blank = true,
  /** The name a screen reader says, for a select without a <label> (a cell of a form's table). */
  ariaLabel?: string,
): Html {
  const chosen = values?.[name] ?? '';
  return html`<select name="${name}" id="${name}"${ariaLabel === undefined ? '' : html` aria-label="${ariaLabel}"`}>
    ${blank ? html`<option value="">${tt(lang, '请选择', 'choose')}</option>` : ''}
    ${options.map(([value, label]) => html`<option value="${value}" ${value === chosen ? 'selected' : ''}>${tt(lang, label.zh, label.en)}</option>`)}
  </select>`;
}

export const labelled = (name: string, label: Bilingual, control: Html): Html =>
  html`<label for="${name}">${t(label.zh, label.en)}</label>${control}`;

/** The text fields of a form (files and repeats left out), to fill it in again after a failure. */
export function textValues(fields: Record<string, unknown>): Values {
  return Object.fromEntries(
    Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== '_csrf'),
  );
}

/** Trimmed text, undefined when blank: the schemas then say the field is required. */
export const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** A number typed into a text box; blank is undefined, anything else that is not a number stays text. */
export function number(value: unknown): number | string | undefined {
  const s = text(value);
  if (s === undefined) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : s;
}

/** One item per line of a textarea. */
export const lines = (value: unknown): string[] =>
  typeof value === 'string'
    ? value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    : [];

export const fileOf = (value: unknown): File | undefined =>
  value instanceof File && value.size > 0 ? value : undefined;
