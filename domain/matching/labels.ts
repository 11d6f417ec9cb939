// Chinese and English names used in proposal reasons: one table each, so both languages always say the same.
import type { ServiceCategory } from '../registry.ts';
import type { forms } from '../submissions.ts';

export interface Bilingual {
  zh: string;
  en: string;
}

export const categoryLabels: Record<ServiceCategory, Bilingual> = {
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

/** The five key tasks of the notice, by number. */
export const keyTaskLabels: Record<number, Bilingual> = {
  1: { zh: '强国建设试点示范', en: 'IP-strong-country pilots' },
  2: { zh: '服务企业创新', en: 'enterprise innovation' },
  3: { zh: '转移转化', en: 'transfer and commercialisation' },
  4: { zh: '服务业集聚区与出口基地', en: 'service clusters and export bases' },
  5: { zh: '行业规范', en: 'conduct of the profession' },
};

export const formLabels: Record<(typeof forms)[number], Bilingual> = {
  online: { zh: '线上', en: 'online' },
  offline: { zh: '线下', en: 'offline' },
  both: { zh: '线上线下', en: 'online and offline' },
};
