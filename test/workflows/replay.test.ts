// Histories recorded from real runs (the time-skipped campaign test, RECORD_HISTORIES=1) must replay
// against today's workflow code: a non-deterministic change fails here before it reaches a running year.
// Each release keeps its own folder (fixtures/histories/<version>/), and every release's histories replay:
// a year started on an older release finishes on a newer worker, through its patched() branches.
import { readdirSync, readFileSync } from 'node:fs';
import { temporal } from '@temporalio/proto';
import { describe, expect, it } from 'vitest';
import { replayAll } from '../../client/operations/recovery/replayAll.ts';
import { bundleWorkflows } from '../support/temporal.ts';

const dir = new URL('../fixtures/histories/', import.meta.url);
const releases = readdirSync(dir).sort();
const fixtures = releases.flatMap((release) =>
  readdirSync(new URL(`${release}/`, dir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => `${release}/${f}`),
);

describe('recorded histories', () => {
  it.each(releases)('of release %s include the campaign and its units', (release) => {
    const files = fixtures.filter((f) => f.startsWith(`${release}/`)).map((f) => f.slice(release.length + 1));
    expect(files).toContain('campaign.json');
    expect(files.filter((f) => f.startsWith('campaign-')).length).toBeGreaterThanOrEqual(5);
  });

  it('replay deterministically', async () => {
    const bundle = await bundleWorkflows();
    const histories = fixtures.map((file) => ({
      workflowId: file.replace(/\.json$/, ''),
      // fromObject, not the SDK's historyFromJSON: npm leaves two protobufjs copies in this tree and the
      // latter's instanceof check fails across them.
      history: temporal.api.history.v1.History.fromObject(
        JSON.parse(readFileSync(new URL(file, dir), 'utf8')),
      ),
    }));
    const { replayed, failures } = await replayAll(bundle, histories);
    expect(failures).toEqual([]);
    expect(replayed).toBe(fixtures.length);
  });
});
