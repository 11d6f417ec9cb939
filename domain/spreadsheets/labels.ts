// What a spreadsheet accepts beyond the labels themselves (domain/labels.ts): aliases and drop-down options.
import { type Bilingual, keyTaskLabels } from '../labels.ts';

/** Other spellings offices use for the same value; compared after normalisation (see cells.ts). */
export const enumAliases: Record<string, readonly string[]> = {
  enterprise: ['公司', '大型企业', '龙头企业'],
  sme: ['中小型企业', '小微企业', '专精特新', '专精特新企业', '专精特新中小企业'],
  university: ['高等院校', '高等学校', '大学', '院校'],
  researchInstitute: ['科研机构', '研究院', '研究所', '科研单位'],
  park: ['产业园区', '园区企业', '开发区', '高新区'],
  cluster: ['集聚区', '产业集群', '服务业集聚区'],
  online: ['网上', '线上活动', '在线'],
  offline: ['现场', '线下活动'],
  both: [
    '线上线下',
    '线上+线下',
    '线上和线下',
    '线上/线下',
    '线上、线下',
    'online/offline',
    '均可',
    '都可以',
  ],
  transferLicensing: ['专利转让', '专利许可', '许可转让', '转移转化', '转化运用'],
  pledgeFinancing: ['知识产权质押融资', '专利质押', '质押'],
  geographicalIndication: ['地理标志推广', 'GI'],
  trademarkBrand: ['商标', '品牌', '商标品牌建设'],
  protection: ['维权', '保护', '维权援助'],
  information: ['信息', '信息检索', '专利检索', '检索'],
  training: ['人才培训', '业务培训'],
  consultation: ['咨询服务', '公益咨询'],
  inspection: ['检查', '督导'],
  research: ['调查研究', '专题调研'],
  lecture: ['讲座', '宣讲', '知识讲堂'],
  siteVisit: ['观摩', '走访', '现场走访', '实地走访'],
  experienceExchange: ['交流', '交流会'],
  freeConsultation: ['义诊', '咨询', '免费咨询'],
  matchmaking: ['对接', '对接会', '对接活动', '银企对接'],
  exhibition: ['展览', '展示', '展会'],
};

/** "中小企业 SME": what a drop-down offers; an import takes it, either half, or the code. */
export function optionLabel(label: Bilingual): string {
  return `${label.zh} ${label.en}`;
}

export function keyTaskOption(task: 1 | 2 | 3 | 4 | 5): string {
  return `${task} ${optionLabel(keyTaskLabels[task])}`;
}
