// An S3-compatible server for tests: PyPI's moto_server when installed (.ci/run installs it), with the
// documents' bucket made. In memory: each start is empty.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { freePort } from './ports.ts';

export const motoServerPath: string | undefined = (process.env.PATH ?? '')
  .split(delimiter)
  .map((dir) => dir && join(dir, 'moto_server'))
  .find((path) => path && existsSync(path));

export interface Moto {
  endpoint: string;
  bucket: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** The variables that point a process's document store at it. */
  env: Record<string, string>;
  s3: S3Client;
  stop(): void;
}

export async function startMoto(bucket = 'wanlixing-documents'): Promise<Moto> {
  if (!motoServerPath) throw new Error("moto_server is not installed (pip install 'moto[server]')");
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(motoServerPath, ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
  });
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  const s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  for (let attempt = 0; ; attempt++) {
    try {
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      break;
    } catch (error) {
      if (attempt > 100) {
        server.kill();
        throw error;
      }
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  return {
    endpoint,
    bucket,
    credentials,
    env: {
      DOCUMENT_STORE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    },
    s3,
    stop: () => {
      s3.destroy();
      server.kill();
    },
  };
}
