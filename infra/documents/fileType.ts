// Which documents a unit may upload: checked by extension and by the first bytes, so a renamed file
// is caught before it is stored. Messages are Chinese first with English beside them.
import { extname } from 'node:path';
import { UserError } from '../userError.ts';
import { zipEntries } from './zipEntries.ts';

export const documentTypes = {
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    name: 'Word (.docx)',
    article: 'a',
  },
  pdf: { mime: 'application/pdf', name: 'PDF', article: 'a' },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    name: 'Excel (.xlsx)',
    article: 'an',
  },
  doc: { mime: 'application/msword', name: 'Word 97–2003 (.doc)', article: 'a' },
  wps: { mime: 'application/vnd.ms-works', name: 'WPS 文字 (.wps)', article: 'a' },
} as const;
export type DocumentType = keyof typeof documentTypes;

/** 50 MiB: a written summary with photographs fits; DOCUMENT_MAX_BYTES changes it. */
export const defaultMaxDocumentBytes = 50 * 1024 * 1024;

/** A document, or a spreadsheet upload, that is refused: exit code 2, message in both languages. */
export class DocumentRejectedError extends UserError {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} (${en})`);
  }
}

const ole2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

function contentMatches(type: DocumentType, bytes: Uint8Array): boolean {
  switch (type) {
    case 'pdf':
      return startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
    case 'doc':
    case 'wps':
      return startsWith(bytes, ole2);
    case 'docx':
      return zipEntries(bytes)?.some((e) => e.name === 'word/document.xml') ?? false;
    case 'xlsx':
      return zipEntries(bytes)?.some((e) => e.name === 'xl/workbook.xml') ?? false;
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

/** The type its name claims, if accepted and of an accepted size; a DocumentRejectedError otherwise. */
export function checkDocumentName(
  fileName: string,
  sizeBytes: number,
  maxBytes: number = defaultMaxDocumentBytes,
  accepted: readonly DocumentType[] = Object.keys(documentTypes) as DocumentType[],
): DocumentType {
  const extension = extname(fileName).slice(1).toLowerCase();
  if (!(accepted as readonly string[]).includes(extension)) {
    throw new DocumentRejectedError(
      `不接受“${fileName}”：只接受 ${accepted.map((t) => `.${t}`).join('、')} 文件`,
      `"${fileName}" is not accepted: only ${accepted.map((t) => `.${t}`).join(', ')} files`,
    );
  }
  if (sizeBytes === 0) throw new DocumentRejectedError(`“${fileName}”是空文件`, `"${fileName}" is empty`);
  if (sizeBytes > maxBytes) {
    throw new DocumentRejectedError(
      `“${fileName}”过大：${formatBytes(sizeBytes)}，上限 ${formatBytes(maxBytes)}`,
      `"${fileName}" is too large: ${formatBytes(sizeBytes)}, the limit is ${formatBytes(maxBytes)}`,
    );
  }
  return extension as DocumentType;
}

/** The document's type, checked by name, size and first bytes; a DocumentRejectedError otherwise. */
export function checkDocument(
  fileName: string,
  bytes: Uint8Array,
  maxBytes: number = defaultMaxDocumentBytes,
  accepted: readonly DocumentType[] = Object.keys(documentTypes) as DocumentType[],
): DocumentType {
  const type = checkDocumentName(fileName, bytes.length, maxBytes, accepted);
  if (!contentMatches(type, bytes)) {
    throw new DocumentRejectedError(
      `“${fileName}”的内容不是 ${documentTypes[type].name} 文件（可能是改了扩展名），请用原软件另存为 .${type} 后再上传`,
      `the content of "${fileName}" is not ${documentTypes[type].article} ${documentTypes[type].name} file (renamed?); save it as .${type} from the program that made it`,
    );
  }
  return type;
}
