// The resource catalogue (服务资源目录) as a sheet: one row per resource, its lists (categories, key tasks,
// regions, keywords, contacts, conflicts) each in one cell separated by 、. Regions and conflicts are picked
// from the registry's units, so the table is made for a registry.
import { z } from 'zod';
import { type Bilingual, formLabels, resourceKindLabels, serviceCategoryLabels } from '../../labels.ts';
import { type CatalogueResource, catalogueResourceSchema } from '../../matching/catalogue.ts';
import { type Registry, resourceKinds, serviceCategories } from '../../registry.ts';
import { forms } from '../../submissions.ts';
import {
  choice,
  code,
  column,
  contacts,
  count,
  keyTask,
  listOf,
  type SheetSpec,
  sheetOf,
  text,
  yesNo,
} from '../column.ts';

const national = 'national';
const nationalLabel: Bilingual = { zh: '全国', en: 'national' };

/** A unit as a region is named: "北京市" rather than "北京市知识产权局". */
function regionLabel(unit: { nameZh: string; nameEn: string }): Bilingual {
  return {
    zh: unit.nameZh.replace(/知识产权局$/, '') || unit.nameZh,
    en: unit.nameEn.replace(/ Intellectual Property Office$/, '') || unit.nameEn,
  };
}

/** A message of the catalogue's schema written as "中文 / English" is shown as it is. */
function bilingualMessage(message: string): Bilingual | undefined {
  const parts = /^([^/]*[\u4e00-\u9fff][^/]*?)\s*\/\s+(.+)$/s.exec(message);
  return parts ? { zh: parts[1] as string, en: parts[2] as string } : undefined;
}

// A cell of "全国" alone is the literal the schema takes for a national resource.
const rowSchema = z.preprocess((row) => {
  const r = row as Record<string, unknown>;
  const regions = r.regions;
  return Array.isArray(regions) && regions.length === 1 && regions[0] === national
    ? { ...r, regions: national }
    : r;
}, catalogueResourceSchema) as unknown as z.ZodType<CatalogueResource>;

export const catalogueSheetName: Bilingual = { zh: '服务资源目录', en: 'Resource catalogue' };

export function catalogueSheet(registry: Registry): SheetSpec<CatalogueResource> {
  const units = registry.units.map((u) => u.code);
  const labels = Object.fromEntries(registry.units.map((u) => [u.code, regionLabel(u)]));
  const regions = choice([national, ...units], { ...labels, [national]: nationalLabel });
  const unitChoice = choice(units, labels);
  const several: Bilingual = {
    zh: '从下拉列表选择；多项用“、”分隔',
    en: 'pick from the list; several separated by 、',
  };
  return sheetOf<CatalogueResource>({
    name: catalogueSheetName,
    title: () => ({ zh: '“知识产权服务万里行”服务资源目录', en: 'IP Service Campaign — resource catalogue' }),
    schema: rowSchema,
    templateRows: 300,
    columns: [
      column('id', { zh: '资源编号', en: 'Resource ID' }, code, {
        aliases: ['编号', 'ID'],
        hint: {
          zh: '小写字母、数字和“-”，如 cnipa-strategy',
          en: 'lowercase letters, digits and "-", e.g. cnipa-strategy',
        },
        width: 22,
      }),
      column('nameZh', { zh: '资源名称', en: 'Name (Chinese)' }, text, {
        aliases: ['名称', '中文名称'],
        hint: { zh: '中文全称', en: 'full name in Chinese' },
        width: 30,
      }),
      column('nameEn', { zh: '英文名称', en: 'Name (English)' }, text, {
        aliases: ['English name'],
        hint: { zh: '英文全称', en: 'full name in English' },
        width: 30,
      }),
      column('kind', { zh: '资源类型', en: 'Kind' }, choice(resourceKinds, resourceKindLabels), {
        aliases: ['类型'],
        hint: { zh: '从下拉列表选择', en: 'pick from the list' },
        width: 20,
      }),
      column('cnipaUnit', { zh: '国家局单位', en: 'CNIPA unit' }, yesNo, {
        aliases: ['是否国家局单位'],
        hint: {
          zh: '“是”：国家局内设机构、专利局或商标局、直属单位，可一对一对口',
          en: '是 (yes) for a part of CNIPA, which can be paired one-to-one',
        },
        width: 12,
      }),
      column(
        'serviceCategories',
        { zh: '服务类别', en: 'Service categories' },
        listOf(choice(serviceCategories, serviceCategoryLabels)),
        {
          aliases: ['服务类型'],
          hint: several,
          width: 30,
        },
      ),
      column('keyTasks', { zh: '重点任务', en: 'Key tasks' }, listOf(keyTask), {
        aliases: ['重点任务编号'],
        hint: { zh: '1–5 的编号，1 至 5 项，如 1、2', en: 'numbers 1–5, one to five of them, e.g. 1、2' },
        width: 14,
      }),
      column('regions', { zh: '服务地区', en: 'Regions' }, listOf(regions), {
        aliases: ['地区', '服务范围'],
        hint: {
          zh: '“全国”，或所服务的省（市）名称或代码，多项用“、”分隔；省也包括其下单列的市',
          en: '全国 (national), or the units served by name or code, separated by 、; a province covers its cities',
        },
        width: 30,
      }),
      column('form', { zh: '服务形式', en: 'Form' }, choice(forms, formLabels), {
        aliases: ['形式'],
        hint: { zh: '线上、线下或线上线下结合', en: 'online, offline or both' },
        width: 22,
      }),
      column('capacity', { zh: '年度容量', en: 'Capacity per year' }, count, {
        aliases: ['容量', 'Capacity'],
        hint: {
          zh: '每年可承接的需求数，0 或正整数',
          en: 'flagged demands it can take on a year, 0 or more',
        },
        width: 12,
      }),
      column('keywords', { zh: '关键词', en: 'Keywords' }, listOf(text), {
        hint: {
          zh: '选填，每个至少2个字，多个用“、”分隔；与需求的领域和描述比对',
          en: 'optional, 2 characters or more each, separated by 、; looked for in demands',
        },
        width: 30,
        optional: true,
      }),
      column('contacts', { zh: '联系人', en: 'Contacts' }, contacts, {
        aliases: ['联系人及邮箱'],
        hint: {
          zh: '姓名和电子邮箱，如“王芳 <wang@example.cn>”，多人用“、”分隔',
          en: 'name and e-mail, e.g. "王芳 <wang@example.cn>"; several separated by 、',
        },
        width: 36,
      }),
      column('conflicts', { zh: '回避单位', en: 'Conflicts' }, listOf(unitChoice), {
        aliases: ['回避'],
        hint: {
          zh: '选填：不得服务的单位，名称或代码，多项用“、”分隔',
          en: 'optional: units it may not serve, by name or code, separated by 、',
        },
        width: 24,
        optional: true,
      }),
    ],
    rules: {},
    issueMessage: bilingualMessage,
  });
}
