// One unit's whole demand list (Annex 1) as it last handed it in, written into the unit's own template:
// the liaison edits it and hands it in again, and every row comes back (not only the flagged ones the
// national export holds). Reading it back gives the same items.
import { writeFile } from 'node:fs/promises';
import type { Client } from '@temporalio/client';
import { defaultRegistry } from '../../domain/defaultRegistry.ts';
import { findUnit } from '../../domain/registry.ts';
import { UserError } from '../../infra/userError.ts';
import { unitDemandList } from '../../reads/unitDemandList.ts';
import { buildTemplate } from './spreadsheets/template.ts';
import type { TemplateUnit } from './spreadsheets/templateFor.ts';

export class NoDemandListError extends UserError {}

export const unitDemandListFileName = (year: number, unitCode: string) =>
  `${year}-${unitCode}-demand-list.xlsx`;

export async function unitDemandListWorkbook(
  client: Client,
  year: number,
  unit: TemplateUnit,
): Promise<Buffer> {
  const list = await unitDemandList(client, year, unit.code);
  if (!list)
    throw new NoDemandListError(
      `${unit.nameZh}尚未报送${year}年需求清单，没有可导出的内容；请下载空白模板填写 (${unit.nameEn} has handed in no demand list for ${year}: download the blank template instead)`,
    );
  return buildTemplate('demands', { year, unit }, list.items);
}

/** Writes the unit's list to `out`, <year>-<unit>-demand-list.xlsx by default. */
export async function writeUnitDemandList(
  client: Client,
  options: { year: number; unit: string; out?: string | undefined },
): Promise<{ file: string; bytes: number }> {
  const bytes = await unitDemandListWorkbook(client, options.year, findUnit(defaultRegistry(), options.unit));
  const file = options.out ?? unitDemandListFileName(options.year, options.unit);
  await writeFile(file, bytes);
  return { file, bytes: bytes.length };
}
