// Documents in an S3-compatible bucket (MinIO, Ceph, a cloud's object storage): key sha256/<hash>. The
// SHA-256 goes along as the S3 checksum, so the server refuses bytes damaged on the way. The SDK is loaded at
// the first request: it costs every process that opens the store (each wlx command) a tenth of a second.
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import { DocumentNotFoundError, type DocumentStore, mimeType, sha256Of, verified } from './store.ts';

export interface S3StoreConfig {
  bucket: string;
  endpoint?: string | undefined;
  region: string;
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
  /** MinIO and most self-hosted stores want path-style URLs (endpoint/bucket/key). */
  forcePathStyle: boolean;
}

const isNotFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
};

export function s3Store(config: S3StoreConfig): DocumentStore {
  const clientConfig: S3ClientConfig = {
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    ...(config.endpoint && { endpoint: config.endpoint }),
    ...(config.accessKeyId &&
      config.secretAccessKey && {
        credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      }),
  };
  let client: Promise<{ s3: S3Client; sdk: typeof import('@aws-sdk/client-s3') }> | undefined;
  const connected = () => {
    client ??= import('@aws-sdk/client-s3').then((sdk) => ({ s3: new sdk.S3Client(clientConfig), sdk }));
    return client;
  };
  const where = `s3://${config.bucket}${config.endpoint ? ` (${config.endpoint})` : ''}`;
  const keyOf = (sha256: string) => `sha256/${sha256}`;
  const has = async (sha256: string) => {
    const { s3, sdk } = await connected();
    try {
      await s3.send(new sdk.HeadObjectCommand({ Bucket: config.bucket, Key: keyOf(sha256) }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  };
  return {
    description: where,
    has,
    async put(bytes, type) {
      const sha256 = sha256Of(bytes);
      if (await has(sha256)) return { sha256, stored: false };
      const { s3, sdk } = await connected();
      await s3.send(
        new sdk.PutObjectCommand({
          Bucket: config.bucket,
          Key: keyOf(sha256),
          Body: bytes,
          ContentType: mimeType(type),
          ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
        }),
      );
      return { sha256, stored: true };
    },
    async get(sha256) {
      const { s3, sdk } = await connected();
      try {
        const object = await s3.send(new sdk.GetObjectCommand({ Bucket: config.bucket, Key: keyOf(sha256) }));
        if (!object.Body) throw new DocumentNotFoundError(sha256, where);
        return verified(sha256, Buffer.from(await object.Body.transformToByteArray()), where);
      } catch (error) {
        if (isNotFound(error)) throw new DocumentNotFoundError(sha256, where);
        throw error;
      }
    },
  };
}
