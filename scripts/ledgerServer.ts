// The embedded mail-ledger server: PGlite (PostgreSQL in WebAssembly) on a folder, spoken to over the
// PostgreSQL wire protocol, so that every worker on this machine shares one ledger through `pg`, exactly
// as deployments share a PostgreSQL server. `npm start` runs it; so do the fault tests.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface LedgerServer {
  /** `postgres://…` for MAIL_LEDGER_URL. */
  url: string;
  close(): Promise<void>;
}

export async function startLedgerServer(options: { dir: string; port: number }): Promise<LedgerServer> {
  const db = await PGlite.create(options.dir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: options.port, maxConnections: 100 });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
