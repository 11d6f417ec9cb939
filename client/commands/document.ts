// wlx document put | get: the document store (a local folder or an S3-compatible bucket), by SHA-256.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { CliError } from '../cliErrors.ts';
import { documentConfig, openDocumentStore } from '../documents/config.ts';
import { formatBytes } from '../documents/fileType.ts';
import { putDocumentFile, sha256Pattern } from '../documents/store.ts';
import { parseOptions } from '../options.ts';
import { printJson } from '../output.ts';

const putOptions = z.object({ file: z.string().min(1), json: z.boolean().default(false) });
const sha256Argument = z.string().trim().toLowerCase().regex(sha256Pattern);
const getOptions = z.object({ out: z.string().min(1), json: z.boolean().default(false) });

export function registerDocumentCommands(program: Command): void {
  const document = program
    .command('document')
    .description(
      'stored documents (written summaries, work plans): DOCUMENT_STORE=local|s3, DOCUMENT_DIR, S3_ENDPOINT, S3_BUCKET, ...',
    );

  document
    .command('put')
    .description(
      'store a .docx, .pdf, .xlsx, .doc or .wps file; prints its reference {fileName, sha256, sizeBytes}',
    )
    .argument('<file>', 'the document')
    .option('--json', 'print the reference as JSON')
    .action(async (file, raw) => {
      const options = parseOptions(putOptions, { ...raw, file });
      const config = documentConfig();
      const store = openDocumentStore(config);
      const ref = await putDocumentFile(store, options.file, config.DOCUMENT_MAX_BYTES);
      const reference = { fileName: ref.fileName, sha256: ref.sha256, sizeBytes: ref.sizeBytes };
      if (options.json) printJson(reference);
      else {
        process.stdout.write(
          `${ref.stored ? '已保存 (stored)' : '已存在 (already stored)'} ${ref.fileName}, ${formatBytes(ref.sizeBytes)} in ${store.description}\n` +
            `sha256 ${ref.sha256}\n${JSON.stringify(reference)}\n`,
        );
      }
    });

  document
    .command('get')
    .description('fetch a stored document by its SHA-256, checked byte for byte')
    .argument('<sha256>', 'the sha256 from the reference')
    .requiredOption('--out <file>', 'where to write it')
    .option('--json', 'print what was written as JSON')
    .action(async (sha256, raw) => {
      const options = parseOptions(getOptions, raw);
      const hash = sha256Argument.safeParse(sha256);
      if (!hash.success) {
        throw new CliError(
          `<sha256>: 应为64位十六进制数字，即文件引用中的 sha256 (64 hex digits, the sha256 of a stored document). Received: ${sha256}`,
        );
      }
      const store = openDocumentStore(documentConfig());
      const bytes = await store.get(hash.data);
      await writeFile(options.out, bytes);
      if (options.json) printJson({ file: options.out, sha256: hash.data, sizeBytes: bytes.length });
      else
        process.stdout.write(
          `已取回 (fetched) ${hash.data} → ${options.out}, ${formatBytes(bytes.length)}\n`,
        );
    });
}
