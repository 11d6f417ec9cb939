// The document store: by SHA-256, byte-identical back, type checked by extension and first bytes; the
// actions behind wlx document put and get, submit summary --written and submit plan --document. The S3
// store runs against moto_server when installed.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument, putDocument } from '../../../client/operations/documents.ts';
import { describeError } from '../../../client/operations/errors.ts';
import { buildTemplate } from '../../../client/operations/spreadsheets/template.ts';
import { loadSubmission } from '../../../client/operations/submit.ts';
import { InvalidInputError } from '../../../domain/validation.ts';
import { documentConfig, openDocumentStore } from '../../../infra/documents/config.ts';
import { checkDocument } from '../../../infra/documents/fileType.ts';
import { localStore } from '../../../infra/documents/localStore.ts';
import { s3Store } from '../../../infra/documents/s3Store.ts';
import {
  DocumentCorruptError,
  DocumentNotFoundError,
  type DocumentStore,
  sha256Of,
} from '../../../infra/documents/store.ts';
import { type Moto, motoServerPath, startMoto } from '../../support/moto.ts';

const docx = async (text: string) =>
  Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const ole2 = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.alloc(504),
]);

const message = (run: () => unknown) => {
  try {
    run();
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('accepted document types', () => {
  it('takes docx, pdf, xlsx, doc and wps whose first bytes match the extension', async () => {
    expect(checkDocument('总结.docx', await docx('总结'))).toBe('docx');
    expect(checkDocument('总结.PDF', pdf)).toBe('pdf');
    expect(checkDocument('附件2.xlsx', await buildTemplate('results', { year: 2027 }))).toBe('xlsx');
    expect(checkDocument('总结.doc', ole2)).toBe('doc');
    expect(checkDocument('总结.wps', ole2)).toBe('wps');
  });

  it('refuses other types, renamed files, empty and oversized ones, in both languages', async () => {
    expect(message(() => checkDocument('总结.txt', Buffer.from('hello')))).toBe(
      '不接受“总结.txt”：只接受 .docx、.pdf、.xlsx、.doc、.wps 文件 ("总结.txt" is not accepted: only .docx, .pdf, .xlsx, .doc, .wps files)',
    );
    expect(message(() => checkDocument('总结.docx', pdf))).toContain(
      '“总结.docx”的内容不是 Word (.docx) 文件（可能是改了扩展名）',
    );
    expect(message(() => checkDocument('总结.pdf', ole2))).toContain('is not a PDF file (renamed?)');
    expect(message(() => checkDocument('总结.pdf', Buffer.alloc(0)))).toBe(
      '“总结.pdf”是空文件 ("总结.pdf" is empty)',
    );
    expect(message(() => checkDocument('总结.pdf', pdf, 10))).toBe(
      `“总结.pdf”过大：${pdf.length} B，上限 10 B ("总结.pdf" is too large: ${pdf.length} B, the limit is 10 B)`,
    );
    const renamed = await docx('x');
    expect(message(() => checkDocument('表.xlsx', renamed))).toContain('is not an Excel (.xlsx) file');
  });
});

async function roundTrip(store: DocumentStore) {
  const bytes = await docx(`北京市2027年知识产权服务万里行书面总结 ${Math.random()}`);
  const first = await store.put(bytes, 'docx');
  expect(first).toEqual({ sha256: sha256Of(bytes), stored: true });
  expect(await store.put(bytes, 'docx')).toEqual({ sha256: sha256Of(bytes), stored: false });
  expect(await store.has(first.sha256)).toBe(true);
  expect(Buffer.compare(await store.get(first.sha256), bytes)).toBe(0);
  const absent = sha256Of(Buffer.from('never stored'));
  expect(await store.has(absent)).toBe(false);
  await expect(store.get(absent)).rejects.toBeInstanceOf(DocumentNotFoundError);
}

describe('the local store', () => {
  it('gives back the same bytes under their SHA-256, once stored', async () => {
    await roundTrip(localStore(await mkdtemp(join(tmpdir(), 'wlx-docs-'))));
  });

  it('notices stored bytes that no longer match their hash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wlx-docs-'));
    const store = localStore(dir);
    const { sha256 } = await store.put(pdf, 'pdf');
    await writeFile(join(dir, 'sha256', sha256.slice(0, 2), sha256), Buffer.from('%PDF-tampered'));
    await expect(store.get(sha256)).rejects.toBeInstanceOf(DocumentCorruptError);
  });

  it('is configured from the environment, naming the variable that is wrong', () => {
    expect(documentConfig({}).DOCUMENT_DIR).toBe('var/documents');
    expect(openDocumentStore(documentConfig({ DOCUMENT_DIR: '/srv/wlx' })).description).toBe(
      'local folder /srv/wlx',
    );
    const bad = message(() => documentConfig({ DOCUMENT_STORE: 's3', S3_ACCESS_KEY_ID: 'a' }));
    expect(bad).toContain('S3_BUCKET: required when DOCUMENT_STORE=s3');
    expect(bad).toContain('S3_SECRET_ACCESS_KEY: give both');
    expect(() => documentConfig({ DOCUMENT_STORE: 'ftp' })).toThrow(InvalidInputError);
  });
});

/** What a rejected promise was rejected with, and the exit code wlx would end with. */
async function failure(promise: Promise<unknown>): Promise<{ message: string; exitCode: number }> {
  return describeError(
    await promise.then(
      () => new Error('accepted'),
      (error: unknown) => error,
    ),
  );
}

describe('wlx document and submit summary --written', () => {
  it('puts a document and gets it back byte-identical', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wlx-docs-'));
    const config = documentConfig({ DOCUMENT_DIR: join(dir, 'store') });
    const file = join(dir, '北京市2027年万里行书面总结.docx');
    const bytes = await docx('书面总结');
    await writeFile(file, bytes);
    const put = await putDocument(file, { config });
    expect(put).toEqual({
      reference: {
        fileName: '北京市2027年万里行书面总结.docx',
        sha256: sha256Of(bytes),
        sizeBytes: bytes.length,
      },
      stored: true,
      where: `local folder ${join(dir, 'store')}`,
    });
    expect((await putDocument(file, { config })).stored).toBe(false);
    const out = join(dir, 'back.docx');
    const got = await getDocument(sha256Of(bytes), out, config);
    expect(got).toEqual({ file: out, sha256: sha256Of(bytes), sizeBytes: bytes.length });
    expect(Buffer.compare(await readFile(out), bytes)).toBe(0);
    const missing = await failure(getDocument(sha256Of(Buffer.from('x')), out, config));
    expect(missing.exitCode).toBe(2);
    expect(missing.message).toContain('没有 SHA-256 为');
    await writeFile(join(dir, 'notes.txt'), 'text');
    const refused = await failure(putDocument(join(dir, 'notes.txt'), { config }));
    expect(refused.exitCode).toBe(2);
    expect(refused.message).toContain('不接受“notes.txt”');
  });

  it('puts the written summary in the store and its reference in the summary', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wlx-docs-'));
    const documents = documentConfig({ DOCUMENT_DIR: join(dir, 'store') });
    const file = join(dir, '北京市2027年万里行书面总结.docx');
    const bytes = await docx('书面总结');
    await writeFile(file, bytes);
    const options = { unit: '11', written: file, documents };
    const checked = await loadSubmission('summary', {
      ...options,
      file: 'examples/summary.json',
      dryRun: true,
    });
    const reference = {
      fileName: '北京市2027年万里行书面总结.docx',
      sha256: sha256Of(bytes),
      sizeBytes: bytes.length,
    };
    expect(checked.payloads[0]?.written).toEqual({
      title: '北京市2027年万里行书面总结',
      document: reference,
    });
    expect(checked.payloads[0]?.results?.participants).toBe(2350);
    expect(checked.documents).toEqual([]);
    expect(existsSync(join(dir, 'store'))).toBe(false); // a dry run stores nothing
    // For real: stored while the submission is read, before anything is sent.
    const loaded = await loadSubmission('summary', { ...options, title: '北京市2027年总结', dryRun: false });
    expect(loaded.payloads).toEqual([{ written: { title: '北京市2027年总结', document: reference } }]);
    expect(loaded.documents).toEqual([
      { ...reference, stored: true, where: `local folder ${join(dir, 'store')}` },
    ]);
    expect(await localStore(join(dir, 'store')).has(sha256Of(bytes))).toBe(true);
  });
});

describe('wlx submit plan --document', () => {
  it('refers to the stored document in place of the one in the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wlx-docs-'));
    const file = join(dir, '北京市2027年万里行工作方案.pdf');
    await writeFile(file, pdf);
    const checked = await loadSubmission('plan', {
      unit: '11',
      file: 'examples/work-plan.json',
      document: file,
      dryRun: true,
      documents: documentConfig({ DOCUMENT_DIR: join(dir, 'store') }),
    });
    expect(checked.payloads[0]?.document).toEqual({
      fileName: '北京市2027年万里行工作方案.pdf',
      sha256: sha256Of(pdf),
      sizeBytes: pdf.length,
    });
  });
});

if (!motoServerPath)
  console.warn("skipping the S3 store tests: moto_server is not installed (pip install 'moto[server]')");

describe.skipIf(!motoServerPath)('the S3 store against moto_server', () => {
  let moto: Moto | undefined;
  let endpoint: string;
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

  beforeAll(async () => {
    moto = await startMoto('wanlixing-documents');
    endpoint = moto.endpoint;
  });

  afterAll(() => {
    moto?.stop();
  });

  it('gives back the same bytes under their SHA-256, once stored', async () => {
    await roundTrip(
      s3Store({
        bucket: 'wanlixing-documents',
        endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        ...credentials,
      }),
    );
  });

  it('is what wlx document uses with DOCUMENT_STORE=s3', async () => {
    const config = documentConfig({
      DOCUMENT_STORE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: 'wanlixing-documents',
      S3_ACCESS_KEY_ID: 'test',
      S3_SECRET_ACCESS_KEY: 'test',
    });
    const dir = await mkdtemp(join(tmpdir(), 'wlx-docs-'));
    await writeFile(join(dir, '总结.pdf'), pdf);
    const put = await putDocument(join(dir, '总结.pdf'), { config });
    expect(put.where).toBe(`s3://wanlixing-documents (${endpoint})`);
    await getDocument(sha256Of(pdf), join(dir, 'back.pdf'), config);
    expect(Buffer.compare(await readFile(join(dir, 'back.pdf')), pdf)).toBe(0);
  });
});
