import { createInflateRaw } from 'node:zlib';

/**
 * Byte and row limits of an uploaded .xlsx, enforced while unpacking it and before any workbook reader sees it.
 * A zip states its sizes itself, and a hostile one lies (a few MB that unpack to gigabytes, or a sheet of a million
 * rows): so every entry is really inflated, on zlib's thread pool and a chunk at a time, counting the bytes it gives
 * and the rows of the worksheets, and stopped the moment a limit is passed. Nothing but the current chunk is held.
 */

export interface XlsxLimits {
  /** All entries together, unpacked. */
  maxUnpackedBytes: number;
  /** Rows of any one worksheet (`<row>` elements). */
  maxSheetRows: number;
  /** Zip entries (a workbook has a dozen or so). */
  maxEntries?: number;
}

/** Why an .xlsx was refused; the caller turns it into its 4xx with the file's name. */
export class XlsxLimitError extends Error {
  constructor(
    readonly kind: 'bytes' | 'rows' | 'entries' | 'malformed',
    message: string,
    readonly sheetRows?: number,
  ) {
    super(message);
  }
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localHeader: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The central directory's entries (names, methods, where their data is); a zip without one is malformed. */
export function zipEntries(zip: Buffer, maxEntries: number): Entry[] {
  // The end record is in the last 22 + 65535 (comment) bytes.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new XlsxLimitError('malformed', 'no zip end record');
  const count = zip.readUInt16LE(end + 10);
  if (count === 0xffff || zip.readUInt32LE(end + 16) === 0xffffffff) throw new XlsxLimitError('bytes', 'ZIP64 archive (4 GB or more)');
  if (count > maxEntries) throw new XlsxLimitError('entries', `${count} zip entries`);
  const entries: Entry[] = [];
  let offset = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL) throw new XlsxLimitError('malformed', 'damaged central directory');
    const nameLength = zip.readUInt16LE(offset + 28);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const localHeader = zip.readUInt32LE(offset + 42);
    if (compressedSize === 0xffffffff || localHeader === 0xffffffff) throw new XlsxLimitError('bytes', 'ZIP64 entry (4 GB or more)');
    entries.push({ name: zip.toString('utf8', offset + 46, offset + 46 + nameLength), method: zip.readUInt16LE(offset + 10), compressedSize, localHeader });
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return entries;
}

/** An entry's stored bytes, located through its local header (as zip readers do). */
function entryData(zip: Buffer, entry: Entry): Buffer {
  const at = entry.localHeader;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) throw new XlsxLimitError('malformed', `damaged entry ${entry.name}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  if (start + entry.compressedSize > zip.length) throw new XlsxLimitError('malformed', `truncated entry ${entry.name}`);
  return zip.subarray(start, start + entry.compressedSize);
}

const ROW_TAG = Buffer.from('<row');

/** Counts `<row …>` / `<row/>` start tags across chunk boundaries (not `<rowBreaks>`). */
export class RowCounter {
  rows = 0;
  private tail = Buffer.alloc(0);

  add(chunk: Buffer): void {
    const text = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    let i = text.indexOf(ROW_TAG);
    let keepFrom = Math.max(0, text.length - ROW_TAG.length);
    while (i >= 0) {
      if (i + ROW_TAG.length >= text.length) {
        keepFrom = i; // the next byte decides; look again with the next chunk
        break;
      }
      const next = text[i + ROW_TAG.length];
      if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) this.rows++;
      i = text.indexOf(ROW_TAG, i + 1);
    }
    this.tail = Buffer.from(text.subarray(keepFrom));
  }
}

/** Inflates raw deflate data chunk by chunk off the main thread; `onChunk` may throw to stop it. */
function inflateCounting(data: Buffer, onChunk: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      inflate.destroy();
      reject(error);
    };
    inflate.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        onChunk(chunk);
      } catch (error) {
        fail(error);
      }
    });
    inflate.on('end', () => failed || resolve());
    inflate.on('error', () => fail(new XlsxLimitError('malformed', 'damaged compressed data')));
    inflate.end(data);
  });
}

/**
 * Unpacks every entry of the zip without keeping it and throws XlsxLimitError when the entries together give more
 * than `maxUnpackedBytes` or a worksheet has more than `maxSheetRows` rows. Entries stored uncompressed count too.
 */
export async function checkXlsxLimits(zip: Buffer, limits: XlsxLimits): Promise<void> {
  const entries = zipEntries(zip, limits.maxEntries ?? 1_000);
  let total = 0;
  for (const entry of entries) {
    const data = entryData(zip, entry);
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name) ? new RowCounter() : undefined;
    const count = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limits.maxUnpackedBytes) throw new XlsxLimitError('bytes', 'unpacks to too much data');
      if (sheet) {
        sheet.add(chunk);
        if (sheet.rows > limits.maxSheetRows) throw new XlsxLimitError('rows', 'too many rows', sheet.rows);
      }
    };
    if (entry.method === 0) {
      for (let i = 0; i < data.length; i += 64 * 1024) count(data.subarray(i, i + 64 * 1024));
    } else if (entry.method === 8) {
      await inflateCounting(data, count);
    } else {
      throw new XlsxLimitError('malformed', `entry ${entry.name} uses compression method ${entry.method}`);
    }
  }
}
