// The national report (活动总结) as a Word document: 公文 layout (A4, 仿宋 三号 body on a 28-point line,
// 黑体 headings numbered 一、二、…, page numbers "— 1 —"), with tables of the results and of every unit's
// submissions. A function of plain data, so it is tested without Temporal.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { levelLabels, noticeOutcomeLabels } from '../../../domain/escalation.ts';
import { itemLabels, trackLabels } from '../../../domain/labels.ts';
import type { Track } from '../../../domain/notices/notifications.ts';
import type { NationalSummary, UnitReport } from '../../../workflows/shared/status.ts';

export interface NationalReportData {
  year: number;
  /** True once the campaign compiled its summary; otherwise a provisional count as of `asOf`. */
  final: boolean;
  asOf: string;
  summary: NationalSummary;
  /** Every reporting unit, in the registry's order. */
  reports: UnitReport[];
}

const font = {
  body: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' },
  heading: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' },
  english: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' },
};
/** Sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt. */
const size = { title: 44, body: 32, page: 28, table: 21, english: 22 };
const line28pt = { line: 560, lineRule: LineRuleType.EXACT };
const mm = (n: number) => Math.round((n / 25.4) * 1440);

function body(text: string): Paragraph {
  return new Paragraph({
    spacing: line28pt,
    indent: { firstLine: 640 },
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, font: font.body, size: size.body })],
  });
}

/** The English beside each Chinese paragraph: smaller, grey, so the Chinese reads as the document. */
function english(text: string): Paragraph {
  return new Paragraph({
    spacing: { after: 120, line: 300, lineRule: LineRuleType.AT_LEAST },
    indent: { firstLine: 640 },
    children: [new TextRun({ text, font: font.english, size: size.english, color: '595959', italics: true })],
  });
}

function heading(number: string, zh: string, en: string): Paragraph {
  return new Paragraph({
    spacing: { ...line28pt, before: 240 },
    indent: { firstLine: 640 },
    keepNext: true,
    children: [
      new TextRun({ text: `${number}、${zh}`, font: font.heading, size: size.body }),
      new TextRun({ text: `　${en}`, font: font.english, size: size.english, color: '595959' }),
    ],
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(
  text: string,
  options: { header?: boolean; align?: 'left' | 'center' | 'right'; width?: number } = {},
) {
  const lines = text.split('\n');
  return new TableCell({
    borders,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 30, bottom: 30 },
    ...(options.width && {
      width: { size: Math.round((textWidth * options.width) / 100), type: WidthType.DXA },
    }),
    children: lines.map(
      (textLine, i) =>
        new Paragraph({
          alignment:
            options.align === 'right'
              ? AlignmentType.RIGHT
              : options.align === 'left'
                ? AlignmentType.LEFT
                : AlignmentType.CENTER,
          children: [
            new TextRun({
              text: textLine,
              font: options.header && i === 0 ? font.heading : font.body,
              size: options.header && i > 0 ? 16 : size.table,
              ...(options.header && i > 0 && { color: '595959' }),
            }),
          ],
        }),
    ),
  });
}

/** A4 less the 28 mm and 26 mm side margins, in twentieths of a point. */
const textWidth = mm(210 - 28 - 26);

function table(
  header: string[],
  rows: string[][],
  widths: number[],
  align: ('left' | 'center' | 'right')[],
): Table {
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths.map((w) => Math.round((textWidth * w) / 100)),
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h, i) => cell(h, { header: true, width: widths[i] ?? 10 })),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((text, i) =>
              cell(text, { align: align[i] ?? 'center', width: widths[i] ?? 10 }),
            ),
          }),
      ),
    ],
  });
}

const spacer = () => new Paragraph({ spacing: { after: 120 }, children: [] });
const number = (n: number) => n.toLocaleString('zh-CN');
const amount = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

function trackCell(report: UnitReport, track: Track, final: boolean): string {
  const clock = report[track];
  if (clock.submittedAt === null) return final || clock.level !== null ? '未报送' : '尚未报送';
  if (clock.maxLevel === null) return `按时（${clock.submittedAt.slice(5)}）`;
  // How far it was escalated is in the 通报 table; here only that it came in late, and when.
  return `逾期（${clock.submittedAt.slice(5)}）`;
}

function overview(data: NationalReportData): Paragraph[] {
  const s = data.summary;
  const t = s.totals;
  const when = data.final ? '' : `截至${data.asOf}，`;
  return [
    heading('一', '总体情况', 'Overview'),
    body(
      `${when}${data.year}年“知识产权服务万里行”活动共有${s.reportingUnits}个报送单位。${trackLabels.plan.zh}按时报送${s.plans.onTime}个、逾期报送${s.plans.late}个、未报送${s.plans.missing}个；${trackLabels.summary.zh}按时报送${s.summaries.onTime}个、逾期报送${s.summaries.late}个、未报送${s.summaries.missing}个。各单位共记录活动${number(t.activitiesRecorded)}场，提出需国家知识产权局协调的需求${s.flaggedDemands}项，已匹配服务资源${s.matches}项。`,
    ),
    english(
      `${data.final ? '' : `As of ${data.asOf}, `}${s.reportingUnits} units report in ${data.year}. Work plans and demand lists: ${s.plans.onTime} on time, ${s.plans.late} late, ${s.plans.missing} missing; summaries: ${s.summaries.onTime} on time, ${s.summaries.late} late, ${s.summaries.missing} missing. ${t.activitiesRecorded} activities recorded; ${s.flaggedDemands} demands flagged for CNIPA coordination, ${s.matches} matched to a resource.`,
    ),
  ];
}

function results(data: NationalReportData): (Paragraph | Table)[] {
  const t = data.summary.totals;
  const reported = data.reports.filter((r) => r.resultsSummary).length;
  const rate =
    t.demandsCollected > 0 ? `${((t.demandsResolved / t.demandsCollected) * 100).toFixed(1)}%` : '—';
  const rows: [string, string, string][] = [
    ['参与人数\nParticipants', number(t.participants), '人次'],
    ['服务企业\nEnterprises served', number(t.enterprisesServed), '家'],
    ['收集需求\nDemands collected', number(t.demandsCollected), '项'],
    ['解决需求\nDemands resolved', `${number(t.demandsResolved)}（${rate}）`, '项'],
    ['专利导航项目\nPatent navigation projects', number(t.navigationProjects), '个'],
    [
      '许可转让\nLicensing and transfer',
      `${number(t.licensingAndTransfer.count)} 笔，${amount(t.licensingAndTransfer.amountTenThousandYuan)} 万元`,
      '',
    ],
    [
      '质押融资\nPledge financing',
      `${number(t.pledgeFinancing.count)} 笔，${amount(t.pledgeFinancing.amountTenThousandYuan)} 万元`,
      '',
    ],
    ['举办培训\nTraining sessions', number(t.trainings), '期'],
    ['媒体报道\nMedia reports', number(t.mediaReports), '篇'],
    ['典型案例\nTypical cases', number(t.typicalCases), '个'],
  ];
  return [
    heading('二', '主要成效', 'Results'),
    body(`据${reported}个单位报送的${itemLabels.resultsSummary.zh}统计，主要成效如下：`),
    english(`From the results summaries (Annex 2) of ${reported} units:`),
    table(['指标\nIndicator', '数值\nValue', '单位\nUnit'], rows, [40, 45, 15], ['left', 'right', 'center']),
    spacer(),
  ];
}

function matching(data: NationalReportData): Paragraph[] {
  const s = data.summary;
  const names = new Map(data.reports.map((r) => [r.unitCode, r.nameZh.replace(/知识产权局$/, '')]));
  const regions = s.keyRegions.map((code) => names.get(code) ?? code);
  const namesEn = new Map(
    data.reports.map((r) => [r.unitCode, r.nameEn.replace(/ Intellectual Property Office$/, '')]),
  );
  return [
    heading('三', '需求对接与重点指导', 'Matching and key guidance'),
    body(
      regions.length > 0
        ? `国家知识产权局选择${regions.join('、')}等${regions.length}个地区予以重点指导和支持，在${s.exchangeHosts.join('、') || '（待定）'}组织交流活动。各单位提出需国家知识产权局协调的需求${s.flaggedDemands}项，已匹配服务资源${s.matches}项。`
        : `重点指导地区和交流活动承办单位尚未确定。各单位提出需国家知识产权局协调的需求${s.flaggedDemands}项，已匹配服务资源${s.matches}项。`,
    ),
    english(
      regions.length > 0
        ? `Key guidance regions: ${s.keyRegions.map((code) => namesEn.get(code) ?? code).join(', ')}; exchange events hosted by ${s.exchangeHosts.join(', ')}. ${s.flaggedDemands} flagged demands, ${s.matches} matched.`
        : `Key guidance regions and exchange hosts not chosen yet. ${s.flaggedDemands} flagged demands, ${s.matches} matched.`,
    ),
  ];
}

function units(data: NationalReportData): (Paragraph | Table)[] {
  return [
    heading('四', '各单位报送情况', 'Submissions by unit'),
    body('各单位报送情况见下表（按通知所列单位顺序，不作排名）。'),
    english('Each unit in the order of the notice, not ranked.'),
    table(
      [
        '序号\nNo.',
        '单位\nUnit',
        `${trackLabels.plan.zh}\nPlan and demands`,
        `${trackLabels.summary.zh}\nSummaries`,
        '活动\nActivities',
      ],
      data.reports.map((r, i) => [
        String(i + 1),
        r.nameZh,
        trackCell(r, 'plan', data.final),
        trackCell(r, 'summary', data.final),
        String(r.activitiesRecorded),
      ]),
      [7, 33, 24, 24, 12],
      ['center', 'left', 'center', 'center', 'right'],
    ),
    spacer(),
  ];
}

function notice(data: NationalReportData): (Paragraph | Table)[] {
  const late = data.summary.notice;
  const title = heading('五', '通报', 'Late and missing submissions');
  if (late.length === 0) {
    return [title, body('各报送单位均按时报送。'), english('Every unit submitted on time.')];
  }
  return [
    title,
    body(`以下${new Set(late.map((l) => l.unitCode)).size}个单位逾期报送或未报送，予以通报：`),
    english('These units submitted late or not at all:'),
    table(
      ['单位\nUnit', '事项\nDeliverable', '情况\nOutcome', '督促至\nEscalated to'],
      late.map((l) => [
        l.nameZh,
        trackLabels[l.track].zh,
        noticeOutcomeLabels[l.outcome].zh,
        l.maxLevel ? levelLabels[l.maxLevel].zh : '—',
      ]),
      [34, 30, 18, 18],
      ['left', 'center', 'center', 'center'],
    ),
  ];
}

export async function buildNationalReport(data: NationalReportData): Promise<Buffer> {
  const title = `${data.year}年“知识产权服务万里行”活动总结`;
  const document = new Document({
    creator: 'wlx 知识产权服务万里行',
    title,
    styles: { default: { document: { run: { font: font.body, size: size.body } } } },
    sections: [
      {
        properties: {
          page: { margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: font.body,
                    size: size.page,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120, line: 700, lineRule: LineRuleType.AT_LEAST },
            children: [new TextRun({ text: title, font: font.heading, size: size.title })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({
                text: `${data.year} IP Service Campaign (知识产权服务万里行): national summary`,
                font: font.english,
                size: size.english,
                color: '595959',
              }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 360, ...line28pt },
            children: [
              new TextRun({
                text: `国家知识产权局知识产权运用促进司　${data.final ? data.summary.compiledOn : `${data.asOf}（阶段性统计）`}`,
                font: font.body,
                size: size.body,
              }),
            ],
          }),
          ...overview(data),
          ...results(data),
          ...matching(data),
          ...units(data),
          ...notice(data),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
