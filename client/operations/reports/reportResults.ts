// The rows of the report's results table (section 二): each figure of Annex 2 summed over the units.
import type { NationalSummary } from '../../../workflows/shared/status.ts';

type Say = (zh: string, en: string) => string;

export function resultRows(say: Say, t: NationalSummary['totals']): string[][] {
  const locale = say('zh-CN', 'en');
  const number = (n: number) => n.toLocaleString(locale);
  const amount = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 2 });
  const rate =
    t.demandsCollected > 0 ? `${((t.demandsResolved / t.demandsCollected) * 100).toFixed(1)}%` : '—';
  const deals = (d: { count: number; amountTenThousandYuan: number }) =>
    say(
      `${number(d.count)} 笔，${amount(d.amountTenThousandYuan)} 万元`,
      `${number(d.count)} deals, ${amount(d.amountTenThousandYuan * 10_000)} yuan`,
    );
  return [
    [say('参与人数', 'Participants'), number(t.participants), say('人次', 'person-visits')],
    [say('服务企业', 'Enterprises served'), number(t.enterprisesServed), say('家', 'enterprises')],
    [say('收集需求', 'Demands collected'), number(t.demandsCollected), say('项', 'demands')],
    [
      say('解决需求', 'Demands resolved'),
      say(`${number(t.demandsResolved)}（${rate}）`, `${number(t.demandsResolved)} (${rate})`),
      say('项', 'demands'),
    ],
    [say('专利导航项目', 'Patent navigation projects'), number(t.navigationProjects), say('个', 'projects')],
    [say('许可转让', 'Licensing and transfer'), deals(t.licensingAndTransfer), ''],
    [say('质押融资', 'Pledge financing'), deals(t.pledgeFinancing), ''],
    [say('举办培训', 'Training sessions'), number(t.trainings), say('期', 'sessions')],
    [say('媒体报道', 'Media reports'), number(t.mediaReports), say('篇', 'reports')],
    [say('典型案例', 'Typical cases'), number(t.typicalCases), say('个', 'cases')],
  ];
}
