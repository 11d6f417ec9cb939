// How much of a request body the web will read, by route: an upload its file cap, forms and JSON little. The
// limit is checked before anything parses the body (and before the CSRF check reads its field): a declared
// Content-Length over the limit is refused unread (Node's parser never delivers more than it declares), and a
// chunked body is counted as it arrives and refused the moment it passes the limit (hono's bodyLimit).
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { defaultMaxDocumentBytes, formatBytes } from '../../infra/documents/fileType.ts';
import { defaultMaxSpreadsheetBytes } from '../operations/spreadsheets/readUpload.ts';
import { problem } from './problems.ts';
import type { WebRoute } from './routeSpec.ts';
import type { Refuse, WebEnv } from './rules.ts';

const MiB = 1024 * 1024;
/** Room for a multipart form's other fields and boundaries around its files. */
const formRoom = MiB;

export const bodyLimits = {
  /** A page's form without files: sign-in, return, extend, the matching review's decisions. */
  form: 256 * 1024,
  /** An API call's JSON, but for submissions. */
  json: 2 * MiB,
  /** A submission's JSON (a demand list or activity records of thousands of rows). */
  submission: 8 * MiB,
  /** The upload forms: a document, a spreadsheet, or both (the summary). */
  document: defaultMaxDocumentBytes + formRoom,
  spreadsheet: defaultMaxSpreadsheetBytes + formRoom,
  documentAndSpreadsheet: defaultMaxDocumentBytes + defaultMaxSpreadsheetBytes + formRoom,
} as const;

/** The route's own limit, or the one of its kind: a page's form, or an API call's JSON. */
export const maxBodyBytes = (route: WebRoute): number =>
  route.maxBodyBytes ?? (route.page ? bodyLimits.form : bodyLimits.json);

/** Refuses a body over `maxBytes` with 413, before it is read further. */
export function limitBody(maxBytes: number, refuse: Refuse): MiddlewareHandler<WebEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      refuse(
        c as Parameters<Refuse>[0],
        problem(
          413,
          'too-large',
          `请求过大，上限 ${formatBytes(maxBytes)} (the request is too large: the limit here is ${formatBytes(maxBytes)})`,
        ),
      ),
  });
}
