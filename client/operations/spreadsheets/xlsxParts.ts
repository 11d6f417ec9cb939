// The parts of an uploaded .xlsx that hold values, inflated by us before exceljs sees them. Two reasons:
// the zip's directory may lie about sizes (a 1 MB file that inflates to 1 GB), so bytes are counted as they
// come out and reading stops at the cap; and exceljs 4.4 crashes on valid parts it does not need
// (comments linked by absolute path, exceljs #2797; tables, drawings), so only the value-bearing parts go
// on, and it hangs on what no form has (a merged range of millions of cells), so that is refused first.
import { Inflate, type Zippable, zipSync } from 'fflate';
import { DocumentRejectedError, formatBytes } from '../../../infra/documents/fileType.ts';
import type { ZipEntry } from '../../../infra/documents/zipEntries.ts';
import { checkMerges, checkXmlShape } from './xmlShape.ts';

/** What the kept parts may really inflate to; a 5,000-row demand list needs about 3 MB. */
export const maxInflatedBytes = 32 * 1024 * 1024;
/** A workbook has dozens of parts; thousands are a trick to make reading slow. */
const maxEntries = 5_000;
/** Fed to the inflater a piece at a time, so one push yields at most ~1,000 times this. */
const chunkBytes = 16 * 1024;

/** The parts exceljs needs for sheets, their names, their visibility, cell values and date formats. */
const valueParts =
  /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml)$/;

const damaged = (fileName: string) =>
  new DocumentRejectedError(
    `无法读取“${fileName}”：文件已损坏（可能下载或传送不完整）。请在 Excel 或 WPS 中打开，另存为 .xlsx 后重新上传`,
    `cannot read "${fileName}": the file is damaged (perhaps not fully downloaded or sent). Open it in Excel or WPS, save it as .xlsx and upload it again`,
  );

const tooBig = (fileName: string) =>
  new DocumentRejectedError(
    `“${fileName}”解压后超过 ${formatBytes(maxInflatedBytes)}，不予读取（正常的报送表远小于此）。请删去多余内容后重新上传`,
    `"${fileName}" unzips to more than ${formatBytes(maxInflatedBytes)}; not read (a real submission is far smaller). Remove what is not needed and upload it again`,
  );

class OverCap extends Error {}

/** Inflates one entry, counting real bytes against what the file may still use. */
function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: number): Uint8Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw new Error('no local header');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedBytes));
  if (entry.method === 0) {
    if (data.length > budget) throw new OverCap();
    return [data];
  }
  if (entry.method !== 8) throw new Error(`compression method ${entry.method}`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > budget) throw new OverCap();
    chunks.push(chunk);
    if (final) ended = true;
  });
  for (let from = 0; from < data.length; from += chunkBytes) {
    const end = Math.min(data.length, from + chunkBytes);
    inflater.push(data.subarray(from, end), end === data.length);
  }
  if (!ended) throw new Error('truncated entry');
  return chunks;
}

function joined(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * A new zip of the value-bearing parts, each inflated with its real size counted and its XML checked
 * (no DTD, bounded depth); refused in words when the file is damaged or inflates past the cap.
 */
export function valuePartsZip(fileName: string, bytes: Uint8Array, entries: readonly ZipEntry[]): Uint8Array {
  if (entries.length > maxEntries) throw damaged(fileName);
  const parts: Zippable = {};
  let used = 0;
  for (const entry of entries) {
    if (!valueParts.test(entry.name) || entry.name in parts) continue;
    let data: Uint8Array;
    try {
      data = joined(inflateEntry(bytes, entry, maxInflatedBytes - used));
    } catch (error) {
      throw error instanceof OverCap ? tooBig(fileName) : damaged(fileName);
    }
    used += data.length;
    checkXmlShape(fileName, entry.name, data);
    if (entry.name.startsWith('xl/worksheets/')) checkMerges(fileName, entry.name, data);
    parts[entry.name] = [data, { level: 0 }];
  }
  return zipSync(parts);
}
