// Which notices were delivered, by business key. SMTP has no idempotency key, and the worker restarts and
// Temporal retries activities, so the mail activity asks here before sending. An append-only JSON-lines
// file, read once at open and fsynced on every record.
// One file serves one worker process: several workers need a shared store (e.g. a database table with the
// key as primary key), or each would resend what the others had already sent.
import { type FileHandle, mkdir, open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { parseInput } from '../domain/validation.ts';

export interface SentEntry {
  messageId: string;
  /** ISO 8601 instant the send was recorded. */
  sentAt: string;
}

const lineSchema = z.object({
  key: z.string().min(1),
  messageId: z.string().min(1),
  sentAt: z.iso.datetime(),
});

export class SentLedger {
  /** Appends run one at a time: interleaved writes could tear each other's lines. */
  private writes: Promise<void> = Promise.resolve();
  /** Set when an append failed: the file may end in a torn line, which only a reopen repairs. */
  private failure: unknown;

  private constructor(
    readonly path: string,
    private readonly file: FileHandle,
    private readonly entries: Map<string, SentEntry>,
  ) {}

  /** Opens (creating it and its directory if needed) and loads the ledger at `path`. */
  static async open(path: string): Promise<SentLedger> {
    const dir = dirname(path);
    await mkdir(dir, { recursive: true });
    const existed = await stat(path).then(
      () => true,
      () => false,
    );
    const file = await open(path, 'a+');
    try {
      if (!existed) await syncDirectory(dir);
      const content = await file.readFile();
      // A crash in the middle of an append leaves a last line without its newline. That record was never
      // acknowledged (its fsync had not returned), so it is dropped rather than glued to the next append.
      const complete = content.lastIndexOf(0x0a) + 1;
      if (complete < content.length) {
        await file.truncate(complete);
        await file.sync();
      }
      return new SentLedger(path, file, parseLines(content.subarray(0, complete).toString('utf8'), path));
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): SentEntry | undefined {
    return this.entries.get(key);
  }

  /** Throws once an append has failed: a send now could not be recorded, so it would repeat on every retry. */
  assertWritable(): void {
    if (this.failure !== undefined) {
      throw new Error(`sent-ledger ${this.path} failed to append earlier; restart the worker to reopen it`, {
        cause: this.failure,
      });
    }
  }

  /** Resolves once the record is on disk. */
  async record(key: string, messageId: string): Promise<SentEntry> {
    const entry: SentEntry = { messageId, sentAt: new Date().toISOString() };
    const line = `${JSON.stringify({ key, ...entry })}\n`;
    const written = this.writes.then(async () => {
      this.assertWritable();
      try {
        await this.file.appendFile(line, 'utf8');
        await this.file.sync();
      } catch (error) {
        this.failure = error;
        throw error;
      }
    });
    this.writes = written.catch(() => undefined);
    await written;
    this.entries.set(key, entry);
    return entry;
  }

  async close(): Promise<void> {
    await this.writes;
    await this.file.close();
  }
}

function parseLines(text: string, path: string): Map<string, SentEntry> {
  const entries = new Map<string, SentEntry>();
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      // A complete line that is not JSON is damage, not a torn append: stop rather than forget a send.
      throw new Error(`sent-ledger ${path} line ${i + 1} is not JSON`);
    }
    const { key, messageId, sentAt } = parseInput(lineSchema, json, `sent-ledger ${path} line ${i + 1}`);
    entries.set(key, { messageId, sentAt });
  });
  return entries;
}

/** Makes a new file's directory entry durable, so the ledger itself survives a crash. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
