// Large payloads travel gzipped. A national matching proposal, a 5,000-row demand list or the status query
// that carries it is megabytes of repetitive JSON, past Temporal's 2 MB payload and gRPC's 4 MB message
// limits; gzipped it is a few hundred kB. Small payloads stay plain JSON, readable in the Temporal Web UI.
// The worker and every client use the same converter: a client without it cannot read what is compressed.
import { promisify } from 'node:util';
import { gunzip, gunzipSync, gzip } from 'node:zlib';
import {
  type DataConverter,
  defaultPayloadConverter,
  type Payload,
  type PayloadCodec,
} from '@temporalio/common';
// Default import: the package is CommonJS, and tsx offers no named exports for it.
import proto from '@temporalio/proto';

const zip = promisify(gzip);
const unzip = promisify(gunzip);
const { Payload: PayloadMessage } = proto.temporal.api.common.v1;

/** The encoding a compressed payload is marked with; the original payload, encoded, is what is zipped. */
export const gzipEncoding = 'binary/gzip';
/** Payloads from this size up are compressed: well under the 256 kB at which Temporal starts to warn. */
export const compressFromBytes = 32 * 1024;

const zipped = (payload: Payload) =>
  new TextDecoder().decode(payload.metadata?.encoding ?? new Uint8Array()) === gzipEncoding;
/** The original payload from its unzipped encoding. */
const original = (bytes: Uint8Array) => PayloadMessage.decode(bytes) as Payload;

export const gzipCodec: PayloadCodec = {
  async encode(payloads) {
    return Promise.all(
      payloads.map(async (payload) => {
        if ((payload.data?.length ?? 0) < compressFromBytes) return payload;
        const data = await zip(PayloadMessage.encode(payload).finish());
        return { metadata: { encoding: new TextEncoder().encode(gzipEncoding) }, data };
      }),
    );
  },
  async decode(payloads) {
    return Promise.all(
      payloads.map(async (payload) =>
        zipped(payload) ? original(await unzip(payload.data ?? new Uint8Array())) : payload,
      ),
    );
  },
};

/** For Worker.create and every Client: JSON as usual, large payloads gzipped. */
export const dataConverter: DataConverter = { payloadCodecs: [gzipCodec] };

/** The value of a payload read straight from a history event, decompressed first if it was compressed. */
export function historyValue<T>(payload: Payload): T | undefined {
  return defaultPayloadConverter.fromPayload<T>(
    zipped(payload) ? original(gunzipSync(payload.data ?? new Uint8Array())) : payload,
  );
}
