// Reads an operators' holidays file (YAML or JSON; .xlsx in readHolidayWorkbook.ts): every error at once, each
// naming its line and field.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { type HolidayFile, holidayFileSchema } from '../../../domain/calendar/holidayFile.ts';
import { fieldPath, InvalidInputError } from '../../../domain/validation.ts';
import { readHolidayWorkbook } from './readHolidayWorkbook.ts';

/** The node at `path`, or the deepest one on the way there (a missing field is reported where it belongs). */
function nodeAt(root: unknown, path: readonly PropertyKey[]): Node | null {
  let node = root as Node | null;
  for (const part of path) {
    let next: unknown;
    if (isMap(node))
      next = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(part))?.value;
    else if (isSeq(node)) next = node.items[Number(part)];
    if (!next) break;
    node = next as Node;
  }
  return node;
}

export async function readHolidayFile(path: string): Promise<HolidayFile> {
  if (extname(path).toLowerCase() === '.xlsx') return readHolidayWorkbook(path);
  const what = `holidays file ${path}`;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError(what, [
      { path, message: `cannot read the file (${(error as NodeJS.ErrnoException).code})` },
    ]);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const syntax = doc.errors[0];
  if (syntax) {
    throw new InvalidInputError(what, [
      { path: `line ${syntax.linePos?.[0].line ?? '?'}`, message: `not valid YAML: ${syntax.code}` },
    ]);
  }
  const result = holidayFileSchema.safeParse(doc.toJS() ?? {});
  if (result.success) return result.data;
  throw new InvalidInputError(
    what,
    result.error.issues.map((issue) => {
      const offset = nodeAt(doc.contents, issue.path)?.range?.[0];
      const line = offset === undefined ? '' : `line ${lineCounter.linePos(offset).line}, `;
      return { path: `${line}${fieldPath(issue.path)}`, message: issue.message };
    }),
  );
}
