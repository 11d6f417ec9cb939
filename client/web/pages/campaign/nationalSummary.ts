// The national summary (全国汇总) once the campaign has compiled it at the close: its main figures and the
// 通报 list of late and missing units; and the national workbooks and report to download at any time.
import { html } from 'hono/html';
import { dateZh } from '../../../../domain/dateWords.ts';
import { levelLabels, noticeOutcomeLabels } from '../../../../domain/escalation.ts';
import type { CampaignStatus, NationalSummary } from '../../../../workflows/shared/status.ts';
import { type NationalOutput, nationalOutputs } from '../../../operations/nationalOutputs.ts';
import { type Html, t } from '../html.ts';
import { trackHeading } from '../unit/labels.ts';
import { outputLabels, shortName, tb } from './labels.ts';

export const exportPath = (year: number, output: NationalOutput) => `/campaigns/${year}/exports/${output}`;

/** The file a download is saved as: 2026-national-report.docx. */
export function exportFileName(year: number, output: NationalOutput): string {
  const { fileStem, extension } = nationalOutputs[output];
  return `${year}-${fileStem}.${extension}`;
}

const fact = (zh: string, en: string, value: Html | string | number) =>
  html`<div><span class="n">${value}</span><span class="l">${t(zh, en)}</span></div>`;

const punctuality = (p: NationalSummary['plans']) =>
  t(
    `按期 ${p.onTime} · 逾期 ${p.late} · 未报 ${p.missing}`,
    `${p.onTime} on time · ${p.late} late · ${p.missing} missing`,
  );

function figures(s: NationalSummary): Html {
  const n = s.totals;
  return html`<div class="stats">
      ${fact('报送单位', 'reporting units', s.reportingUnits)}
      ${fact('活动场次', 'activities', n.activitiesRecorded)}
      ${fact('参与人次', 'participants', n.participants)}
      ${fact('服务企业', 'enterprises served', n.enterprisesServed)}
      ${fact('收集需求', 'demands collected', n.demandsCollected)}
      ${fact('解决需求', 'demands resolved', n.demandsResolved)}
      ${fact('需国家局协调', 'flagged for CNIPA', s.flaggedDemands)}
      ${fact('匹配资源', 'matched', s.matches)}
    </div>
    <dl class="facts">
      <dt>${tb(trackHeading('plan'))}</dt><dd>${punctuality(s.plans)}</dd>
      <dt>${tb(trackHeading('summary'))}</dt><dd>${punctuality(s.summaries)}</dd>
      <dt>${t('专利导航项目', 'Patent navigation projects')}</dt><dd>${n.navigationProjects}</dd>
      <dt>${t('转让许可', 'Licensing and transfer')}</dt>
      <dd>${t(`${n.licensingAndTransfer.count} 项，${n.licensingAndTransfer.amountTenThousandYuan} 万元`, `${n.licensingAndTransfer.count} deals, ¥${n.licensingAndTransfer.amountTenThousandYuan} × 10k`)}</dd>
      <dt>${t('质押融资', 'Pledge financing')}</dt>
      <dd>${t(`${n.pledgeFinancing.count} 项，${n.pledgeFinancing.amountTenThousandYuan} 万元`, `${n.pledgeFinancing.count} deals, ¥${n.pledgeFinancing.amountTenThousandYuan} × 10k`)}</dd>
      <dt>${t('培训 / 媒体报道 / 典型案例', 'Trainings / media reports / typical cases')}</dt>
      <dd>${n.trainings} / ${n.mediaReports} / ${n.typicalCases}</dd>
    </dl>`;
}

function noticeList(s: NationalSummary): Html {
  if (s.notice.length === 0)
    return html`<p>${t('通报：各单位均按期报送。', '通报: every unit submitted on time.')}</p>`;
  return html`<h3>${t('通报', 'Notice (通报): late and missing units')}</h3>
    <table tabindex="0">
      <thead><tr><th>${t('单位', 'Unit')}</th><th>${t('事项', 'Deliverable')}</th><th>${t('情况', 'Outcome')}</th>
        <th>${t('最高级别', 'Highest level')}</th></tr></thead>
      <tbody>${s.notice.map((n) => {
        const name = shortName(n);
        return html`<tr><td>${n.unitCode} ${t(name.zh, name.en)}</td><td>${tb(trackHeading(n.track))}</td>
          <td>${tb(noticeOutcomeLabels[n.outcome])}</td>
          <td>${n.maxLevel ? html`<span class="badge s-${n.maxLevel}">${tb(levelLabels[n.maxLevel])}</span>` : '—'}</td></tr>`;
      })}</tbody>
    </table>`;
}

function downloads(year: number, final: boolean): Html {
  const outputs = Object.keys(nationalOutputs) as NationalOutput[];
  return html`<h3>${t('下载', 'Downloads')}</h3>
    ${final ? '' : html`<p class="muted">${t('活动结束前，下载内容为截至今日的阶段性统计。', 'Before the close, downloads count what is in so far.')}</p>`}
    <div class="downloads">${outputs.map((output) => {
      const label = outputLabels[output];
      return html`<a href="${exportPath(year, output)}" download="${exportFileName(year, output)}">
        <b>${t(label.zh, label.en)}</b> <span class="ext">.${nationalOutputs[output].extension}</span>
        <small>${tb(label.note)}</small></a>`;
    })}</div>`;
}

export function nationalSummarySection(status: Omit<CampaignStatus, 'units'>): Html {
  const s = status.summary;
  return html`<section class="card" id="national-summary">
    <h2>${t('全国汇总', 'National summary')}</h2>
    ${
      s
        ? html`<p class="muted">${t(`${s.compiledOn} 汇总`, `compiled on ${s.compiledOn}`)}</p>${figures(s)}${noticeList(s)}`
        : html`<p>${t(`全国汇总将于活动结束（${dateZh(status.calendar.closes)}）时生成。`, `The national summary is compiled at the close (${status.calendar.closes}).`)}</p>`
    }
    ${downloads(status.year, s !== null)}
  </section>`;
}
