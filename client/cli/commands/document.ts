// wlx document put | get: the document store (a local folder or an S3-compatible bucket), by SHA-256.

import type { Command } from 'commander';
import { z } from 'zod';
import { formatBytes } from '../../../infra/documents/fileType.ts';
import { sha256Pattern } from '../../../infra/documents/store.ts';
import { UserError } from '../../../infra/userError.ts';
import { getDocument, putDocument } from '../../operations/documents.ts';
import { commandGroups } from '../commandGroups.ts';
import { jsonField, jsonOption, parseOptions } from '../options.ts';
import { printJson } from '../output.ts';

const putOptions = z.object({ file: z.string().min(1), ...jsonField });
const sha256Argument = z.string().trim().toLowerCase().regex(sha256Pattern);
const getOptions = z.object({ out: z.string().min(1), ...jsonField });

export function registerDocumentCommands(program: Command): void {
  const document = program.command('document').description(commandGroups.document);

  document
    .command('put')
    .description(
      'store a .docx, .pdf, .xlsx, .doc or .wps file; prints its reference {fileName, sha256, sizeBytes}',
    )
    .argument('<file>', 'the document')
    .addOption(jsonOption('the reference'))
    .action(async (file, raw) => {
      const options = parseOptions(putOptions, { ...raw, file });
      const { reference, stored, where } = await putDocument(options.file);
      if (options.json) printJson(reference);
      else {
        process.stdout.write(
          `${stored ? '已保存 (stored)' : '已存在 (already stored)'} ${reference.fileName}, ${formatBytes(reference.sizeBytes)} in ${where}\n` +
            `sha256 ${reference.sha256}\n${JSON.stringify(reference)}\n`,
        );
      }
    });

  document
    .command('get')
    .description('fetch a stored document by its SHA-256, checked byte for byte')
    .argument('<sha256>', 'the sha256 from the reference')
    .requiredOption('--out <file>', 'where to write it')
    .addOption(jsonOption('what was written'))
    .action(async (sha256, raw) => {
      const options = parseOptions(getOptions, raw);
      const hash = sha256Argument.safeParse(sha256);
      if (!hash.success) {
        throw new UserError(
          `<sha256>: 应为64位十六进制数字，即文件引用中的 sha256 (64 hex digits, the sha256 of a stored document). Received: ${sha256}`,
        );
      }
      const written = await getDocument(hash.data, options.out);
      if (options.json) printJson(written);
      else
        process.stdout.write(
          `已取回 (fetched) ${written.sha256} → ${written.file}, ${formatBytes(written.sizeBytes)}\n`,
        );
    });
}
