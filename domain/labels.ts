// Chinese and English names of every enumeration in the submissions, for drop-down lists, imports, exports,
// reports, letters and matching reasons. One table each, so a list, its import, its report, a letter and a
// page say the same. The escalation levels are named with their ladder, in escalation.ts.
import type { Track } from './notices/notifications.ts';
import type { resourceKinds, ServiceCategory } from './registry.ts';
import type { activityTypes, entityTypes, forms, ReturnableItem } from './submissions.ts';

export interface Bilingual {
  zh: string;
  en: string;
}

/** "Work plan and demand list": the English for the start of a line or a cell. */
export const capitalised = (label: Bilingual): Bilingual => ({
  zh: label.zh,
  en: label.en.charAt(0).toUpperCase() + label.en.slice(1),
});

/** The two deliverables, in the 2022 notice's words ("书面总结和成果总结（附件2）"). */
export const trackLabels: Record<Track, Bilingual> = {
  plan: { zh: '工作方案和需求清单', en: 'work plan and demand list' },
  summary: { zh: '书面总结和成果总结', en: 'written summary and results summary' },
};

/** The items a unit hands in, in the notice's words, with the annex each is. */
export const itemLabels: Record<ReturnableItem, Bilingual> = {
  workPlan: { zh: '工作方案', en: 'work plan' },
  demandList: { zh: '需求清单（附件1）', en: 'demand list (Annex 1)' },
  writtenSummary: { zh: '书面总结', en: 'written summary' },
  resultsSummary: { zh: '成果总结（附件2）', en: 'results summary (Annex 2)' },
};

/** An item by its id, as a unit's status lists it; one this release does not know, as given. */
export const itemLabel = (item: string): Bilingual =>
  itemLabels[item as ReturnableItem] ?? { zh: item, en: item };

export const entityTypeLabels: Record<(typeof entityTypes)[number], Bilingual> = {
  enterprise: { zh: '企业', en: 'enterprise' },
  sme: { zh: '中小企业', en: 'SME' },
  university: { zh: '高校', en: 'university' },
  researchInstitute: { zh: '科研院所', en: 'research institute' },
  park: { zh: '园区', en: 'park' },
  cluster: { zh: '产业集聚区', en: 'industry cluster' },
};

export const serviceCategoryLabels: Record<ServiceCategory, Bilingual> = {
  patentNavigation: { zh: '专利导航', en: 'patent navigation' },
  transferLicensing: { zh: '转让许可', en: 'transfer and licensing' },
  pledgeFinancing: { zh: '质押融资', en: 'pledge financing' },
  geographicalIndication: { zh: '地理标志', en: 'geographical indications' },
  trademarkBrand: { zh: '商标品牌', en: 'trademarks and brands' },
  protection: { zh: '知识产权保护', en: 'IP protection' },
  information: { zh: '信息服务', en: 'information services' },
  training: { zh: '培训', en: 'training' },
  consultation: { zh: '咨询', en: 'consultation' },
  other: { zh: '其他', en: 'other services' },
};

export const resourceKindLabels: Record<(typeof resourceKinds)[number], Bilingual> = {
  cnipaDepartment: { zh: '国家局内设机构', en: 'CNIPA department' },
  patentOfficeDepartment: { zh: '专利局部门', en: 'Patent Office department' },
  trademarkOffice: { zh: '商标局', en: 'Trademark Office' },
  affiliatedUnit: { zh: '直属单位', en: 'affiliated unit' },
  association: { zh: '行业协会', en: 'association' },
  researchInstitute: { zh: '研究机构', en: 'research institute' },
  serviceAgency: { zh: '服务机构', en: 'service agency' },
  expert: { zh: '专家', en: 'expert' },
};

export const formLabels: Record<(typeof forms)[number], Bilingual> = {
  online: { zh: '线上', en: 'online' },
  offline: { zh: '线下', en: 'offline' },
  both: { zh: '线上线下结合', en: 'online and offline' },
};

export const activityTypeLabels: Record<(typeof activityTypes)[number], Bilingual> = {
  inspection: { zh: '巡查', en: 'inspection' },
  research: { zh: '调研', en: 'research' },
  lecture: { zh: '知识讲座', en: 'lecture' },
  siteVisit: { zh: '现场观摩', en: 'site visit' },
  experienceExchange: { zh: '经验交流', en: 'experience exchange' },
  freeConsultation: { zh: '公益咨询', en: 'free consultation' },
  matchmaking: { zh: '供需对接', en: 'matchmaking' },
  exhibition: { zh: '展示展览', en: 'exhibition' },
  training: { zh: '培训', en: 'training' },
  other: { zh: '其他', en: 'other' },
};

/** The five key tasks of the notice, by number. */
export const keyTaskLabels: Record<1 | 2 | 3 | 4 | 5, Bilingual> = {
  1: { zh: '强国建设试点示范', en: 'IP-strong-country pilots' },
  2: { zh: '服务企业创新', en: 'enterprise innovation' },
  3: { zh: '转移转化', en: 'transfer and commercialisation' },
  4: { zh: '服务业集聚区与出口基地', en: 'service clusters and export bases' },
  5: { zh: '行业作风建设', en: 'conduct of the profession' },
};
