// The corpus of other writers' files, made on the spot into a temp folder: Python's openpyxl and
// XlsxWriter (test/fixtures/writers/write_corpus.py), LibreOffice (.xlsx re-saved, .xls, .ods, .csv) and
// exceljs. Each writer missing here is skipped with the reason, which the test prints.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { findSoffice } from '../../client/operations/reports/libreOffice.ts';
import type { CellValue } from '../../domain/spreadsheets/cells.ts';

const run = promisify(execFile);

export interface CorpusSheet {
  name: string;
  headers: string[];
  headersEn: string[];
  firstDataRow: number;
  rows: CellValue[][];
}

export interface CorpusAnnex {
  kind: 'demands' | 'activities' | 'results';
  template: string;
  sheets: CorpusSheet[];
}

/** Python with openpyxl and XlsxWriter: WLX_WRITERS_PYTHON, the venv under .tools/ (see docs), or python3. */
export function writersPython(): string {
  const venv = fileURLToPath(new URL('../../.tools/writers-venv/bin/python', import.meta.url));
  return process.env.WLX_WRITERS_PYTHON ?? (existsSync(venv) ? venv : 'python3');
}

/** Runs write_corpus.py; the files it wrote and the writers it skipped. */
export async function pythonCorpus(
  annexes: readonly CorpusAnnex[],
  outDir: string,
): Promise<{ written: string[]; skipped: string[] }> {
  const script = fileURLToPath(new URL('../fixtures/writers/write_corpus.py', import.meta.url));
  await mkdir(outDir, { recursive: true });
  const spec = join(outDir, 'spec.json');
  await writeFile(spec, JSON.stringify({ annexes }));
  try {
    const { stdout } = await run(writersPython(), [script, spec, outDir], { timeout: 120_000 });
    return JSON.parse(stdout) as { written: string[]; skipped: string[] };
  } catch (error) {
    return { written: [], skipped: [`python: ${(error as Error).message.split('\n')[0]}`] };
  }
}

/**
 * Converts several files to `format` ("xlsx", "xls", "ods", "csv:Text - txt - csv (StarCalc):44,34,76")
 * in one LibreOffice run, into `outDir`; returns the new paths in the order given.
 */
export async function sofficeConvert(
  files: readonly string[],
  format: string,
  outDir: string,
): Promise<string[]> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('soffice not installed');
  const profile = await mkdtemp(join(tmpdir(), 'wlx-soffice-'));
  try {
    await mkdir(outDir, { recursive: true });
    await run(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        format,
        '--outdir',
        outDir,
        ...files,
      ],
      { timeout: 180_000 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const extension = format.split(':')[0] as string;
  return files.map((file) => join(outDir, `${basename(file, extname(file))}.${extension}`));
}
