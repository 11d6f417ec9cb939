// Where documents are kept, from the environment, parsed at the edge:
//   DOCUMENT_STORE=local (default) with DOCUMENT_DIR (var/documents), or
//   DOCUMENT_STORE=s3 with S3_BUCKET, S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY.
import { z } from 'zod';
import { parseInput } from '../../domain/validation.ts';
import { defaultMaxDocumentBytes } from './fileType.ts';
import { localStore } from './localStore.ts';
import { s3Store } from './s3Store.ts';
import type { DocumentStore } from './store.ts';

const optionalText = z
  .string()
  .trim()
  .transform((text) => text || undefined)
  .optional();

/** The variables, for processes whose configuration includes the store's (the worker's). */
export const documentStoreFields = {
  DOCUMENT_STORE: z.enum(['local', 's3'], { error: 'local or s3' }).default('local'),
  DOCUMENT_DIR: z.string().trim().min(1).default('var/documents'),
  DOCUMENT_MAX_BYTES: z.coerce
    .number({ error: 'a size in bytes, e.g. 52428800 for 50 MiB' })
    .int('a whole number of bytes')
    .positive('a whole number of bytes')
    .default(defaultMaxDocumentBytes),
  S3_BUCKET: optionalText,
  S3_ENDPOINT: z.url('a URL such as http://localhost:9000').optional(),
  S3_REGION: z.string().trim().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false'], { error: 'true or false' }).default('true'),
};

type StoreFields = z.infer<z.ZodObject<typeof documentStoreFields>>;

/** What no single variable can say: S3 needs a bucket, and both keys or neither. */
export function checkDocumentStore(env: StoreFields, ctx: z.RefinementCtx): void {
  if (env.DOCUMENT_STORE !== 's3') return;
  if (!env.S3_BUCKET) {
    ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'required when DOCUMENT_STORE=s3' });
  }
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    ctx.addIssue({
      code: 'custom',
      path: [env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'],
      message:
        'give both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (the SDK then uses its own chain)',
    });
  }
}

export const documentConfigSchema = z.object(documentStoreFields).superRefine(checkDocumentStore);
export type DocumentConfig = z.infer<typeof documentConfigSchema>;

export function documentConfig(env: NodeJS.ProcessEnv = process.env): DocumentConfig {
  return parseInput(documentConfigSchema, env, 'environment');
}

export function openDocumentStore(config: DocumentConfig): DocumentStore {
  if (config.DOCUMENT_STORE === 'local') return localStore(config.DOCUMENT_DIR);
  return s3Store({
    bucket: config.S3_BUCKET as string,
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE === 'true',
  });
}
