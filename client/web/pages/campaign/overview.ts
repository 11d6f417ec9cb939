// The year at a glance: the phase, the calendar's key dates with the days to each, the totals operators
// count, the campaign's workflow in the Temporal UI, and where the matching review stands.
import { html } from 'hono/html';
import { dateZh } from '../../../../domain/dateWords.ts';
import { demandsUnderReview, type ReviewGlance } from '../../../../domain/matching/reviewDigest.ts';
import type { CampaignOverview } from '../../../../reads/campaignStatus.ts';
import { reviewGlance } from '../../../operations/describe/matchingReview.ts';
import { dateT, daysFrom, type Html, t } from '../html.ts';
import { daysLabel, phaseLabels, tb } from './labels.ts';

const stat = (value: string | number, zh: string, en: string, tone = '') =>
  html`<div class="${tone}"><span class="n">${value}</span><span class="l">${t(zh, en)}</span></div>`;

function keyDates(status: CampaignOverview, today: string): Html {
  const dates = [
    ['启动', 'Launch', status.calendar.launch],
    ['方案与需求清单截止', 'Plans due', status.calendar.planDeadline],
    ['总结截止', 'Summaries due', status.calendar.summaryDeadline],
    ['活动结束', 'Close', status.calendar.closes],
  ] as const;
  return html`<ol class="dates">${dates.map(([zh, en, date]) => {
    const { days, late } = daysFrom(today, date);
    const left = late ? -days : days;
    return html`<li class="${left < 0 ? 'past' : ''}"><span class="l">${t(zh, en)}</span><b>${dateT(date)}</b>
      ${left >= 0 && left <= 60 ? html`<small>${tb(daysLabel(left))}</small>` : ''}</li>`;
  })}</ol>`;
}

/** The review in one line: how many demands stand how, whether it is confirmed, whether feedback went out. */
function reviewLine(review: ReviewGlance | null, feedbackSent: boolean): Html {
  const sent = feedbackSent ? html` · <b>${t('匹配反馈已发出', 'feedback sent')}</b>` : '';
  if (!review) return html`${t('尚未生成匹配建议', 'no proposal yet')}${sent}`;
  const { accepted, overridden, rejected, proposed } = review.counts;
  const demands = demandsUnderReview(review);
  return html`${t(
    `${demands} 条需求：接受 ${accepted}，调整 ${overridden}，退回 ${rejected}，待审 ${proposed}`,
    `${demands} demands: ${accepted} accepted, ${overridden} overridden, ${rejected} rejected, ${proposed} to review`,
  )} · ${
    review.confirmed
      ? t(`已确认（${review.confirmed.by}）`, `confirmed by ${review.confirmed.by}`)
      : t('未确认', 'not confirmed')
  }${sent}`;
}

export function glanceSection(status: CampaignOverview, today: string, workflowUrl: string): Html {
  const n = status.totals;
  return html`<section class="card glance">
    <div class="row spread">
      <p>${t('当前阶段', 'Phase')} <span class="badge phase">${tb(phaseLabels[status.phase])}</span>
        <span class="muted">${t(`今天 ${dateZh(today)}`, `today ${today}`)}</span></p>
      <p><a href="${workflowUrl}" target="_blank" rel="noopener">${t('在 Temporal 中查看活动工作流', 'Campaign workflow in the Temporal UI')} ↗</a></p>
    </div>
    ${keyDates(status, today)}
    <div class="stats">
      ${stat(n.units, '报送单位', 'units')}
      ${stat(`${n.plansIn}/${n.units}`, '工作方案已报', 'plans in')}
      ${stat(`${n.summariesIn}/${n.units}`, '总结已报', 'summaries in')}
      ${stat(n.overdue, '逾期', 'overdue', n.overdue > 0 ? 's-overdue' : '')}
      ${stat(n.notSubmitted.length, '应报未报', 'not submitted', n.notSubmitted.length > 0 ? 's-soon' : '')}
    </div>
    <p class="matching-line">${t('需求匹配', 'Matching')}：${reviewLine(reviewGlance(status), status.feedbackSent)}
      · <a href="/campaigns/${status.year}/matching">${t('进入匹配审核', 'Open the matching review')} →</a></p>
  </section>`;
}
