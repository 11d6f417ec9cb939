// The one-line reasons of a proposal, in Chinese and English, built from the score breakdown and from the
// constraint that decided: a full first choice, a conflict of interest, or nothing to match at all.

import { type Bilingual, formLabels, keyTaskLabels, serviceCategoryLabels } from '../labels.ts';
import type { CatalogueResource } from './catalogue.ts';
import type { Blocked } from './instance.ts';
import type { ScoreBreakdown, UnitDemand } from './scoring.ts';

/** A resource as a reason mentions it: its name and its load after matching. */
export interface ResourceLoad {
  resource: CatalogueResource;
  used: number;
}

/** A label by code, or the code itself: a reason is never worth a TypeError. */
function labelOf(labels: Readonly<Record<string, Bilingual>>, code: string | number): Bilingual {
  return labels[code] ?? { zh: String(code), en: String(code) };
}

function join(parts: readonly Bilingual[]): Bilingual {
  return { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') };
}

function load({ resource, used }: ResourceLoad): string {
  return `${used}/${resource.capacity}`;
}

/** Why this resource: the parts of its score, its remaining capacity, and what ruled out better ones. */
export function matchReason(
  demand: UnitDemand,
  breakdown: ScoreBreakdown,
  chosen: ResourceLoad,
  firstChoice: ResourceLoad | undefined,
  barred: CatalogueResource | undefined,
): Bilingual {
  const { item } = demand;
  const category = labelOf(serviceCategoryLabels, item.serviceCategory);
  const parts: Bilingual[] = [
    { zh: `服务类别一致（${category.zh}）`, en: `same service category (${category.en})` },
  ];
  const task = labelOf(keyTaskLabels, item.keyTask);
  if (breakdown.keyTask > 0) {
    parts.push({
      zh: `重点任务一致（任务${item.keyTask} ${task.zh}）`,
      en: `same key task (${item.keyTask}, ${task.en})`,
    });
  }
  if (breakdown.paired > 0) parts.push({ zh: '对口单位', en: 'paired unit' });
  parts.push(
    breakdown.regionKind === 'local'
      ? { zh: '服务本地区', en: 'serves this region' }
      : { zh: '全国性资源', en: 'national resource' },
  );
  if (breakdown.form > 0) {
    const form = labelOf(formLabels, item.preferredForm);
    parts.push({ zh: `形式相符（${form.zh}）`, en: `suits the preferred form (${form.en})` });
  }
  if (breakdown.matchedKeywords.length > 0) {
    const words = breakdown.matchedKeywords.slice(0, 3);
    parts.push({ zh: `关键词：${words.join('、')}`, en: `keywords: ${words.join(', ')}` });
  }
  const left = chosen.resource.capacity - chosen.used;
  parts.push({
    zh: `剩余容量 ${left}/${chosen.resource.capacity}`,
    en: `capacity left ${left}/${chosen.resource.capacity}`,
  });
  if (firstChoice) {
    parts.push({
      zh: `首选资源已满 (${load(firstChoice)})：${firstChoice.resource.nameZh}`,
      en: `first choice full (${load(firstChoice)}): ${firstChoice.resource.nameEn}`,
    });
  }
  if (barred) {
    parts.push({
      zh: `${barred.nameZh}因利益冲突回避`,
      en: `${barred.nameEn} barred by a conflict of interest`,
    });
  }
  return join(parts);
}

/** Why nothing was matched. `full` lists the allowed resources, best first, all at capacity. */
export function unmatchedReason(
  demand: UnitDemand,
  why: Blocked | 'capacityFull',
  full: readonly ResourceLoad[],
  barredCount: number,
): Bilingual {
  const category = labelOf(serviceCategoryLabels, demand.item.serviceCategory);
  switch (why) {
    case 'noCategory':
      return {
        zh: `无资源提供该服务类别（${category.zh}）`,
        en: `no resource offers this service category (${category.en})`,
      };
    case 'noRegion':
      return {
        zh: `提供该服务类别（${category.zh}）的资源均不服务本地区`,
        en: `no resource offering this service category (${category.en}) serves this region`,
      };
    case 'allVetoed':
      return {
        zh: `可服务的 ${barredCount} 个资源均因利益冲突回避`,
        en: `all ${barredCount} resources that could serve it are barred by a conflict of interest`,
      };
    case 'capacityFull': {
      const shown = full.slice(0, 3);
      const more = full.length - shown.length;
      return {
        zh: `候选资源容量已满：${shown.map((r) => `${r.resource.nameZh} (${load(r)})`).join('、')}${more > 0 ? ` 等 ${full.length} 个` : ''}`,
        en: `every allowed resource is full: ${shown.map((r) => `${r.resource.nameEn} (${load(r)})`).join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
      };
    }
  }
}
