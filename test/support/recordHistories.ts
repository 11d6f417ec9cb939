// Keeps a run's histories as this release's replay fixtures (RECORD_HISTORIES=1 npm test), named by what
// they are, not by year: test/replay.test.ts replays every release's folder against today's code.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Client } from '@temporalio/client';

const packageVersion = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** `names` maps a workflow id to its fixture's file name (without .json). */
export async function recordHistories(client: Client, names: ReadonlyMap<string, string>): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  const dir = new URL(`../fixtures/histories/${packageVersion}/`, import.meta.url);
  mkdirSync(dir, { recursive: true });
  for (const [workflowId, name] of names) {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    writeFileSync(new URL(`${name}.json`, dir), JSON.stringify(history));
  }
}
