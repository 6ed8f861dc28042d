import { needsDrain, pendingBytes, type WritableLike } from './stream-backlog';

// archiver (ExcelJS's zip writer, the version ExcelJS installs) ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const archiver = require('archiver') as (format: 'zip', options?: { highWaterMark?: number }) => unknown;

describe('stream backlog (archiver private API)', () => {
  it("sees the drain flag of archiver's stream, which only its private _writableState holds", () => {
    const zip = archiver('zip', { highWaterMark: 16 }) as unknown as WritableLike & { write(chunk: Buffer): boolean };
    expect(needsDrain(zip)).toBe(false);
    // Nobody reads the archive: the write fills its buffer and asks the writer to wait for 'drain'.
    expect(zip.write(Buffer.alloc(1024))).toBe(false);
    expect(needsDrain(zip)).toBe(true);
    expect(pendingBytes(zip)).toBeGreaterThanOrEqual(0);
  });
});
