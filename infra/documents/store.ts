// Documents kept by content: the SHA-256 of the bytes is the key, so a reference ({fileName, sha256,
// sizeBytes}) in a submission always names exactly the bytes submitted, and storing twice is harmless.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { z } from 'zod';
import type { documentRefSchema } from '../../domain/submissions.ts';
import { exitCodes, UserError } from '../userError.ts';
import {
  checkDocument,
  checkDocumentName,
  DocumentRejectedError,
  type DocumentType,
  documentTypes,
} from './fileType.ts';

export type DocumentRef = z.infer<typeof documentRefSchema>;

export interface DocumentStore {
  /** Where documents go, for messages: "local folder var/documents", "s3://bucket (endpoint)". */
  readonly description: string;
  /** Stores the bytes under their SHA-256 unless already there. */
  put(bytes: Uint8Array, type: StoredType): Promise<{ sha256: string; stored: boolean }>;
  /** The bytes, checked against the hash; DocumentNotFoundError when absent. */
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class DocumentNotFoundError extends UserError {
  constructor(
    readonly sha256: string,
    where: string,
  ) {
    super(`没有 SHA-256 为 ${sha256} 的文件（${where}） (no document with SHA-256 ${sha256} in ${where})`);
  }
}

/** Raised when stored bytes no longer hash to their key: the store is damaged, not the request. */
export class DocumentCorruptError extends UserError {
  constructor(sha256: string, actual: string, where: string) {
    super(
      `${where} 中 ${sha256} 的内容已损坏（实际 SHA-256 为 ${actual}） (the stored bytes of ${sha256} in ${where} hash to ${actual})`,
      exitCodes.failure,
    );
  }
}

export function verified(sha256: string, bytes: Buffer, where: string): Buffer {
  const actual = sha256Of(bytes);
  if (actual !== sha256) throw new DocumentCorruptError(sha256, actual, where);
  return bytes;
}

export const sha256Pattern = /^[0-9a-f]{64}$/;

/**
 * Reads, checks (type, size) and stores a file; returns the reference a submission carries. Without a
 * store (a dry run) it only checks and computes the reference.
 */
export async function putDocumentFile(
  store: DocumentStore | null,
  path: string,
  maxBytes: number,
): Promise<StoredRef> {
  const fileName = basename(path);
  let bytes: Buffer;
  try {
    // Refuse a wrong or oversized file before reading it into memory.
    checkDocumentName(fileName, (await stat(path)).size, maxBytes);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof DocumentRejectedError) throw error;
    throw new DocumentRejectedError(
      `无法读取“${path}”（${(error as NodeJS.ErrnoException).code}）`,
      `cannot read "${path}" (${(error as NodeJS.ErrnoException).code})`,
    );
  }
  return putDocumentBytes(store, fileName, bytes, maxBytes);
}

export type StoredRef = DocumentRef & { stored: boolean; type: DocumentType };

/** Checks (type, size) and stores bytes already in memory (a web upload) under `fileName`. */
export async function putDocumentBytes(
  store: DocumentStore | null,
  fileName: string,
  bytes: Uint8Array,
  maxBytes: number,
): Promise<StoredRef> {
  const type = checkDocument(fileName, bytes, maxBytes);
  const { sha256, stored } = store
    ? await store.put(bytes, type)
    : { sha256: sha256Of(bytes), stored: false };
  return { fileName, sha256, sizeBytes: bytes.length, stored, type };
}

/** What the store keeps: the documents units upload, and the system's own records (gzipped JSON). */
export type StoredType = DocumentType | 'json.gz';

export function mimeType(type: StoredType): string {
  return type === 'json.gz' ? 'application/gzip' : documentTypes[type].mime;
}
