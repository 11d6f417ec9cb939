// The web as a server: its store, mailer and Temporal client opened from the configuration, the app
// served over HTTP. Used by `npm run web` (main.ts) and by `npm start`.
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { openSqlAuditTrail } from '../../infra/audit/sqlTrail.ts';
import { configuredRobots } from '../../infra/channels/robotsFile.ts';
import { hoursToMs } from '../../infra/config.ts';
import { sqlClient } from '../../infra/sql.ts';
import type { ClientConfig } from '../../infra/temporal/connection.ts';
import { dataConverter } from '../../infra/temporal/payloadCodec.ts';
import { openSqlWebStore } from '../../infra/webStore/store.ts';
import { createWebApp } from './app.ts';
import type { WebConfig } from './config.ts';
import { smtpMailer } from './mailer.ts';

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

export async function startWebServer(web: WebConfig, temporal: ClientConfig): Promise<WebServer> {
  const robots = web.NOTICE_ROBOTS_FILE ? await configuredRobots(web.NOTICE_ROBOTS_FILE) : new Map();
  // One connection for the store and the trail (a PGlite folder has one owner); closing the store closes it.
  const sql = await sqlClient(web.WEB_DB_URL);
  const store = await openSqlWebStore(sql);
  const audit = await openSqlAuditTrail(sql);
  const mailer = smtpMailer({ smtpUrl: web.SMTP_URL, from: web.MAIL_FROM });
  // Lazy: the web starts (and answers 503) while Temporal is still coming up or away.
  const connection = Connection.lazy({ address: temporal.TEMPORAL_ADDRESS, connectTimeout: '5 seconds' });
  const client = new Client({ connection, namespace: temporal.TEMPORAL_NAMESPACE, dataConverter });
  const { app, settled } = createWebApp({
    client,
    config: temporal,
    sessionSecret: web.WEB_SESSION_SECRET,
    store,
    audit,
    mailer,
    publicUrl: web.WEB_PUBLIC_URL,
    trustProxy: web.WEB_TRUST_PROXY,
    robots,
    remindAllIntervalMs: hoursToMs(web.REMIND_ALL_INTERVAL_HOURS),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: web.WEB_HOST, port: web.WEB_PORT }, () => resolve(s));
    s.once('error', reject);
  });
  return {
    url: web.WEB_PUBLIC_URL,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await settled();
      mailer.close();
      await store.close();
      await connection.close();
    },
  };
}
