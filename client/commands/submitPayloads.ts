// What `wlx submit` sends, read from the files given: JSON or YAML as before, the filled-in .xlsx
// templates, and documents (--written, --document) stored first and referred to by SHA-256.
import {
  documentRefSchema,
  type ResultsSummary,
  resultsSummarySchema,
  type SummarySubmission,
  summarySubmissionSchema,
  type WorkPlan,
  workPlanSchema,
} from '../../domain/submissions.ts';
import { parseInput } from '../../domain/validation.ts';
import { documentConfig, openDocumentStore } from '../documents/config.ts';
import { formatBytes } from '../documents/fileType.ts';
import { type DocumentRef, putDocumentFile } from '../documents/store.ts';
import { readInputFile } from '../inputFile.ts';
import { progress } from '../output.ts';
import { importSpreadsheetFile, isSpreadsheet } from '../spreadsheets/importSubmission.ts';

export interface PayloadOptions {
  unit: string;
  file?: string | undefined;
  written?: string | undefined;
  document?: string | undefined;
  title?: string | undefined;
  dryRun: boolean;
}

/** Stores a document (only checks it on a dry run) and returns its reference. */
export async function storeDocument(path: string, dryRun: boolean): Promise<DocumentRef> {
  const config = documentConfig();
  const store = dryRun ? null : openDocumentStore(config);
  const ref = await putDocumentFile(store, path, config.DOCUMENT_MAX_BYTES);
  if (store) {
    progress(
      `${ref.stored ? 'stored' : 'already stored'} ${ref.fileName} (${formatBytes(ref.sizeBytes)}, sha256 ${ref.sha256}) in ${store.description}`,
    );
  }
  return { fileName: ref.fileName, sha256: ref.sha256, sizeBytes: ref.sizeBytes };
}

/** The work plan; with --document, the plan's document is stored and its reference replaces the file's. */
export async function loadWorkPlan(o: PayloadOptions & { file: string }): Promise<WorkPlan> {
  if (!o.document) return readInputFile(o.file, workPlanSchema, 'work plan');
  const plan = await readInputFile(
    o.file,
    workPlanSchema.extend({ document: documentRefSchema.optional() }),
    'work plan',
  );
  return parseInput(
    workPlanSchema,
    { ...plan, document: await storeDocument(o.document, o.dryRun) },
    'work plan',
  );
}

export async function loadResults(file: string, unit: string): Promise<ResultsSummary> {
  return isSpreadsheet(file)
    ? await importSpreadsheetFile('results', file, { unitCode: unit })
    : await readInputFile(file, resultsSummarySchema, 'results summary (Annex 2)');
}

/** --file gives Annex 2 (or both parts as JSON/YAML); --written stores the written summary and refers to it. */
export async function loadSummary(o: PayloadOptions): Promise<SummarySubmission> {
  const what = 'summary (written and/or Annex 2)';
  const fromFile: Partial<SummarySubmission> = o.file
    ? isSpreadsheet(o.file)
      ? { results: await loadResults(o.file, o.unit) }
      : await readInputFile(o.file, summarySubmissionSchema, what)
    : {};
  if (!o.written) return parseInput(summarySubmissionSchema, fromFile, what);
  const document = await storeDocument(o.written, o.dryRun);
  const title = o.title ?? document.fileName.replace(/\.[^.]+$/, '');
  return parseInput(summarySubmissionSchema, { ...fromFile, written: { title, document } }, what);
}
