// The national report (活动总结) as a Word document, in one language a document: the Chinese edition is a
// 公文 by GB/T 9704-2012 (layout/official.ts), the English edition a translation (layout/english.ts).
// Sections 一 to 五: overview, results, matching, every unit, 通报; signed by the notice's issuer. A
// function of plain data, so it is tested without Temporal.
import { Document, Packer, type Paragraph, type Table } from 'docx';
import { levelLabels, noticeOutcomeLabels } from '../../../domain/escalation.ts';
import { itemLabels, trackLabels } from '../../../domain/labels.ts';
import type { Track } from '../../../domain/notices/notifications.ts';
import { submittedResults } from '../../../domain/submittedResults.ts';
import type { NationalSummary, UnitReport } from '../../../workflows/shared/status.ts';
import { englishLayout } from './layout/english.ts';
import { officialLayout } from './layout/official.ts';
import type { ReportLanguage, ReportLayout } from './layout/reportLayout.ts';
import { resultRows } from './reportResults.ts';
import { reportTable } from './reportTable.ts';

export interface NationalReportData {
  year: number;
  /** True once the campaign compiled its summary; otherwise a provisional count as of `asOf`. */
  final: boolean;
  asOf: string;
  summary: NationalSummary;
  /** Every reporting unit, in the registry's order. */
  reports: UnitReport[];
}

/** The issuer as the notice signs itself (国家知识产权局, 2022-04-24). */
export const reportIssuer = {
  zh: '国家知识产权局',
  en: 'China National Intellectual Property Administration',
};

type Say = (zh: string, en: string) => string;
type Block = Paragraph | Table;

const day = (say: Say, iso: string) => {
  const [, m, d] = iso.split('-').map(Number);
  return say(`${m}月${d}日`, iso.slice(5));
};

function trackCell(say: Say, report: UnitReport, track: Track, final: boolean): string {
  const clock = report[track];
  if (clock.submittedAt === null)
    return final || clock.level !== null ? say('未报送', 'missing') : say('尚未报送', 'not yet');
  const when = day(say, clock.submittedAt);
  // How far it was escalated is in the 通报 table; here only that it came in late, and when.
  return clock.maxLevel === null
    ? say(`按时（${when}）`, `on time (${when})`)
    : say(`逾期（${when}）`, `late (${when})`);
}

function overview(l: ReportLayout, say: Say, data: NationalReportData): Block[] {
  const s = data.summary;
  const counts = (p: NationalSummary['plans']) =>
    say(
      `按时报送${p.onTime}个、逾期报送${p.late}个、未报送${p.missing}个。`,
      `${p.onTime} on time, ${p.late} late, ${p.missing} missing.`,
    );
  const track = (t: Track) =>
    say(
      trackLabels[t].zh,
      trackLabels[t].en.replace(/^./, (c) => c.toUpperCase()),
    );
  return [
    l.heading(1, 1, say('总体情况', 'Overview')),
    l.heading(2, 1, say('报送情况', 'Submissions')),
    l.body(
      data.final
        ? say(
            `${data.year}年“知识产权服务万里行”活动共有${s.reportingUnits}个报送单位。`,
            `${s.reportingUnits} units report in the ${data.year} campaign.`,
          )
        : say(
            `截至${data.asOf}，${data.year}年“知识产权服务万里行”活动共有${s.reportingUnits}个报送单位。`,
            `As of ${data.asOf}, ${s.reportingUnits} units report in the ${data.year} campaign.`,
          ),
    ),
    l.heading(3, 1, `${track('plan')}${say('：', ': ')}${counts(s.plans)}`),
    l.heading(3, 2, `${track('summary')}${say('：', ': ')}${counts(s.summaries)}`),
    l.heading(2, 2, say('活动开展', 'Activities')),
    l.body(
      say(
        `各单位共记录活动${s.totals.activitiesRecorded.toLocaleString('zh-CN')}场，提出需国家知识产权局协调的需求${s.flaggedDemands}项，已匹配服务资源${s.matches}项。`,
        `The units recorded ${s.totals.activitiesRecorded.toLocaleString('en')} activities and flagged ${s.flaggedDemands} demands for CNIPA coordination, ${s.matches} of them matched to a resource.`,
      ),
    ),
  ];
}

function results(l: ReportLayout, say: Say, data: NationalReportData): Block[] {
  const reported = data.reports.filter((r) => submittedResults(r)).length;
  return [
    l.heading(1, 2, say('主要成效', 'Results')),
    l.body(
      say(
        `据${reported}个单位报送的${itemLabels.resultsSummary.zh}统计，主要成效如下：`,
        `From the results summaries (Annex 2) of ${reported} units:`,
      ),
      { keepNext: true },
    ),
    reportTable(
      l,
      [say('指标', 'Indicator'), say('数值', 'Value'), say('单位', 'Unit')],
      resultRows(say, data.summary.totals),
      [40, 45, 15],
      ['left', 'right', 'center'],
    ),
  ];
}

function matching(l: ReportLayout, say: Say, data: NationalReportData): Block[] {
  const s = data.summary;
  const names = new Map(
    data.reports.map((r) => [
      r.unitCode,
      say(r.nameZh.replace(/知识产权局$/, ''), r.nameEn.replace(/ Intellectual Property Office$/, '')),
    ]),
  );
  const regions = s.keyRegions.map((code) => names.get(code) ?? code);
  return [
    l.heading(1, 3, say('需求对接与重点指导', 'Matching and key guidance')),
    l.heading(2, 1, say('需求对接', 'Matching')),
    l.body(
      say(
        `各单位提出需国家知识产权局协调的需求${s.flaggedDemands}项，已匹配服务资源${s.matches}项。`,
        `${s.flaggedDemands} demands were flagged for CNIPA coordination; ${s.matches} were matched to a resource.`,
      ),
    ),
    l.heading(2, 2, say('重点指导', 'Key guidance')),
    l.body(
      regions.length > 0
        ? say(
            `国家知识产权局选择${regions.join('、')}等${regions.length}个地区予以重点指导和支持，在${s.exchangeHosts.join('、') || '（待定）'}组织交流活动。`,
            `CNIPA chose ${regions.join(', ')} for key guidance and support; exchange events are hosted by ${s.exchangeHosts.join(', ') || '(to be chosen)'}.`,
          )
        : say(
            '重点指导地区和交流活动承办单位尚未确定。',
            'Key guidance regions and exchange hosts are not chosen yet.',
          ),
    ),
  ];
}

function units(l: ReportLayout, say: Say, data: NationalReportData): Block[] {
  return [
    l.heading(1, 4, say('各单位报送情况', 'Submissions by unit')),
    l.body(
      say(
        '各单位报送情况见下表（按通知所列单位顺序，不作排名）。',
        'Each unit in the order of the notice, not ranked:',
      ),
      {
        keepNext: true,
      },
    ),
    reportTable(
      l,
      [
        say('序号', 'No.'),
        say('单位', 'Unit'),
        say(trackLabels.plan.zh, 'Plan and demands'),
        say(trackLabels.summary.zh, 'Summaries'),
        say('活动', 'Activities'),
      ],
      data.reports.map((r, i) => [
        String(i + 1),
        say(r.nameZh, r.nameEn),
        trackCell(say, r, 'plan', data.final),
        trackCell(say, r, 'summary', data.final),
        String(r.activitiesRecorded),
      ]),
      [7, 33, 24, 24, 12],
      ['center', 'left', 'center', 'center', 'right'],
    ),
  ];
}

function notice(l: ReportLayout, say: Say, data: NationalReportData): Block[] {
  const late = data.summary.notice;
  const title = l.heading(1, 5, say('通报', 'Late and missing submissions'));
  if (late.length === 0)
    return [title, l.body(say('各报送单位均按时报送。', 'Every unit submitted on time.'))];
  const count = new Set(late.map((u) => u.unitCode)).size;
  const unitNames = new Map(data.reports.map((r) => [r.unitCode, r.nameEn]));
  return [
    title,
    l.body(
      say(
        `以下${count}个单位逾期报送或未报送，予以通报：`,
        `These ${count} units submitted late or not at all:`,
      ),
      { keepNext: true },
    ),
    reportTable(
      l,
      [
        say('单位', 'Unit'),
        say('事项', 'Deliverable'),
        say('情况', 'Outcome'),
        say('督促至', 'Escalated to'),
      ],
      late.map((u) => [
        say(u.nameZh, unitNames.get(u.unitCode) ?? u.unitCode),
        say(trackLabels[u.track].zh, trackLabels[u.track].en),
        say(noticeOutcomeLabels[u.outcome].zh, noticeOutcomeLabels[u.outcome].en),
        u.maxLevel ? say(levelLabels[u.maxLevel].zh, levelLabels[u.maxLevel].en) : '—',
      ]),
      [34, 30, 18, 18],
      ['left', 'center', 'center', 'center'],
    ),
  ];
}

export async function buildNationalReport(
  data: NationalReportData,
  lang: ReportLanguage = 'zh',
): Promise<Buffer> {
  const layout = lang === 'zh' ? officialLayout : englishLayout;
  const say: Say = (zh, en) => (lang === 'zh' ? zh : en);
  const title = say(
    `${data.year}年“知识产权服务万里行”活动总结`,
    `${data.year} IP Service Campaign: National Summary`,
  );
  const document = new Document({
    creator: say('国家知识产权局', 'CNIPA'),
    title,
    evenAndOddHeaderAndFooters: layout.evenAndOddFooters,
    styles: layout.styles,
    sections: [
      {
        properties: layout.section,
        footers: layout.footers,
        children: [
          layout.title(title),
          ...(data.final
            ? []
            : [
                layout.subtitle(say(`（截至${data.asOf}的阶段性统计）`, `(provisional, as of ${data.asOf})`)),
              ]),
          ...overview(layout, say, data),
          ...results(layout, say, data),
          ...matching(layout, say, data),
          ...units(layout, say, data),
          ...notice(layout, say, data),
          ...layout.signOff(
            say(reportIssuer.zh, reportIssuer.en),
            data.final ? data.summary.compiledOn : data.asOf,
          ),
        ],
      },
    ],
  });
  return layout.finish(await Packer.toBuffer(document));
}
