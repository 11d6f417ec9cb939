// The time-skipping test server a bench runs its years on, found or installed like the tests', with our
// search attributes registered (the campaign upserts them, and the test server knows them only once told).

import { TestWorkflowEnvironment } from '@temporalio/testing';
import { endOfDateInShanghai } from '../domain/calendar.ts';
import { dataConverter } from '../infra/temporal/payloadCodec.ts';
import { registerSearchAttributes } from '../scripts/registerSearchAttributes.ts';
import { ensureTemporalBinaries } from '../scripts/temporalBinaries.ts';

export async function benchServer(): Promise<TestWorkflowEnvironment> {
  const { testServer } = ensureTemporalBinaries((line) => console.error(line));
  const server = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: testServer } },
    client: { dataConverter },
  });
  await registerSearchAttributes(server.connection, server.namespace ?? 'default');
  return server;
}

/** Skips the server's clock to noon, Beijing time, on a month-day of `year`: the middle of that day. */
export async function skipToNoon(
  env: TestWorkflowEnvironment,
  year: number,
  monthDay: string,
): Promise<void> {
  const target = endOfDateInShanghai(`${year}-${monthDay}`) - 12 * 3_600_000;
  await env.sleep(target - (await env.currentTimeMs()));
}
