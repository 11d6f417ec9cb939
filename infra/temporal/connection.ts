// Where clients (wlx, the web) find Temporal: environment, parsed at the edge, with the defaults `npm start` uses.
import { Client, Connection, isGrpcServiceError, ServiceError } from '@temporalio/client';
import { z } from 'zod';
import { parseInput } from '../../domain/validation.ts';
import { temporalFields } from '../config.ts';
import { dataConverter } from './payloadCodec.ts';

const clientConfigSchema = z.object({
  ...temporalFields,
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

/** The connection to Temporal could not be opened: raised by `withClient`, whatever gRPC said. */
export class TemporalUnreachableError extends Error {
  override readonly name = 'TemporalUnreachableError';
  constructor(
    readonly address: string,
    options: { cause: unknown },
  ) {
    super(`cannot reach Temporal at ${address}`, options);
  }
}

/** gRPC's status code UNAVAILABLE (the SDK does not re-export grpc-js's enum). */
const grpcUnavailable = 14;

/** A call on an open connection whose server went away: gRPC UNAVAILABLE, bare or wrapped by the SDK. */
export function isServerGone(error: unknown): boolean {
  const grpc = error instanceof ServiceError ? error.cause : error;
  return isGrpcServiceError(grpc) && grpc.code === grpcUnavailable;
}

/** gRPC's DEADLINE_EXCEEDED and RESOURCE_EXHAUSTED: a read that ran out of time or was shed under load. */
const grpcBusy = new Set([4, 8]);

/** A read that may well succeed in a moment: Temporal away, or too busy to answer in time. */
export function isTransientRead(error: unknown): boolean {
  const grpc = error instanceof ServiceError ? error.cause : error;
  return isServerGone(error) || (isGrpcServiceError(grpc) && grpcBusy.has(grpc.code));
}
