// A scan of an XML part before any parser sees it: no DTD (spreadsheets never need one, and entity
// declarations are how "billion laughs" expands a small file), nesting no deeper than a sheet needs, and
// merged ranges no larger than a form has.
import { DocumentRejectedError } from '../../../infra/documents/fileType.ts';

/** A sheet nests about six deep (worksheet, sheetData, row, c, is, r, t); rich text a few more. */
export const maxXmlDepth = 64;

const lt = 0x3c;
const gt = 0x3e;
const slash = 0x2f;
const bang = 0x21;
const question = 0x3f;
const quote = 0x22;
const apostrophe = 0x27;
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const commentStart = ascii('<!--');
const commentEnd = ascii('-->');
const cdataStart = ascii('<![CDATA[');
const cdataEnd = ascii(']]>');

const startsAt = (bytes: Uint8Array, at: number, prefix: Uint8Array) =>
  prefix.every((b, i) => bytes[at + i] === b);

/** Where `needle` ends after `from`, or the end of the bytes when it never comes. */
function after(bytes: Uint8Array, from: number, needle: Uint8Array): number {
  for (
    let at = bytes.indexOf(needle[0] as number, from);
    at >= 0;
    at = bytes.indexOf(needle[0] as number, at + 1)
  ) {
    if (startsAt(bytes, at, needle)) return at + needle.length;
  }
  return bytes.length;
}

/** The end of a start tag, skipping '>' inside quoted attribute values. */
function tagEnd(bytes: Uint8Array, from: number): number {
  let inQuote = 0;
  for (let at = from; at < bytes.length; at++) {
    const c = bytes[at];
    if (inQuote) {
      if (c === inQuote) inQuote = 0;
    } else if (c === quote || c === apostrophe) inQuote = c;
    else if (c === gt) return at;
  }
  return bytes.length;
}

/** Throws a refusal naming the part when the XML declares a DTD or nests too deep. */
export function checkXmlShape(fileName: string, part: string, bytes: Uint8Array): void {
  let depth = 0;
  let at = bytes.indexOf(lt);
  while (at >= 0 && at < bytes.length) {
    const next = bytes[at + 1];
    if (next === slash) {
      depth--;
      at = bytes.indexOf(gt, at);
    } else if (next === question) {
      at = bytes.indexOf(gt, at);
    } else if (next === bang) {
      if (startsAt(bytes, at, commentStart)) at = after(bytes, at, commentEnd);
      else if (startsAt(bytes, at, cdataStart)) at = after(bytes, at, cdataEnd);
      else
        throw new DocumentRejectedError(
          `“${fileName}”的 ${part} 含有文档类型声明（DOCTYPE），Excel 文件不会有这种内容，不予读取。请用 Excel 或 WPS 另存为 .xlsx 后重新上传`,
          `${part} in "${fileName}" declares a DOCTYPE, which no Excel file has; not read. Save it as .xlsx from Excel or WPS and upload it again`,
        );
    } else {
      const end = tagEnd(bytes, at + 1);
      if (bytes[end - 1] !== slash && ++depth > maxXmlDepth) {
        throw new DocumentRejectedError(
          `“${fileName}”的 ${part} 嵌套超过 ${maxXmlDepth} 层，Excel 文件不会如此，不予读取。请用 Excel 或 WPS 另存为 .xlsx 后重新上传`,
          `${part} in "${fileName}" nests deeper than ${maxXmlDepth} levels, which no Excel file does; not read. Save it as .xlsx from Excel or WPS and upload it again`,
        );
      }
      at = end;
    }
    if (at < 0) return;
    at = bytes.indexOf(lt, at);
  }
}

/** A title row merges a few dozen cells; exceljs makes an object for every merged cell, so a hostile range hangs it. */
export const maxMergedCells = 100_000;

const columnNumber = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/** Throws a refusal when a sheet's merged ranges cover more cells than any form has. */
export function checkMerges(fileName: string, part: string, bytes: Uint8Array): void {
  const xml = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = xml.indexOf('<mergeCells');
  if (start < 0) return;
  const end = xml.indexOf('</mergeCells>', start);
  const list = xml.toString('latin1', start, end < 0 ? xml.length : end);
  let cells = 0;
  for (const [, c1, r1, c2, r2] of list.matchAll(
    /ref="\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})"/g,
  )) {
    const width = Math.abs(columnNumber(c2 as string) - columnNumber(c1 as string)) + 1;
    const height = Math.abs(Number(r2) - Number(r1)) + 1;
    cells += width * height;
  }
  if (cells > maxMergedCells) {
    throw new DocumentRejectedError(
      `“${fileName}”的 ${part} 合并单元格共 ${cells} 个，超过上限 ${maxMergedCells}，不予读取。请取消多余的合并后重新上传`,
      `${part} in "${fileName}" merges ${cells} cells, more than the limit of ${maxMergedCells}; not read. Unmerge what is not needed and upload it again`,
    );
  }
}
