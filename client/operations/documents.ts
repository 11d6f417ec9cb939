// The document store by hand: put a file in (checked, kept under its SHA-256) and get one back, byte for
// byte. Where the store is comes from DOCUMENT_STORE and the rest of the environment unless given.
import { writeFile } from 'node:fs/promises';
import { type DocumentConfig, documentConfig, openDocumentStore } from '../../infra/documents/config.ts';
import {
  type DocumentRef,
  putDocumentBytes,
  putDocumentFile,
  type StoredRef,
} from '../../infra/documents/store.ts';

export interface PutDocument {
  reference: DocumentRef;
  /** False when the same bytes were there already, or on a dry run. */
  stored: boolean;
  /** The store, for messages: "local folder var/documents", "s3://bucket (endpoint)"; null on a dry run. */
  where: string | null;
}

/** Checks the file (type, size) and stores it; a dry run only checks it and computes its reference. */
export async function putDocument(
  path: string,
  {
    dryRun = false,
    config = documentConfig(),
  }: { dryRun?: boolean; config?: DocumentConfig | undefined } = {},
): Promise<PutDocument> {
  const store = dryRun ? null : openDocumentStore(config);
  return described(await putDocumentFile(store, path, config.DOCUMENT_MAX_BYTES), store?.description);
}

/** The same for bytes already in memory, as a web upload brings them. */
export async function putDocumentUpload(
  fileName: string,
  bytes: Uint8Array,
  config: DocumentConfig = documentConfig(),
): Promise<PutDocument> {
  const store = openDocumentStore(config);
  return described(
    await putDocumentBytes(store, fileName, bytes, config.DOCUMENT_MAX_BYTES),
    store.description,
  );
}

function described(ref: StoredRef, where: string | undefined): PutDocument {
  return {
    reference: { fileName: ref.fileName, sha256: ref.sha256, sizeBytes: ref.sizeBytes },
    stored: ref.stored,
    where: where ?? null,
  };
}

/** Writes the document with this SHA-256 (lower-case hex) to `out`. */
export async function getDocument(
  sha256: string,
  out: string,
  config: DocumentConfig = documentConfig(),
): Promise<{ file: string; sha256: string; sizeBytes: number }> {
  const bytes = await openDocumentStore(config).get(sha256);
  await writeFile(out, bytes);
  return { file: out, sha256, sizeBytes: bytes.length };
}
