// A real SMTP server that keeps what it receives: the mail side of tests and of a local run.
// Run it directly with `tsx scripts/mailSink.ts --port 2525 --dir var/mail`.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SMTPServer, type SMTPServerError } from 'smtp-server';
import { emlFileName, parseMail, type ReceivedMail } from '../infra/mail/mailbox.ts';

export interface MailSinkOptions {
  /** 0 picks a free port. */
  port: number;
  /** Also keep each raw message as `<dir>/<receivedAt-ms>-<seq>.eml`. */
  dir?: string;
  /** A reply code (e.g. 550 or 451) refuses that recipient, to simulate failures. */
  rejectRecipient?: (address: string) => number | undefined;
  /** Called for each message once it is stored, in arrival order. */
  onMessage?: (mail: ReceivedMail) => void;
}

export interface MailSink {
  port: number;
  url: string;
  /** Everything received so far, in arrival order. */
  messages(): ReceivedMail[];
  /** Resolves once at least `count` messages are held; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs: number): Promise<ReceivedMail[]>;
  clear(): void;
  close(): Promise<void>;
}

export async function startMailSink(options: MailSinkOptions): Promise<MailSink> {
  const { dir, rejectRecipient, onMessage } = options;
  if (dir) await mkdir(dir, { recursive: true });
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let seq = 0;
  // Parsing is async: stores run one after another so the list keeps arrival order.
  let stored: Promise<unknown> = Promise.resolve();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Pooled clients keep idle connections open; a sink need not give them the default 30 s to leave.
    closeTimeout: 1000,
    onRcptTo(address, _session, callback) {
      const code = rejectRecipient?.(address.address);
      if (code === undefined) return callback();
      const error: SMTPServerError = new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later');
      error.responseCode = code;
      callback(error);
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const receivedAt = Date.now();
        seq += 1;
        const name = emlFileName(receivedAt, seq);
        const store = stored.then(async () => {
          if (dir) await writeFile(join(dir, name), raw);
          const mail = await parseMail(raw, receivedAt);
          received.push(mail);
          onMessage?.(mail);
          for (const wake of waiters) wake();
        });
        stored = store.catch(() => undefined);
        // The client hears 250 only once the message is kept, so a sent mail is already in messages().
        store.then(() => callback(), callback);
      });
    },
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.on('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const bound = server.server.address();
      if (bound === null || typeof bound === 'string') reject(new Error('mail sink: no TCP port'));
      else resolve(bound.port);
    });
  });

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages: () => [...received],
    waitFor(count, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve([...received]);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`mail sink: ${received.length} of ${count} messages after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    clear() {
      received.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '2525' }, dir: { type: 'string' } },
  });
  const sink = await startMailSink({
    port: Number(values.port),
    ...(values.dir && { dir: values.dir }),
    onMessage: (mail) => console.log(`${mail.receivedAt}  ${mail.to.join(', ')}  ${mail.subject}`),
  });
  console.log(`mail sink listening on ${sink.url}${values.dir ? `, saving to ${values.dir}` : ''}`);
  const stop = () => {
    console.log('mail sink stopping');
    void sink.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
