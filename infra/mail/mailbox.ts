// The mail a sink keeps: one .eml file a message, named so that a folder lists in arrival order.
// The sink (scripts/mailSink.ts) writes them; `wlx mail list` and the tests read them.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AddressObject, simpleParser } from 'mailparser';
import { inParallel } from '../../domain/inParallel.ts';

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

const emlName = /^(\d+)-(\d+)\.eml$/;

/** `<receivedAt-ms>-<seq>.eml`: the instant the sink accepted it, and its place among those of that instant. */
export function emlFileName(receivedAt: number, seq: number): string {
  return `${receivedAt}-${seq}.eml`;
}

/** The messages a sink saved to `dir`, oldest first. */
export async function listMail(dir: string): Promise<ReceivedMail[]> {
  const files = (await readdir(dir))
    .map((name) => ({ name, match: emlName.exec(name) }))
    .filter((f): f is { name: string; match: RegExpExecArray } => f.match !== null)
    .map((f) => ({ name: f.name, at: Number(f.match[1]), seq: Number(f.match[2]) }))
    .sort((a, b) => a.at - b.at || a.seq - b.seq);
  // A few files open at once: a county year's folder holds tens of thousands, past the process's file limit.
  const mail: ReceivedMail[] = new Array(files.length);
  await inParallel(files, 32, async (f, i) => {
    mail[i] = await parseMail(await readFile(join(dir, f.name)), f.at);
  });
  return mail;
}

export async function parseMail(raw: Buffer, receivedAt: number): Promise<ReceivedMail> {
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
