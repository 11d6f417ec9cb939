// A blank .xlsx template for a unit to fill in and submit, with its year and, when given, the unit's name.
import { writeFile } from 'node:fs/promises';
import { formatShanghaiDate } from '../../domain/calendar.ts';
import { defaultRegistry } from '../../domain/defaultRegistry.ts';
import { findUnit, registrySchema } from '../../domain/registry.ts';
import type { SpreadsheetKind } from '../../domain/spreadsheets/annexes.ts';
import { UserError } from '../../infra/userError.ts';
import { readInputFile } from './inputFile.ts';
import { buildTemplate } from './spreadsheets/template.ts';

export interface TemplateRequest {
  /** This year in Beijing when absent. */
  year?: number | undefined;
  unit?: string | undefined;
  /** Where to find the unit (JSON or YAML); the default registry otherwise. */
  registry?: string | undefined;
  /** <year>-<unit>-<kind>.xlsx when absent. */
  out?: string | undefined;
}

export interface WrittenTemplate {
  file: string;
  kind: SpreadsheetKind;
  year: number;
  unit: string | null;
  bytes: number;
}

export async function writeTemplate(
  kind: SpreadsheetKind,
  request: TemplateRequest,
): Promise<WrittenTemplate> {
  const year = request.year ?? Number(formatShanghaiDate(Date.now()).slice(0, 4));
  const registry = request.registry
    ? await readInputFile(request.registry, registrySchema, 'registry')
    : defaultRegistry();
  let unit: { code: string; nameZh: string; nameEn: string } | undefined;
  if (request.unit) {
    try {
      unit = findUnit(registry, request.unit);
    } catch (error) {
      throw new UserError(`--unit: ${(error as Error).message}`);
    }
  }
  const file = request.out ?? `${year}-${unit?.code ?? 'unit'}-${kind}.xlsx`;
  const bytes = await buildTemplate(kind, { year, unit });
  await writeFile(file, bytes);
  return { file, kind, year, unit: unit?.code ?? null, bytes: bytes.length };
}
