// Older and other formats (Excel 97–2003 .xls, WPS .et, OpenDocument .ods) converted to .xlsx by
// LibreOffice where it is installed, in a folder of their own that is removed afterwards; refused, naming
// the fix, where it is not. No maintained JavaScript reader of .xls is free of known flaws (SheetJS on the
// npm registry is frozen at 0.18.5 with CVEs), and LibreOffice reads what offices write.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentRejectedError } from '../../../infra/documents/fileType.ts';
import { convertWithLibreOffice, findSoffice } from '../reports/libreOffice.ts';

export type LegacyFormat = 'xls' | 'ods';

const described = {
  xls: { zh: '旧版 Excel 97–2003（.xls）或 WPS 表格（.et）', en: 'an Excel 97–2003 (.xls) or WPS (.et)' },
  ods: { zh: 'OpenDocument 表格（.ods）', en: 'an OpenDocument (.ods)' },
} as const;

/** LibreOffice's import filter for each: named, so a damaged file fails instead of being read as text. */
const importFilter = { xls: 'MS Excel 97', ods: 'calc8' } as const;

/** The .xlsx LibreOffice makes of `bytes`, or a refusal saying to save it as .xlsx. */
export async function convertLegacy(
  fileName: string,
  bytes: Uint8Array,
  format: LegacyFormat,
): Promise<Uint8Array> {
  const what = described[format];
  const saveAs = new DocumentRejectedError(
    `“${fileName}”是${what.zh}文件，本系统无法直接读取。请另存为 .xlsx 后重新上传`,
    `"${fileName}" is ${what.en} file, which cannot be read here. Save it as .xlsx and upload it again`,
  );
  if (!findSoffice()) throw saveAs;
  const dir = await mkdtemp(join(tmpdir(), 'wlx-legacy-'));
  try {
    // Our own name: the user's may hold characters LibreOffice's command line mishandles.
    const source = join(dir, `upload.${format}`);
    await writeFile(source, bytes);
    const converted = await convertWithLibreOffice(source, 'xlsx', join(dir, 'out'), importFilter[format]);
    return new Uint8Array(await readFile(converted));
  } catch {
    throw new DocumentRejectedError(
      `无法读取“${fileName}”：文件已损坏，或不是${what.zh}文件。请在 Excel 或 WPS 中打开，另存为 .xlsx 后重新上传`,
      `cannot read "${fileName}": the file is damaged or not ${what.en} file. Open it in Excel or WPS, save it as .xlsx and upload it again`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
