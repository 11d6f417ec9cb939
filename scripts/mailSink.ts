// A real SMTP server that keeps what it receives: the mail side of tests and of a local run.
// Run it directly with `tsx scripts/mailSink.ts --port 2525 --dir var/mail`.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerError } from 'smtp-server';

export interface ReceivedMail {
  /** With angle brackets, as in the header. */
  messageId: string | undefined;
  /** Addresses only, from the From, To and Cc headers. */
  from: string | undefined;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  headers: { key: string | undefined; kind: string | undefined };
  /** ISO 8601 instant the sink accepted the message. */
  receivedAt: string;
}

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

const emlName = /^(\d+)-(\d+)\.eml$/;

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
        const name = `${receivedAt}-${seq}.eml`;
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

/** The messages a sink saved to `dir`, oldest first. */
export async function listMail(dir: string): Promise<ReceivedMail[]> {
  const files = (await readdir(dir))
    .map((name) => ({ name, match: emlName.exec(name) }))
    .filter((f): f is { name: string; match: RegExpExecArray } => f.match !== null)
    .map((f) => ({ name: f.name, at: Number(f.match[1]), seq: Number(f.match[2]) }))
    .sort((a, b) => a.at - b.at || a.seq - b.seq);
  return Promise.all(files.map(async (f) => parseMail(await readFile(join(dir, f.name)), f.at)));
}

async function parseMail(raw: Buffer, receivedAt: number): Promise<ReceivedMail> {
  const parsed = await simpleParser(raw);
  return {
    messageId: parsed.messageId,
    from: addresses(parsed.from)[0],
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    headers: {
      key: header(parsed.headers, 'x-wanlixing-key'),
      kind: header(parsed.headers, 'x-wanlixing-kind'),
    },
    receivedAt: new Date(receivedAt).toISOString(),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  if (!field) return [];
  return [field]
    .flat()
    .flatMap((group) => group.value)
    .flatMap((a) => (a.address ? [a.address] : []));
}

function header(headers: Map<string, unknown>, name: string): string | undefined {
  const value = headers.get(name);
  return typeof value === 'string' ? value : undefined;
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
