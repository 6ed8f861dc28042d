import type { Actor } from './actor';

/**
 * Shares one run of a read between the callers that ask for the same key at the same time, without ever answering
 * with data older than the question: a caller that arrives while a run is in flight does not join it (it may have
 * read the data before the caller's own last write committed) but waits for it to end; all callers that arrived
 * meanwhile then share the next run, which starts after every one of them arrived. N identical requests at once cost
 * about two runs instead of N (the office's overview and coverage, opened by many at 8 a.m., are each one such read).
 *
 * Per process: the API's workers each coalesce their own callers. A failed run fails its callers only.
 */
export class Coalescer<V> {
  private readonly runs = new Map<string, { current: Promise<V>; next?: Promise<V> }>();

  run(key: string, work: () => Promise<V>): Promise<V> {
    const entry = this.runs.get(key);
    if (!entry) return this.start(key, work);
    entry.next ??= entry.current.then(
      () => this.start(key, work),
      () => this.start(key, work),
    );
    return entry.next;
  }

  /** Keys with a run in flight (for tests). */
  get size(): number {
    return this.runs.size;
  }

  /** Whether a run for the key is in flight: a caller now would wait for the next run instead of starting one. */
  busy(key: string): boolean {
    return this.runs.has(key);
  }

  private start(key: string, work: () => Promise<V>): Promise<V> {
    const current = work();
    const entry: { current: Promise<V>; next?: Promise<V> } = { current };
    this.runs.set(key, entry);
    const end = () => {
      // With a next run waiting, the entry stays until that run starts and replaces it, so that callers arriving in
      // between join the run that has not started yet.
      if (!entry.next && this.runs.get(key) === entry) this.runs.delete(key);
    };
    current.then(end, end);
    return current;
  }
}

/**
 * Answers a read again from its last run while the database has not changed since that run began, else runs it
 * (through a `Coalescer`). "Not changed" is decided by `version` (`databaseVersion` in `common/db.ts`: PostgreSQL's
 * current snapshot, which stays the same exactly as long as no transaction that wrote anything commits, and never
 * repeats), read when the request arrives and compared with the one read before the last run's first statement.
 * Equal means no write committed between that run's start and this request: the stored answer is what a run now
 * would give, so an answer is never older than its request, as with the `Coalescer` alone (tested in
 * `test/stats.e2e-spec.ts`). Any committed write anywhere in the database makes the next request run again; an
 * office looking at its overview while nobody writes costs one trivial statement instead of a run.
 *
 * Per process, at most `maxEntries` keys (the least recently used goes). Callers share the answer: never change it.
 */
export class VersionedReads<V> {
  private readonly coalescer = new Coalescer<{ version: string; value: V }>();
  private readonly last = new Map<string, { version: string; value: V }>();

  constructor(
    private readonly version: () => Promise<string>,
    private readonly maxEntries = 32,
  ) {}

  async run(key: string, work: () => Promise<V>): Promise<V> {
    const now = await this.version();
    const stored = this.last.get(key);
    if (stored && stored.version === now) {
      this.last.delete(key);
      this.last.set(key, stored);
      return stored.value;
    }
    // A run that starts now (none in flight) begins after `now` was read; a later run reads its own.
    const startsNow = !this.coalescer.busy(key);
    const fresh = await this.coalescer.run(key, async () => {
      const version = startsNow ? now : await this.version();
      return { version, value: await work() };
    });
    this.remember(key, fresh);
    return fresh.value;
  }

  /** Keys with a stored answer (for tests). */
  get size(): number {
    return this.last.size;
  }

  private remember(key: string, fresh: { version: string; value: V }): void {
    this.last.delete(key);
    this.last.set(key, fresh);
    while (this.last.size > this.maxEntries) this.last.delete(this.last.keys().next().value as string);
  }
}

/** What a read for this caller depends on: the authority and the schools the caller sees (not who the caller is). */
export function scopeKey(actor: Actor): string {
  return `${actor.authorityId ?? '-'}|${actor.role}|${[...actor.schoolIds].sort().join(',')}`;
}
