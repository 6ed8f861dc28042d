import { Transform, type TransformCallback } from 'node:stream';

/**
 * Bytes per write to the response. The zip compressor hands out 16 KB pieces, and every piece written to the socket is a
 * system call with its chunked-encoding framing: 1,600 of them for the 25 MB grant report, about a quarter of a second of
 * the writer's thread on the benchmark machine (bench/RESULTS.md, session 25). 64 KB makes it 400; 256 KB batches raised
 * the server's peak RSS by 30 MB in the same benchmark (265 → 295 MB), so no larger.
 */
export const DEFAULT_BATCH_BYTES = 64 * 1024;

/**
 * Passes bytes on in pieces of at least `batchBytes` (the last one smaller): many small writes in, few large ones out.
 * A piece that is large enough alone passes unchanged, without a copy. What it holds back is at most `batchBytes` on top
 * of the stream's own buffers, and its backpressure is a Transform's: a writer that waits for 'drain' still waits.
 */
export class ByteBatches extends Transform {
  private held: Buffer[] = [];
  private heldBytes = 0;

  constructor(
    private readonly batchBytes = DEFAULT_BATCH_BYTES,
    highWaterMark = 64 * 1024,
  ) {
    super({ highWaterMark });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    if (this.heldBytes >= this.batchBytes) done(null, this.batch());
    else done();
  }

  override _flush(done: TransformCallback): void {
    done(null, this.heldBytes > 0 ? this.batch() : undefined);
  }

  private batch(): Buffer {
    const joined = this.held.length === 1 ? this.held[0] : Buffer.concat(this.held, this.heldBytes);
    this.held = [];
    this.heldBytes = 0;
    return joined;
  }
}
