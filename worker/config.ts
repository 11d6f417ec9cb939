// The worker's configuration, from the environment, parsed at the edge.
import { z } from 'zod';
import { parseInput } from '../domain/validation.ts';
import { mailFields, robotsFields, temporalFields, webDbFields } from '../infra/config.ts';
import { checkDocumentStore, documentStoreFields } from '../infra/documents/config.ts';

export const workerConfigSchema = z
  .object({
    ...temporalFields,
    ...mailFields,
    /** The mail ledger, and the web's database (WEB_DB_URL, the ledger's by default) where the audit trail is. */
    ...webDbFields,
    /** Each unit's WeCom, DingTalk and Feishu robots; notices go by e-mail alone without it. */
    ...robotsFields,
    /** Where browsers reach the web (as the web's own WEB_PUBLIC_URL): notices link to the reader's page. */
    WEB_PUBLIC_URL: z
      .url()
      .transform((url) => url.replace(/\/$/, ''))
      .optional(),
    /**
     * Workflows kept in memory between their tasks (≈ 1.4 MB each): past it the least recent is evicted and
     * replayed from history at its next task, which costs CPU, not correctness. The SDK's default follows the
     * heap size (≈ 2,300 here); a county-level year has 3,000 units and more across the workers.
     */
    MAX_CACHED_WORKFLOWS: z.coerce
      .number()
      .int('a whole number of workflows, e.g. 1500')
      .min(2, 'at least 2 workflows, e.g. 1500')
      .optional(),
    /**
     * How often the worker looks for workflows whose tasks keep failing, to mail the operators once per stuck
     * run (worker/stuckWatch.ts); 0 turns the watch off.
     */
    STUCK_WATCH_SECONDS: z.coerce.number().int('whole seconds, e.g. 60').min(0).default(60),
    /** Who hears of a stuck workflow: "Name <address>"; the default registry's Application Promotion Department by default. */
    OPERATOR_EMAIL: z
      .string()
      .regex(
        /^[^<>]+<[^\s@<>]+@[^\s@<>]+>$/,
        'a name and an address, e.g. "运用促进司 <wanlixing@cnipa.example>"',
      )
      .optional(),
    /** A prebuilt workflow bundle (bundleWorkflowCode's code, as a file); without it the worker bundles at start. */
    WORKFLOW_BUNDLE: z.string().min(1).optional(),
    /** Where the matching review is kept (the document store, as the web and wlx have it). */
    ...documentStoreFields,
  })
  .superRefine(checkDocumentStore);
export type WorkerConfig = z.infer<typeof workerConfigSchema>;

export function workerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return parseInput(workerConfigSchema, env, 'worker environment');
}
