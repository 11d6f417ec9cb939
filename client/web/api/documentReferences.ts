// A submission through the API names its documents by SHA-256; each must be in the document store already
// (put there by `wlx document put` or an upload), or the submission would point at nothing.
import { documentConfig, openDocumentStore } from '../../../infra/documents/config.ts';
import type { SubmissionKind } from '../../operations/submissionPayloads.ts';
import { type FieldError, type Problem, problem } from '../problems.ts';

/** The document references of a submission, by the field that holds each. */
function references(kind: SubmissionKind, payload: unknown): [string, string][] {
  const body = (payload ?? {}) as {
    document?: { sha256?: string };
    written?: { document?: { sha256?: string } };
  };
  if (kind === 'plan' && body.document?.sha256) return [['document.sha256', body.document.sha256]];
  if (kind === 'summary' && body.written?.document?.sha256)
    return [['written.document.sha256', body.written.document.sha256]];
  return [];
}

/** A 422 naming each referenced document the store does not hold; null when all are there. */
export async function missingDocuments(kind: SubmissionKind, payload: unknown): Promise<Problem | null> {
  const named = references(kind, payload);
  if (named.length === 0) return null;
  const store = openDocumentStore(documentConfig());
  const errors: FieldError[] = [];
  for (const [field, sha256] of named) {
    if (!(await store.has(sha256)))
      errors.push({
        field,
        message: `文档库中没有此文档，请先上传 (no document with this SHA-256 is stored; put it first: wlx document put FILE)`,
      });
  }
  if (errors.length === 0) return null;
  return problem(
    422,
    'invalid-input',
    `invalid request body: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
    errors,
  );
}
