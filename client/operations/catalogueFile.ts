// A resource catalogue from a file: the Excel workbook operators keep (wlx template catalogue), or JSON or
// YAML; either way checked against the registry. And the catalogue written back as a workbook.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { defaultCatalogue } from '../../domain/defaultCatalogue.ts';
import { defaultRegistry } from '../../domain/defaultRegistry.ts';
import type { ResourceCatalogue } from '../../domain/matching/catalogue.ts';
import { loadResourceCatalogue } from '../../domain/matching/catalogueLoader.ts';
import { type Registry, registrySchema } from '../../domain/registry.ts';
import { DocumentRejectedError } from '../../infra/documents/fileType.ts';
import { readInputFile } from './inputFile.ts';
import { buildCatalogueWorkbook, importCatalogueWorkbook } from './spreadsheets/catalogueWorkbook.ts';
import { isSpreadsheet } from './spreadsheets/importSubmission.ts';
import { defaultMaxSpreadsheetBytes, refuseOversized } from './spreadsheets/readUpload.ts';

async function readBytes(path: string): Promise<Buffer> {
  try {
    // An oversized file is refused before it is read into memory.
    refuseOversized(basename(path), (await stat(path)).size, defaultMaxSpreadsheetBytes);
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    throw new DocumentRejectedError(`无法读取“${path}”（${code}）`, `cannot read "${path}" (${code})`);
  }
}

/** The catalogue in `path`: .xlsx (or .xls, .et, .ods, .csv) read as the template, else JSON or YAML. */
export async function readCatalogueFile(path: string, registry: Registry): Promise<ResourceCatalogue> {
  if (isSpreadsheet(path)) return importCatalogueWorkbook(basename(path), await readBytes(path), registry);
  return loadResourceCatalogue(await readInputFile(path, z.unknown(), 'catalogue'), registry, path);
}

/** The registry in `path` (JSON or YAML), or the default one. */
export async function registryFrom(path: string | undefined): Promise<Registry> {
  return path ? readInputFile(path, registrySchema, 'registry') : defaultRegistry();
}

export interface WrittenCatalogue {
  file: string;
  resources: number;
  bytes: number;
}

/**
 * The catalogue as a workbook at `out`: `source`'s resources, the shipped ones when `source` is absent, or
 * none (a blank template) when `blank`.
 */
export async function writeCatalogueWorkbook(request: {
  out: string;
  registry?: string | undefined;
  source?: string | undefined;
  blank?: boolean;
}): Promise<WrittenCatalogue> {
  const registry = await registryFrom(request.registry);
  const catalogue = request.blank
    ? null
    : request.source
      ? await readCatalogueFile(request.source, registry)
      : defaultCatalogue(registry);
  const bytes = await buildCatalogueWorkbook(registry, catalogue);
  await writeFile(request.out, bytes);
  return { file: request.out, resources: catalogue?.resources.length ?? 0, bytes: bytes.length };
}
