// A ZIP written by hand, so a test can make one whose central directory lies (a ZIP bomb that states
// small sizes) or whose parts are damaged, which no well-behaved zip library will write.
import { deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string;
  /** The bytes as stored: deflated when method is 8. */
  stored: Uint8Array;
  method: 0 | 8;
  /** What the headers claim the entry inflates to. */
  statedSize: number;
}

export const deflated = (name: string, data: Uint8Array): RawEntry => ({
  name,
  stored: deflateRawSync(data),
  method: 8,
  statedSize: data.length,
});

/** The ZIP of `entries`, every size as stated, CRCs zero (the readers here do not check them). */
export function writeZip(entries: readonly RawEntry[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.stored.length, 18);
    local.writeUInt32LE(entry.statedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt32LE(entry.stored.length, 20);
    header.writeUInt32LE(entry.statedSize, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    chunks.push(local, name, Buffer.from(entry.stored));
    offset += local.length + name.length + entry.stored.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, end]));
}
