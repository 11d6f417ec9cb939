// Workbooks made to hurt a reader, from a valid one: a ZIP bomb whose directory lies, a shared-string
// table of millions, XML nested 100,000 deep, a merged range of a whole sheet; and the parts of a
// workbook, to drop, corrupt or misstate one. Used by the fuzz test and the web upload's test.
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { type RawEntry, writeZip } from './zipWriter.ts';

export type Parts = [name: string, data: Uint8Array][];

export const partsOf = (bytes: Uint8Array): Parts => Object.entries(unzipSync(bytes));

/** The parts zipped again, each deflated, sizes as stated unless `lie` says otherwise. */
export function zipParts(parts: Parts, lie: Record<string, number> = {}): Uint8Array {
  return writeZip(
    parts.map(
      ([name, data]): RawEntry => ({
        name,
        stored: deflateRawSync(data),
        method: 8,
        statedSize: lie[name] ?? data.length,
      }),
    ),
  );
}

const withPart = (parts: Parts, name: string, data: Uint8Array): Parts =>
  parts.map(([n, d]) => [n, n === name ? data : d]);

let gibOfSpaces: Buffer | undefined;

/** 1 GiB of spaces deflated (~4.6 MB), as xl/sharedStrings.xml, the directory stating 1,000 bytes. */
export async function lyingBomb(valid: Uint8Array): Promise<Uint8Array> {
  if (!gibOfSpaces) {
    const chunks: Buffer[] = [];
    const deflater = createDeflateRaw({ level: 1 });
    deflater.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => deflater.on('end', resolve));
    const spaces = Buffer.alloc(1 << 20, 0x20);
    for (let i = 0; i < 1024; i++) deflater.write(spaces);
    deflater.end();
    await ended;
    gibOfSpaces = Buffer.concat(chunks);
  }
  const stored = gibOfSpaces;
  return writeZip(
    partsOf(valid).map(
      ([name, data]): RawEntry =>
        name === 'xl/sharedStrings.xml'
          ? { name, stored, method: 8, statedSize: 1000 }
          : { name, stored: deflateRawSync(data), method: 8, statedSize: data.length },
    ),
  );
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A shared-string table of `count` strings (2,000,000 pass the inflate cap; 200,000 do not). */
export function hugeSharedStrings(valid: Uint8Array, count: number): Uint8Array {
  const strings = Array.from({ length: count }, (_, i) => `<si><t>串${i}</t></si>`).join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">${strings}</sst>`;
  return zipParts(withPart(partsOf(valid), 'xl/sharedStrings.xml', utf8(xml)));
}

/** The first sheet's data with 100,000 nested elements in a cell. */
export function deepSheet(valid: Uint8Array): Uint8Array {
  const parts = partsOf(valid);
  const sheet = new TextDecoder().decode(parts.find(([n]) => n === 'xl/worksheets/sheet1.xml')?.[1]);
  const deep = `<c r="A1"><is><t>${'<r>'.repeat(100_000)}${'</r>'.repeat(100_000)}</t></is></c>`;
  return zipParts(
    withPart(
      parts,
      'xl/worksheets/sheet1.xml',
      utf8(sheet.replace(/<sheetData>/, `<sheetData><row r="1">${deep}</row>`)),
    ),
  );
}

/** The first sheet merging A1:XFD100000, 1.6 billion cells. */
export function hugeMerge(valid: Uint8Array): Uint8Array {
  const parts = partsOf(valid);
  const sheet = new TextDecoder().decode(parts.find(([n]) => n === 'xl/worksheets/sheet1.xml')?.[1]);
  const merged = sheet.includes('<mergeCells')
    ? sheet.replace(/<mergeCells[^>]*>/, '<mergeCells count="1"><mergeCell ref="A1:XFD100000"/>')
    : sheet.replace(
        '</sheetData>',
        '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD100000"/></mergeCells>',
      );
  return zipParts(withPart(parts, 'xl/worksheets/sheet1.xml', utf8(merged)));
}
