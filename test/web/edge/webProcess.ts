// Drives test/web/edge/webServer.ts: starts it, signs a unit in through its link, sends bodies of any size
// (streamed, never held whole here), and reads the process's resident memory from /proc.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./webServer.ts', import.meta.url));

export interface WebProcess {
  url: string;
  child: ChildProcess;
  /** Resident memory now, and the peak since the last `resetPeak()`, in bytes (VmRSS, VmHWM). */
  memory(): { rss: number; peak: number };
  resetPeak(): void;
  /** Cookies of a browser signed in as `unitCode` through its link, and its CSRF token. */
  signInUnit(unitCode: string): Promise<{ cookie: string; csrf: string }>;
  stop(): Promise<void>;
}

export async function startWebProcess(): Promise<WebProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: Record<string, string>[] = [];
  let waiters: (() => void)[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    for (const line of complete) lines.push(JSON.parse(line));
    for (const wake of waiters) wake();
    waiters = [];
  });
  const line = async (has: (l: Record<string, string>) => boolean, seconds = 60) => {
    const deadline = Date.now() + seconds * 1000;
    for (;;) {
      const found = lines.find(has);
      if (found) return found;
      if (child.exitCode !== null) throw new Error(`the web process exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('the web process said nothing in time');
      await new Promise<void>((wake) => {
        waiters.push(wake);
        setTimeout(wake, 200);
      });
    }
  };
  const url = `http://127.0.0.1:${(await line((l) => 'port' in l)).port}`;
  const status = (field: string) =>
    Number(
      new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1],
    ) * 1024;
  return {
    url,
    child,
    memory: () => ({ rss: status('VmRSS'), peak: status('VmHWM') }),
    // Writing 5 to clear_refs resets the peak resident size (VmHWM) of the process (proc(5)).
    resetPeak: () => writeFileSync(`/proc/${child.pid}/clear_refs`, '5'),
    async signInUnit(unitCode) {
      const first = await fetch(`${url}/api/session/csrf`);
      const csrf = ((await first.json()) as { csrfToken: string }).csrfToken;
      const cookie = `wlx_csrf=${csrf}`;
      const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
      const before = lines.length;
      await fetch(`${url}/api/session/link`, { method: 'POST', headers, body: JSON.stringify({ unitCode }) });
      const { link } = await line((l) => l.unit === unitCode && lines.indexOf(l) >= before);
      const used = await fetch(`${url}/api/session/link/${link?.split('/').at(-1)}`, {
        method: 'POST',
        headers,
      });
      const session = used.headers.getSetCookie().find((c) => c.startsWith('wlx_session='));
      if (used.status !== 200 || !session) throw new Error(`signing in answered ${used.status}`);
      return { cookie: `${cookie}; ${session.split(';')[0]}`, csrf };
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface Sent {
  status: number;
  /** Bytes of the body written before the answer came (or all of them). */
  written: number;
  /** Retry-After, as the upload queue sends it when full. */
  retryAfter?: string;
}

/**
 * POSTs `size` bytes to `url`: `first` (a form's opening, say), then `fill` repeated. With `declared` the size
 * goes in Content-Length; otherwise the body is chunked. Stops writing once an answer arrives.
 */
export function sendBody(
  url: string,
  options: {
    size: number;
    headers?: Record<string, string>;
    first?: Buffer;
    declared?: boolean;
    last?: Buffer;
  },
): Promise<Sent> {
  const fill = Buffer.alloc(64 * 1024, 0x61);
  const first = options.first ?? Buffer.alloc(0);
  const last = options.last ?? Buffer.alloc(0);
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    let opened = false;
    const req = request(url, {
      method: 'POST',
      headers: {
        ...options.headers,
        ...(options.declared && { 'content-length': String(options.size) }),
      },
    });
    req.on('response', (response) => {
      answered = true;
      const retryAfter = response.headers['retry-after'];
      resolve({ status: response.statusCode ?? 0, written, ...(retryAfter && { retryAfter }) });
      response.resume();
      if (written < options.size) req.destroy(); // the rest would not be read
    });
    // The server may close the connection once it has answered a body it would not read.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const write = () => {
      while (!answered && written < options.size) {
        const body = opened ? fill : first;
        opened = true;
        const chunk =
          written + body.length + last.length >= options.size
            ? Buffer.concat([body.subarray(0, Math.max(0, options.size - written - last.length)), last])
            : body;
        written += chunk.length;
        if (written >= options.size) {
          req.end(chunk);
          return;
        }
        if (!req.write(chunk)) {
          req.once('drain', write);
          return;
        }
      }
    };
    write();
  });
}
