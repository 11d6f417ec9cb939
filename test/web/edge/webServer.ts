// The web alone in a process of its own, for the tests and the bench that measure what requests cost it (its
// resident memory): the real app on an in-memory store, no Temporal behind it, and each sign-in link written
// to stdout as a line of JSON instead of mailed. Its first line is `{"port":N}`.
import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { createWebApp } from '../../../client/web/app.ts';
import { clientConfig } from '../../../infra/temporal/connection.ts';
import { dataConverter } from '../../../infra/temporal/payloadCodec.ts';
import { openWebStore } from '../../../infra/webStore/store.ts';

const say = (line: unknown) => process.stdout.write(`${JSON.stringify(line)}\n`);
const store = await openWebStore('pglite:memory://');
// No retries: with nobody there, a page that reads Temporal answers 503 at once.
const connection = Connection.lazy({ address: '127.0.0.1:9', connectTimeout: '1 second', interceptors: [] });
const { app } = createWebApp({
  client: new Client({ connection, dataConverter }),
  config: clientConfig({}),
  sessionSecret: randomBytes(48).toString('base64url'),
  store,
  mailer: {
    sendSignInLink: async (mail) => {
      say({ unit: mail.unit.code, link: new URL(mail.url).pathname });
    },
    sendSignInAlert: async (mail) => {
      say({ alert: mail.to.name });
    },
  },
  publicUrl: 'http://127.0.0.1',
  log: () => {},
});
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
  say({ port: info.port }),
);
// At once, open connections and all: a test that failed mid-upload must not leave this process behind.
process.once('SIGTERM', () => {
  server.close();
  process.exit(0);
});
