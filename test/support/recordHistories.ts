// Keeps a run's histories as this release's replay fixtures (RECORD_HISTORIES=1 npm test), named by what
// they are, not by year: test/workflows/replay.test.ts replays every release's folder against today's code.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Client } from '@temporalio/client';

const packageVersion = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** A workflow's latest run by its id, or one run of it. */
export type Run = string | { workflowId: string; runId: string };

/** `names` maps a workflow (or one run of it) to its fixture's file name (without .json). */
export async function recordHistories(client: Client, names: ReadonlyMap<Run, string>): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  const dir = new URL(`../fixtures/histories/${packageVersion}/`, import.meta.url);
  mkdirSync(dir, { recursive: true });
  for (const [run, name] of names) {
    const { workflowId, runId } = typeof run === 'string' ? { workflowId: run, runId: undefined } : run;
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    writeFileSync(new URL(`${name}.json`, dir), JSON.stringify(history));
  }
}
