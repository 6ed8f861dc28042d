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

/** What a read for this caller depends on: the authority and the schools the caller sees (not who the caller is). */
export function scopeKey(actor: Actor): string {
  return `${actor.authorityId ?? '-'}|${actor.role}|${[...actor.schoolIds].sort().join(',')}`;
}
