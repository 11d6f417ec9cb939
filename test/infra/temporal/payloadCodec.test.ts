// Large payloads travel gzipped, small ones stay readable JSON, and payloads written before the codec
// existed (every history of releases up to 0.3.x) still read.
import { defaultPayloadConverter } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { demandList } from '../../../bench/volume/generate.ts';
import {
  compressFromBytes,
  gzipCodec,
  gzipEncoding,
  historyValue,
} from '../../../infra/temporal/payloadCodec.ts';

const encoding = (payload: { metadata?: Record<string, Uint8Array> | null }) =>
  new TextDecoder().decode(payload.metadata?.encoding ?? new Uint8Array());

describe('the payload codec', () => {
  it('compresses a 5,000-row demand list and gives back exactly what went in', async () => {
    const rows = demandList('11', 5_000);
    const payload = defaultPayloadConverter.toPayload(rows);
    expect(payload.data?.length).toBeGreaterThan(1_500_000);
    const [encoded] = await gzipCodec.encode([payload]);
    expect(encoding(encoded ?? {})).toBe(gzipEncoding);
    expect(encoded?.data?.length).toBeLessThan((payload.data?.length ?? 0) / 4);
    const [decoded] = await gzipCodec.decode([encoded ?? payload]);
    expect(defaultPayloadConverter.fromPayload(decoded ?? payload)).toEqual(rows);
    expect(historyValue(encoded ?? payload)).toEqual(rows);
  });

  it('leaves a payload under the threshold as plain JSON, for the Web UI to show', async () => {
    const small = defaultPayloadConverter.toPayload({ unitCode: '11', reason: '请补充联系人' });
    expect(small.data?.length).toBeLessThan(compressFromBytes);
    const [encoded] = await gzipCodec.encode([small]);
    expect(encoded).toBe(small);
    expect(encoding(encoded ?? {})).toBe('json/plain');
  });

  it('reads payloads written before the codec, plain, as they are', async () => {
    const big = defaultPayloadConverter.toPayload(demandList('12', 500));
    expect(big.data?.length).toBeGreaterThan(compressFromBytes);
    const [decoded] = await gzipCodec.decode([big]);
    expect(decoded).toBe(big);
    expect(historyValue(big)).toEqual(demandList('12', 500));
  });
});
