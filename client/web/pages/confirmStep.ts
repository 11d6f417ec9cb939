// The step before an action that touches many units (remind all, confirm the matching): a page that says how
// many and what will happen, with the one button that does it and a way back. Plain HTML: the action's POST
// without `confirmed=yes` sends the browser here instead of acting, so no click acts unseen, with or without JS.
import type { Context } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import type { WebServices } from '../routeSpec.ts';
import type { WebEnv } from '../rules.ts';
import { csrfField } from './forms.ts';
import { type Html, t } from './html.ts';

/** The field a confirmation step's form sends; an action without it shows the step first. */
export const confirmedSchema = z.object({ confirmed: z.literal('yes') });

export interface ConfirmStep {
  /** What will happen, with the count: "将向 37 个单位发送催报邮件 37 units will get a reminder mail". */
  what: Html;
  /** What it touches, one line each (a table, a list). */
  details?: Html;
  /** Why it cannot be done now; the button is not shown. */
  refused?: Html;
  action: string;
  button: Html;
  /** Where "cancel" goes: the page the action was started from. */
  back: string;
}

export function confirmStep(c: Context<WebEnv>, services: WebServices, step: ConfirmStep): Html {
  return html`<section class="card confirm-step">
    ${step.refused ? html`<div class="notice problem" role="alert">${step.refused}</div>` : html`<p class="what"><b>${step.what}</b></p>`}
    ${step.details ?? ''}
    <div class="row">
      ${
        step.refused
          ? ''
          : html`<form class="inline" method="post" action="${step.action}">
        ${csrfField(c, services)}<input type="hidden" name="confirmed" value="yes">
        <button class="danger">${step.button}</button>
      </form>`
      }
      <a class="button secondary" href="${step.back}">${step.refused ? t('返回', 'Back') : t('取消', 'Cancel')}</a>
    </div>
  </section>`;
}
