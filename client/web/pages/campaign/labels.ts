// How the dashboard names things: the standings of its legend, the campaign's phases, the national outputs,
// and units by their short names (the tiles are small). Items, deliverables and levels are named in domain/
// (labels.ts, escalation.ts), so both pages, the letters and the report say the same.

import { type Bilingual, itemLabel } from '../../../../domain/labels.ts';
import type { CampaignStatus } from '../../../../workflows/shared/status.ts';
import type { NationalOutput } from '../../../operations/nationalOutputs.ts';
import { type Html, type Lang, t } from '../html.ts';

export const tb = (label: Bilingual): Html => t(label.zh, label.en);

export { standingLabels } from '../../../operations/describe/standing.ts';

export const phaseLabels: Record<CampaignStatus['phase'], Bilingual> = {
  beforeLaunch: { zh: '尚未启动', en: 'before launch' },
  launch: { zh: '启动', en: 'launch' },
  survey: { zh: '需求调研', en: 'survey' },
  matching: { zh: '资源匹配', en: 'matching' },
  activities: { zh: '活动开展', en: 'activities' },
  summary: { zh: '总结报送', en: 'summary' },
  compiling: { zh: '全国汇总中', en: 'compiling' },
  closed: { zh: '已结束', en: 'closed' },
};

export const outputLabels: Record<NationalOutput, Bilingual & { note: Bilingual }> = {
  demands: {
    zh: '需求汇总表',
    en: 'Flagged demands',
    note: { zh: '各单位需国家局协调的需求及匹配资源', en: 'demands flagged for CNIPA, with their resources' },
  },
  matches: {
    zh: '需求匹配表',
    en: 'Matches',
    note: { zh: '逐条需求的匹配结果及未匹配需求', en: 'every match, and flagged demands without one' },
  },
  results: {
    zh: '成果汇总表',
    en: 'Results',
    note: { zh: '各单位附件2及全国合计', en: 'every unit’s Annex 2 with national totals' },
  },
  report: {
    zh: '活动总结',
    en: 'National report',
    note: {
      zh: '全国活动总结（含通报），公文格式',
      en: 'the national summary, with the 通报 list, as a 公文',
    },
  },
  reportEn: {
    zh: '活动总结英文版',
    en: 'National report in English',
    note: { zh: '供参考的英文译本', en: 'the same report in English, for information' },
  },
};

/** "北京" / "Beijing", "新疆兵团" / "Xinjiang Corps": a unit's short name, as CNIPA's tables write it. */
export const shortName = (unit: { nameZh: string; nameEn: string }): Bilingual => ({
  zh: unit.nameZh
    .replace(/知识产权局$/, '')
    .replace(/生产建设兵团$/, '兵团')
    .replace(/(省|市|(壮族|回族|维吾尔)?自治区)$/, ''),
  en: unit.nameEn.replace(/ Intellectual Property Office$/, '').replace(/ Production and Construction/, ''),
});

/** Days to a deadline in words: "剩 3 天", "今日截止", "逾期 3 天". */
export function daysLabel(daysLeft: number): Bilingual {
  if (daysLeft > 0) return { zh: `剩 ${daysLeft} 天`, en: `${daysLeft} d left` };
  if (daysLeft === 0) return { zh: '今日截止', en: 'due today' };
  return { zh: `逾期 ${-daysLeft} 天`, en: `${-daysLeft} d late` };
}

/** What is missing: "工作方案、需求清单（附件1）"; `short` leaves out the annex, for the tiles. */
export function missingLabel(items: readonly string[], short = false): Bilingual {
  const labels = items.map(itemLabel);
  const cut = (text: string) => (short ? text.replace(/\s*[（(].*[）)]$/, '') : text);
  return {
    zh: labels.map((l) => cut(l.zh)).join('、'),
    en: labels.map((l) => cut(l.en)).join(', '),
  };
}

/**
 * The reader's language alone, where both would not fit (a tile, a checkbox); the legend, the headings and
 * the element's title give both.
 */
export const inLang = (lang: Lang, label: Bilingual): string => (lang === 'en' ? label.en : label.zh);
