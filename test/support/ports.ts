// A TCP port nobody listens on, for a server a test starts or for a connection that must fail.
import { createServer } from 'node:net';
import { portIsFree } from '../../scripts/processes.ts';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/**
 * A free port below 32,768 with the next `span` free too: the Temporal server keeps its services' membership
 * ports in a smallint column, and the cluster gives its services the ports after its frontend's.
 */
export async function freeLowPorts(span: number): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const first = 20_000 + Math.floor(Math.random() * (32_000 - 20_000 - span));
    const all = Array.from({ length: span }, (_, i) => first + i);
    if ((await Promise.all(all.map(portIsFree))).every(Boolean)) return first;
  }
  throw new Error(`no ${span} free ports in a row below 32,000`);
}
