// Where the read views are, for the pages that lead to them: the unit page's section and the operator's
// return form (the operator reads what they return).
import { html } from 'hono/html';
import type { Bilingual } from '../../../../domain/labels.ts';
import type { SubmissionKind } from '../../../../reads/submissionVersions.ts';
import { type Html, t } from '../html.ts';

export const submissionKindLabels: Record<SubmissionKind, Bilingual> = {
  plan: { zh: '工作方案', en: 'Work plan' },
  demands: { zh: '需求清单（附件1）', en: 'Demand list (Annex 1)' },
  activities: { zh: '活动记录', en: 'Activity records' },
  summary: { zh: '总结（书面总结和附件2）', en: 'Summaries (written and Annex 2)' },
};

/** `base` is the unit page's path. */
export const submissionPath = (base: string, kind: SubmissionKind) => `${base}/submissions/${kind}`;

export function submissionLinks(
  base: string,
  kinds = Object.keys(submissionKindLabels) as SubmissionKind[],
): Html {
  return html`<ul class="submission-links">${kinds.map(
    (kind) =>
      html`<li><a href="${submissionPath(base, kind)}">${t(submissionKindLabels[kind].zh, submissionKindLabels[kind].en)}</a></li>`,
  )}</ul>`;
}

export function submissionsSection(base: string): Html {
  return html`<section class="card" id="submissions">
    <h2>${t('已报送的内容', 'What was handed in')}</h2>
    <p class="muted">${t('查看每一次报送的内容、版本记录（报送时间和报送人），并可下载。', 'Read each submission, its version history (when and by whom), and download it.')}</p>
    ${submissionLinks(base)}
  </section>`;
}
