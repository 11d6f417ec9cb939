// Documents in an S3-compatible bucket (MinIO, Ceph, a cloud's object storage): key sha256/<hash>. The
// SHA-256 goes along as the S3 checksum, so the server refuses bytes damaged on the way.
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
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
  const client = new S3Client(clientConfig);
  const where = `s3://${config.bucket}${config.endpoint ? ` (${config.endpoint})` : ''}`;
  const keyOf = (sha256: string) => `sha256/${sha256}`;
  const has = async (sha256: string) => {
    try {
      await client.send(new HeadObjectCommand({ Bucket: config.bucket, Key: keyOf(sha256) }));
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
      await client.send(
        new PutObjectCommand({
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
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: keyOf(sha256) }));
        if (!object.Body) throw new DocumentNotFoundError(sha256, where);
        return verified(sha256, Buffer.from(await object.Body.transformToByteArray()), where);
      } catch (error) {
        if (isNotFound(error)) throw new DocumentNotFoundError(sha256, where);
        throw error;
      }
    },
  };
}
