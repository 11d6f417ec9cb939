// Where the CLI finds Temporal: environment, parsed at the edge, with the defaults `npm start` uses.
import { Client, Connection } from '@temporalio/client';
import { z } from 'zod';
import { parseInput } from '../domain/validation.ts';
import { dataConverter } from '../worker/payloadCodec.ts';
import { TemporalUnreachableError } from './cliErrors.ts';

const clientConfigSchema = z.object({
  TEMPORAL_ADDRESS: z.string().min(1).default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** Base of the links the CLI prints; the dev server's UI by default. */
  TEMPORAL_UI_URL: z.url().default('http://localhost:8233'),
});
export type ClientConfig = z.infer<typeof clientConfigSchema>;

export function clientConfig(env: NodeJS.ProcessEnv = process.env): ClientConfig {
  return parseInput(clientConfigSchema, env, 'environment');
}

export function workflowLink(config: ClientConfig, workflowId: string): string {
  return `${config.TEMPORAL_UI_URL}/namespaces/${encodeURIComponent(config.TEMPORAL_NAMESPACE)}/workflows/${encodeURIComponent(workflowId)}`;
}

/** Opens a client for one command and closes it after, so the process can exit. */
export async function withClient<T>(run: (client: Client, config: ClientConfig) => Promise<T>): Promise<T> {
  const config = clientConfig();
  const connection = await Connection.connect({
    address: config.TEMPORAL_ADDRESS,
    connectTimeout: '5 seconds',
  }).catch((cause: unknown) => {
    throw new TemporalUnreachableError(config.TEMPORAL_ADDRESS, { cause });
  });
  try {
    return await run(new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter }), config);
  } finally {
    await connection.close();
  }
}
