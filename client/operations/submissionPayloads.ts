// What a unit submits, read from the files it gives: JSON or YAML, the filled-in .xlsx templates, and
// documents (the written summary, the plan's document) stored first and referred to by SHA-256.
import {
  type ActivityRecord,
  activityRecordSchema,
  type DemandList,
  demandListSchema,
  documentRefSchema,
  type ResultsSummary,
  resultsSummarySchema,
  type SummarySubmission,
  summarySubmissionSchema,
  type WorkPlan,
  workPlanSchema,
} from '../../domain/submissions.ts';
import { parseInput } from '../../domain/validation.ts';
import type { DocumentConfig } from '../../infra/documents/config.ts';
import type { DocumentRef } from '../../infra/documents/store.ts';
import { putDocument } from './documents.ts';
import { readInputFile } from './inputFile.ts';
import { importSpreadsheetFile, isSpreadsheet } from './spreadsheets/importSubmission.ts';

export interface Payloads {
  plan: WorkPlan;
  demands: DemandList;
  activity: ActivityRecord;
  results: SummarySubmission;
  summary: SummarySubmission;
}
export type SubmissionKind = keyof Payloads;

/** What each kind is called in messages. */
export const submissionNames: { [K in SubmissionKind]: string } = {
  plan: 'work plan',
  demands: 'demand list (Annex 1)',
  activity: 'activity record',
  results: 'results summary (Annex 2)',
  summary: 'summary (written and/or Annex 2)',
};

export interface SubmissionFiles {
  /** The unit submitting: a template made for another unit is refused. */
  unit: string;
  /** The campaign year submitted to: a template made for another year is refused. */
  year?: number | undefined;
  file?: string | undefined;
  /** The written summary's document. */
  written?: string | undefined;
  /** The written summary's title; its file name otherwise. */
  title?: string | undefined;
  /** The work plan's document, in place of the reference in the plan's file. */
  document?: string | undefined;
  /** Check and compute references only: store nothing. */
  dryRun: boolean;
  /** Where documents go; DOCUMENT_STORE and the rest of the environment when absent. */
  documents?: DocumentConfig | undefined;
}

/** A document put in the store while reading a submission. */
export type StoredDocument = DocumentRef & { stored: boolean; where: string };

/** Stores `path` (on a dry run only checks it) and returns its reference; `kept` hears of what was stored. */
async function storeDocument(path: string, o: SubmissionFiles, kept: StoredDocument[]): Promise<DocumentRef> {
  const put = await putDocument(path, { dryRun: o.dryRun, config: o.documents });
  if (put.where !== null) kept.push({ ...put.reference, stored: put.stored, where: put.where });
  return put.reference;
}

/** The work plan; with a document, the document is stored and its reference replaces the file's. */
async function workPlan(file: string, o: SubmissionFiles, kept: StoredDocument[]): Promise<WorkPlan> {
  if (!o.document) return readInputFile(file, workPlanSchema, submissionNames.plan);
  const plan = await readInputFile(
    file,
    workPlanSchema.extend({ document: documentRefSchema.optional() }),
    submissionNames.plan,
  );
  const document = await storeDocument(o.document, o, kept);
  return parseInput(workPlanSchema, { ...plan, document }, submissionNames.plan);
}

const target = (o: SubmissionFiles) => ({ unitCode: o.unit, year: o.year });

async function demandList(file: string, o: SubmissionFiles): Promise<DemandList> {
  return isSpreadsheet(file)
    ? importSpreadsheetFile('demands', file, target(o))
    : readInputFile(file, demandListSchema, submissionNames.demands);
}

/** One record from JSON or YAML, or every row of the activities template. */
async function activities(file: string, o: SubmissionFiles): Promise<ActivityRecord[]> {
  return isSpreadsheet(file)
    ? importSpreadsheetFile('activities', file, target(o))
    : [await readInputFile(file, activityRecordSchema, submissionNames.activity)];
}

async function results(file: string, o: SubmissionFiles): Promise<ResultsSummary> {
  return isSpreadsheet(file)
    ? importSpreadsheetFile('results', file, target(o))
    : readInputFile(file, resultsSummarySchema, submissionNames.results);
}

/** The file gives Annex 2 (or both parts as JSON/YAML); a written document is stored and referred to. */
async function summary(o: SubmissionFiles, kept: StoredDocument[]): Promise<SummarySubmission> {
  const what = submissionNames.summary;
  const fromFile: Partial<SummarySubmission> = o.file
    ? isSpreadsheet(o.file)
      ? { results: await results(o.file, o) }
      : await readInputFile(o.file, summarySubmissionSchema, what)
    : {};
  if (!o.written) return parseInput(summarySubmissionSchema, fromFile, what);
  const document = await storeDocument(o.written, o, kept);
  const title = o.title ?? document.fileName.replace(/\.[^.]+$/, '');
  return parseInput(summarySubmissionSchema, { ...fromFile, written: { title, document } }, what);
}

/** Every kind's payloads, in the order they are sent; each validated before any is returned. */
export const payloadReaders: {
  [K in SubmissionKind]: (file: string, o: SubmissionFiles, kept: StoredDocument[]) => Promise<Payloads[K][]>;
} = {
  plan: async (file, o, kept) => [await workPlan(file, o, kept)],
  demands: async (file, o) => [await demandList(file, o)],
  activity: (file, o) => activities(file, o),
  results: async (file, o) => [{ results: await results(file, o) }],
  summary: async (_file, o, kept) => [await summary(o, kept)],
};
