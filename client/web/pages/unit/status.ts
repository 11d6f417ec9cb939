// What is due and when, for one unit: its state, the next deadline or how late it is, both deliverables'
// tracks, what is missing, what was returned and why, its flagged demands, and the matching feedback.
import { html } from 'hono/html';
import { defaultCatalogue } from '../../../../domain/defaultCatalogue.ts';
import { levelLabels } from '../../../../domain/escalation.ts';
import { type Bilingual, itemLabel, serviceCategoryLabels } from '../../../../domain/labels.ts';
import type { Registry } from '../../../../domain/registry.ts';
import { itemTrack, returnableItems } from '../../../../domain/submissions.ts';
import type { CampaignStatus, TrackStatus, UnitStatus } from '../../../../workflows/shared/status.ts';
import { type StandingCalendar, unitStanding } from '../../../operations/describe/standing.ts';
import { dateT, daysFrom, type Html, t } from '../html.ts';
import { stateLabel, trackHeading } from './labels.ts';

const tb = (label: Bilingual): Html => t(label.zh, label.en);

export function stateBadge(status: UnitStatus, today: string, calendar: StandingCalendar): Html {
  return html`<span class="badge s-${unitStanding(status, today, calendar).standing}">${tb(stateLabel(status.state))}</span>`;
}

/** The next deadline with the days left, or how late the running one is and the level reached. */
function dueLine(status: UnitStatus, today: string): Html {
  if (status.nextDeadline) {
    const { track, date } = status.nextDeadline;
    const { days, late } = daysFrom(today, date);
    return html`<p class="big">${tb(trackHeading(track))}：${dateT(date)}</p>
      <p>${late ? t(`已过 ${days} 天`, `${days} days ago`) : days === 0 ? t('今天截止', 'due today') : t(`还有 ${days} 天`, `${days} days left`)}</p>`;
  }
  if (status.due && status.escalationLevel) {
    const deadline = status[status.due].deadline;
    const { days } = daysFrom(today, deadline);
    const level = levelLabels[status.escalationLevel];
    return html`<p class="big">${tb(trackHeading(status.due))}：${t(`逾期 ${days} 天`, `${days} days late`)}</p>
      <p>${t('截止日期', 'Deadline')} ${dateT(deadline)} · ${t('当前级别', 'Level')}
        <span class="badge s-${status.escalationLevel}">${tb(level)}</span></p>`;
  }
  return html`<p class="big">${t('目前没有待报送的事项', 'Nothing is due now')}</p>`;
}

/** A track is in once all its items are: until then say which of them are in, not 未报送 for all. */
function submittedCell(track: 'plan' | 'summary', s: TrackStatus, status: UnitStatus, late: boolean): Html {
  if (s.submittedAt) return dateT(s.submittedAt);
  const items = returnableItems.filter((item) => itemTrack[item] === track);
  const missing = items.filter((item) => status.missing.includes(item));
  const received = items.filter((item) => !missing.includes(item));
  const none = late ? t('未报送（已过期）', 'not in (past the deadline)') : t('未报送', 'not in');
  if (received.length === 0 || missing.length === 0) return none;
  const names = (list: string[], sep: string, lang: 'zh' | 'en') =>
    list.map((i) => itemLabel(i)[lang]).join(sep);
  return t(
    `部分报送：已收到${names(received, '、', 'zh')}，尚缺${names(missing, '、', 'zh')}${late ? '（已过期）' : ''}`,
    `partly in: ${names(received, ', ', 'en')} received, ${names(missing, ', ', 'en')} missing${late ? ' (past the deadline)' : ''}`,
  );
}

function trackRow(track: 'plan' | 'summary', s: TrackStatus, status: UnitStatus, today: string): Html {
  const late = s.submittedAt === null && daysFrom(today, s.deadline).late;
  return html`<tr>
    <td>${tb(trackHeading(track))}</td>
    <td>${dateT(s.deadline)}</td>
    <td>${submittedCell(track, s, status, late)}</td>
    <td>${s.maxLevel ? html`<span class="badge s-${s.maxLevel}">${tb(levelLabels[s.maxLevel])}</span>` : t('无', 'none')}</td>
  </tr>`;
}

/** The form on the unit's page where each missing item is handed in. */
const formOf: Record<string, string> = {
  workPlan: 'plan',
  demandList: 'demands',
  writtenSummary: 'summary',
  resultsSummary: 'summary',
};

/** What is missing; for the unit's liaison each item links to its form (the work plan's first: due first). */
function missingItems(missing: readonly string[], forUnit: boolean): Html {
  if (missing.length === 0) return t('无', 'nothing');
  return html`${missing.map((m, i) => {
    const label = tb(itemLabel(m));
    const form = formOf[m];
    return html`${i > 0 ? '、' : ''}${forUnit && form ? html`<a href="#${form}">${label}</a>` : label}`;
  })}`;
}

export function dueSection(
  status: UnitStatus,
  today: string,
  calendar: StandingCalendar,
  forUnit = false,
): Html {
  return html`<section class="card" id="due">
    <div class="row spread top">
      <div>${dueLine(status, today)}</div>
      <div>${stateBadge(status, today, calendar)}</div>
    </div>
    ${
      status.returned
        ? html`<div class="errors returned" role="alert"><b>${t('退回修改', 'Returned for revision')}：${tb(itemLabel(status.returned.what))}</b>
          <p>${t('原因', 'Reason')}：<q>${status.returned.reason}</q></p>
          <p class="muted">${t('请修改后重新报送。', 'Please revise and submit it again.')}</p></div>`
        : ''
    }
    <h2>${t('报送进度', 'Deliverables')}</h2>
    <table tabindex="0">
      <thead><tr><th>${t('事项', 'Deliverable')}</th><th>${t('截止日期', 'Deadline')}</th><th>${t('报送日期', 'Submitted on')}</th><th>${t('最高催办级别', 'Level reached')}</th></tr></thead>
      <tbody>${trackRow('plan', status.plan, status, today)}${trackRow('summary', status.summary, status, today)}</tbody>
    </table>
    <dl class="facts spaced">
      <dt>${t('尚缺', 'Missing')}</dt>
      <dd>${missingItems(status.missing, forUnit)}</dd>
      <dt>${t('已记录活动', 'Activities recorded')}</dt><dd>${status.activitiesRecorded}</dd>
    </dl>
  </section>`;
}

export function flaggedSection(status: UnitStatus): Html {
  const items = status.flaggedDemands;
  return html`<section class="card" id="flagged">
    <h2>${t('需国家知识产权局协调的需求', 'Demands flagged for CNIPA coordination')}</h2>
    ${
      items.length === 0
        ? html`<p class="muted">${t('暂无。报送需求清单时，“需要国家局协调”填“是”的需求列在这里。', 'None yet. Demands marked 是 under "Needs CNIPA coordination" in the demand list appear here.')}</p>`
        : html`<table tabindex="0"><thead><tr><th>${t('需求编号', 'Demand ID')}</th><th>${t('需求主体', 'Entity')}</th><th>${t('服务类别', 'Service category')}</th><th>${t('需求描述', 'Description')}</th><th>${t('协调事由', 'Coordination reason')}</th></tr></thead>
          <tbody>${items.map(
            (d) =>
              html`<tr><td>${d.id}</td><td>${d.entity.name}</td><td>${tb(serviceCategoryLabels[d.serviceCategory])}</td><td>${d.description}</td><td>${d.coordinationReason ?? ''}</td></tr>`,
          )}</tbody></table>`
    }
  </section>`;
}

const catalogues = new WeakMap<Registry, Map<string, Bilingual>>();

/** Resource names from the catalogue and the registry; an unknown id is shown as it is. */
function resourceNames(registry: Registry): Map<string, Bilingual> {
  let names = catalogues.get(registry);
  if (!names) {
    names = new Map(registry.resources.map((r) => [r.id, { zh: r.nameZh, en: r.nameEn }]));
    for (const r of defaultCatalogue(registry).resources) names.set(r.id, { zh: r.nameZh, en: r.nameEn });
    catalogues.set(registry, names);
  }
  return names;
}

/** The unit's confirmed matches and one-to-one partners, once the feedback has gone out. */
export function matchingSection(status: UnitStatus, campaign: CampaignStatus, registry: Registry): Html {
  const sent = campaign.feedbackSent || status.feedbackReceived;
  const names = resourceNames(registry);
  const name = (id: string) => tb(names.get(id) ?? { zh: id, en: id });
  const matches = campaign.matches.matches.filter((m) => m.unitCode === status.unitCode);
  const partners = campaign.matches.pairings.filter((p) => p.unitCode === status.unitCode);
  const body = !sent
    ? html`<p class="muted">${t('匹配反馈将在国家知识产权局审核需求、确认匹配后发出。', 'The matching feedback comes after CNIPA has reviewed the demands and confirmed the matches.')}</p>`
    : html`${
        matches.length === 0
          ? html`<p>${t('本次无需国家知识产权局协调的匹配事项。', 'No demands were matched this time.')}</p>`
          : html`<table tabindex="0"><thead><tr><th>${t('需求编号', 'Demand ID')}</th><th>${t('匹配的服务资源', 'Matched resource')}</th><th>${t('备注', 'Note')}</th></tr></thead>
            <tbody>${matches.map((m) => html`<tr><td>${m.demandId}</td><td>${name(m.resourceId)}</td><td>${m.note ?? ''}</td></tr>`)}</tbody></table>`
      }
      <p>${t('一对一对口单位', 'One-to-one partner')}：${partners.length === 0 ? t('无', 'none') : partners.map((p, i) => html`${i > 0 ? '、' : ''}${name(p.resourceId)}`)}</p>`;
  return html`<section class="card" id="matching"><h2>${t('匹配反馈', 'Matching feedback')}</h2>${body}</section>`;
}
