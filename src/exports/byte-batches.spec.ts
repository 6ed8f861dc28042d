import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ByteBatches } from './byte-batches';

/** Runs `pieces` through ByteBatches into a sink; answers the sizes of the writes the sink saw and their bytes. */
async function through(pieces: Buffer[], batchBytes: number): Promise<{ sizes: number[]; bytes: Buffer }> {
  const seen: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      seen.push(chunk);
      done();
    },
  });
  await pipeline(Readable.from(pieces, { objectMode: false }), new ByteBatches(batchBytes), sink);
  return { sizes: seen.map((b) => b.length), bytes: Buffer.concat(seen) };
}

const piece = (n: number, size: number) => Buffer.alloc(size, n % 251);

describe('ByteBatches', () => {
  it('passes many small pieces on as few large ones, bytes unchanged and in order', async () => {
    const pieces = Array.from({ length: 1000 }, (_, i) => piece(i, 1000));
    const { sizes, bytes } = await through(pieces, 256_000);
    expect(sizes).toEqual([256_000, 256_000, 256_000, 232_000]);
    expect(bytes.equals(Buffer.concat(pieces))).toBe(true);
  });

  it('joins what it held with the piece that fills the batch; a large piece alone passes without a copy', async () => {
    const large = piece(7, 300_000);
    const seen: Buffer[] = [];
    const batches = new ByteBatches(256_000);
    batches.on('data', (b: Buffer) => seen.push(b));
    const ended = new Promise((resolve) => batches.on('end', resolve));
    batches.write(piece(1, 10));
    batches.end(large);
    await ended;
    expect(seen.map((b) => b.length)).toEqual([300_010]);
    const alone = new ByteBatches(256_000);
    const out: Buffer[] = [];
    alone.on('data', (b: Buffer) => out.push(b));
    const done = new Promise((resolve) => alone.on('end', resolve));
    alone.end(large);
    await done;
    expect(out).toHaveLength(1);
    expect(out[0]).toBe(large);
  });

  it('sends what it holds at the end, and nothing for an empty stream', async () => {
    expect((await through([piece(1, 10), piece(2, 20)], 256_000)).sizes).toEqual([30]);
    expect((await through([], 256_000)).sizes).toEqual([]);
  });

  it('keeps backpressure: a writer is told to wait once the reader stops taking', async () => {
    const batches = new ByteBatches(1000, 4000);
    let accepted = 0;
    while (batches.write(piece(accepted, 500))) accepted++;
    // Nobody reads: at most a batch held, the readable side's buffer and the writable side's buffer fill, then `false`.
    expect(accepted).toBeLessThan(20);
    expect(batches.writableNeedDrain).toBe(true);
    const drained = new Promise((resolve) => batches.once('drain', resolve));
    batches.resume();
    await drained;
  });
});
