// wlx's quick reads over Temporal's HTTP API read what the SDK's client reads: memos (a compressed one too),
// search attributes, a pending task's attempts, a listing; an unknown workflow is named, an absent server too.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { httpReads } from '../../../infra/temporal/httpReads.ts';
import { compressFromBytes, dataConverter, gzipEncoding } from '../../../infra/temporal/payloadCodec.ts';
import { sdkReads, type TemporalReads } from '../../../infra/temporal/reads.ts';
import { TemporalUnreachableError } from '../../../infra/temporal/unreachable.ts';
import { UserError } from '../../../infra/userError.ts';
import { registerSearchAttributes } from '../../../scripts/registerSearchAttributes.ts';
import { campaignYearKey, unitCodeKey } from '../../../workflows/shared/searchAttributes.ts';
import { eventually } from '../../support/eventually.ts';
import { freePort } from '../../support/ports.ts';

let env: TestWorkflowEnvironment;
let httpUrl: string;
let http: TemporalReads;
let sdk: TemporalReads;
const year = 2041;
// Past the codec's threshold, so the memo travels gzipped and the HTTP reads must unzip it.
const large = { rows: Array.from({ length: 2_000 }, (_, i) => ({ id: `D${i}`, text: '需求描述 demand' })) };

beforeAll(async () => {
  const httpPort = await freePort();
  env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: inject('temporalCliPath') },
      extraArgs: ['--http-port', String(httpPort)],
    },
    client: { dataConverter },
  });
  await registerSearchAttributes(env.connection, 'default');
  httpUrl = `http://127.0.0.1:${httpPort}`;
  http = httpReads(httpUrl, 'default');
  sdk = sdkReads(env.client);
  expect(JSON.stringify(large).length).toBeGreaterThan(compressFromBytes);
  // No worker polls this queue: the workflows wait on their first task, which is all a read needs.
  for (const unit of ['11', '12'])
    await env.client.workflow.start('unitWorkflow', {
      taskQueue: 'http-reads-test',
      workflowId: `http-reads-${year}-${unit}`,
      memo: { progress: { unitCode: unit, overdue: unit === '12' }, large },
      typedSearchAttributes: [
        { key: campaignYearKey, value: year },
        { key: unitCodeKey, value: unit },
      ],
    });
}, 120_000);

afterAll(async () => {
  await env?.teardown();
});

describe('reads over the HTTP API', () => {
  it('describe a workflow as the SDK does, its compressed memo unzipped', async () => {
    const [overHttp, overGrpc] = await Promise.all([
      http.describe(`http-reads-${year}-12`),
      sdk.describe(`http-reads-${year}-12`),
    ]);
    const raw = (await (
      await fetch(`${httpUrl}/api/v1/namespaces/default/workflows/http-reads-${year}-12?noPayloadShorthand`)
    ).json()) as {
      workflowExecutionInfo: { memo: { fields: { large: { metadata: { encoding: string } } } } };
    };
    const encoding = raw.workflowExecutionInfo.memo.fields.large.metadata.encoding;
    expect(Buffer.from(encoding, 'base64').toString()).toBe(gzipEncoding);
    expect(overHttp.memo).toEqual({ progress: { unitCode: '12', overdue: true }, large });
    expect(overHttp).toEqual(overGrpc);
    expect(overHttp.running).toBe(true);
    expect(overHttp.searchAttributes[unitCodeKey.name]).toEqual(['12']);
  });

  it('list the same runs, with the same memos, as the SDK', async () => {
    const query = `CampaignYear = ${year}`;
    const collect = async (reads: TemporalReads) => {
      const found = [];
      for await (const execution of reads.list(query)) found.push(execution);
      return found.sort((a, b) => a.workflowId.localeCompare(b.workflowId));
    };
    // Visibility catches up with new runs a moment after they start.
    const overHttp = await eventually(
      async () => ((await collect(http)).length === 2 ? collect(http) : undefined),
      20_000,
      'both runs to be listed',
    );
    expect(overHttp.map((e) => e.memo.progress)).toEqual([
      { unitCode: '11', overdue: false },
      { unitCode: '12', overdue: true },
    ]);
    expect(overHttp).toEqual(await collect(sdk));
  });

  it('name a workflow the server does not know, and a server that is not there', async () => {
    const missing = await http.describe('http-reads-none').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(UserError);
    expect((missing as UserError).message).toContain('no such workflow: http-reads-none');
    const closed = httpReads(`http://127.0.0.1:${await freePort()}`, 'default');
    await expect(closed.describe('any')).rejects.toBeInstanceOf(TemporalUnreachableError);
  });
});
