// How the CLI tells "Temporal is not there" from every other failure: by what failed, not by its words.
import {
  Client,
  Connection,
  ServiceError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../client/operations/errors.ts';
import { withClient } from '../../infra/temporal/connection.ts';
import { TemporalUnreachableError } from '../../infra/temporal/unreachable.ts';
import { exitCodes } from '../../infra/userError.ts';
import { freePort } from '../support/ports.ts';

const unreachable = '无法连接 Temporal (cannot reach Temporal)';

describe('describeError', () => {
  it('does not call an error unreachable because its message says "deadline" or "unavailable"', () => {
    for (const error of [
      new Error('the work plan deadline has passed'),
      new Error('resource unavailable: 国家知识产权局专利局 has no capacity'),
      new WorkflowUpdateRPCTimeoutOrCancelledError('Timeout or cancellation waiting for update', {
        cause: new Error('deadline exceeded'),
      }),
    ]) {
      const described = describeError(error);
      expect(described.message, error.message).not.toMatch(/cannot reach Temporal/);
      expect(described.exitCode).toBe(exitCodes.failure);
    }
  });

  it('says unreachable when withClient could not connect, naming the address', async () => {
    const address = `127.0.0.1:${await freePort()}`;
    const previous = process.env.TEMPORAL_ADDRESS;
    process.env.TEMPORAL_ADDRESS = address;
    try {
      const error = await withClient(async () => 'connected').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TemporalUnreachableError);
      const described = describeError(error);
      expect(described.message).toContain(unreachable);
      expect(described.message).toContain(address);
      expect(described.exitCode).toBe(exitCodes.failure);
    } finally {
      if (previous === undefined) delete process.env.TEMPORAL_ADDRESS;
      else process.env.TEMPORAL_ADDRESS = previous;
    }
  });

  it('says unreachable when a call on an open connection finds the server gone (gRPC UNAVAILABLE)', async () => {
    // A lazy connection to a closed port: the first call fails in gRPC, not in our connect. No retry
    // interceptor, so the failure comes at once rather than after the SDK's backoff.
    const connection = Connection.lazy({ address: `127.0.0.1:${await freePort()}`, interceptors: [] });
    try {
      const client = new Client({ connection });
      const error = await client.workflow
        .getHandle('wanlixing-2031')
        .describe()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServiceError);
      expect(describeError(error).message).toContain(unreachable);
    } finally {
      await connection.close();
    }
  });
});
