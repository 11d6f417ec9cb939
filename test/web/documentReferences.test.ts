// A submission through the API may only name documents the store holds: a work plan or a written summary
// whose SHA-256 was never stored is refused with 422 naming the field, before anything reaches Temporal.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putDocumentUpload } from '../../client/operations/documents.ts';
import { type MailSink, startMailSink } from '../../scripts/mailSink.ts';
import { sampleWorkPlan, sampleWritten } from '../support/samples.ts';
import { type Browser, signInUnit, type WebHarness, webHarness } from './support.ts';

let sink: MailSink;
let harness: WebHarness;
let unit: Browser;

beforeAll(async () => {
  sink = await startMailSink({ port: 0 });
  harness = await webHarness({ sink });
  unit = await signInUnit(harness, sink, '11', 'wanlixing@bj.ipa.example');
});
afterAll(async () => {
  await harness?.close();
  await sink?.close();
});

const neverStored = () => randomBytes(32).toString('hex');

describe('document references in API submissions', () => {
  it('refuses a work plan whose document was never stored, naming document.sha256', async () => {
    const plan = sampleWorkPlan();
    const refused = await unit.request('POST', '/api/campaigns/2031/units/11/plan', {
      ...plan,
      document: { ...plan.document, sha256: neverStored() },
    });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ errors: [{ field: 'document.sha256' }] });
  });

  it('refuses a written summary whose document was never stored, naming written.document.sha256', async () => {
    const written = sampleWritten();
    const refused = await unit.request('POST', '/api/campaigns/2031/units/11/summary', {
      written: { ...written, document: { ...written.document, sha256: neverStored() } },
    });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ errors: [{ field: 'written.document.sha256' }] });
  });

  it('lets a plan whose document is stored through to Temporal (absent here: 503)', async () => {
    const put = await putDocumentUpload('plan.pdf', Buffer.from(`%PDF-1.4\n% ${neverStored()}\n%%EOF\n`));
    const passed = await unit.request('POST', '/api/campaigns/2031/units/11/plan', {
      ...sampleWorkPlan(),
      document: put.reference,
    });
    expect(passed.status).toBe(503);
  });
});
