// Workflows of the year that no worker can move (their tasks keep failing): first on the page, in red, with
// what recovers them. A unit left so never sends its summary and the year cannot close.
import { html } from 'hono/html';
import { recoverCommand } from '../../../../domain/recoverCommand.ts';
import type { CampaignOverview } from '../../../../reads/campaignStatus.ts';
import { type Html, t } from '../html.ts';
import { unitPath } from '../unit/page.ts';

export function stuckSection(status: CampaignOverview): Html | '' {
  if (status.stuck.length === 0) return '';
  return html`<section class="card stuck" role="alert">
    <h2>${t('流程停滞，需要处理', 'Stuck: an operator is needed')}</h2>
    <ul>${status.stuck.map(
      (s) =>
        html`<li>${
          s.unitCode
            ? html`<a href="${unitPath({ year: status.year, unit: s.unitCode })}">${s.unitCode}</a>`
            : t('活动主流程', 'the campaign')
        } — ${t(`工作流任务已失败 ${s.attempts} 次`, `its workflow task failed ${s.attempts} times`)} · <code>${recoverCommand(status.year, s.unitCode)}</code></li>`,
    )}</ul>
  </section>`;
}
