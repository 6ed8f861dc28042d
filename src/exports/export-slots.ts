import { UnavailableError } from '../common/errors';

/** Seconds a client is told to wait (Retry-After) when every export slot stays taken. */
export const EXPORTS_BUSY_RETRY_SECONDS = 10;

/**
 * At most `limit` exports at once in this process: each holds a pooled connection for as long as its client reads,
 * so ten slow readers must not take every connection the API needs. A caller beyond the limit waits up to `waitMs`
 * for a slot (first come, first served), then gets 503 EXPORTS_BUSY with Retry-After; one whose client goes away
 * while waiting leaves the queue.
 */
export class ExportSlots {
  private taken = 0;
  private readonly queue: { grant: () => void }[] = [];

  constructor(
    readonly limit: number,
    private readonly waitMs: number,
  ) {}

  /** Exports running now (for tests and health views). */
  get active(): number {
    return this.taken;
  }

  /** Resolves with the function that gives the slot back (call it exactly once, in a `finally`). */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.taken < this.limit && this.queue.length === 0) return this.claim();
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          done();
          resolve(this.claim());
        },
      };
      const leave = (error: unknown) => {
        done();
        const i = this.queue.indexOf(entry);
        if (i >= 0) this.queue.splice(i, 1);
        reject(error);
      };
      const timer = setTimeout(
        () => leave(new UnavailableError('EXPORTS_BUSY', `All ${this.limit} export slots are busy; try again in a few seconds`, EXPORTS_BUSY_RETRY_SECONDS)),
        this.waitMs,
      );
      const onAbort = () => leave(signal!.reason);
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(entry);
    });
  }

  private claim(): () => void {
    this.taken++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.taken--;
      this.queue.shift()?.grant();
    };
  }
}
