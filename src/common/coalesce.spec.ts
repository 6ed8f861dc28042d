import { Coalescer, scopeKey, VersionedReads } from './coalesce';

/** A run the test finishes by hand, recording when it started. */
function controlledRuns() {
  const started: { resolve: (v: number) => void; reject: (e: Error) => void; at: number }[] = [];
  let clock = 0;
  const work = () => new Promise<number>((resolve, reject) => started.push({ resolve, reject, at: clock }));
  return { started, work, tick: () => ++clock, flush: () => new Promise((r) => setImmediate(r)) };
}

describe('Coalescer', () => {
  it('gives callers arriving during a run the next run, one for all of them, started after they arrived', async () => {
    const c = new Coalescer<number>();
    const { started, work, tick, flush } = controlledRuns();
    const first = c.run('k', work);
    tick(); // the callers below arrive after the first run started
    const second = c.run('k', work);
    const third = c.run('k', work);
    expect(started).toHaveLength(1);
    started[0].resolve(1);
    expect(await first).toBe(1);
    await flush();
    expect(started).toHaveLength(2);
    expect(started[1].at).toBe(1); // started after the second and third caller arrived
    const fourth = c.run('k', work); // arrives while the second run is in flight: waits for a third run
    started[1].resolve(2);
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    await flush();
    expect(started).toHaveLength(3);
    started[2].resolve(3);
    expect(await fourth).toBe(3);
    await flush();
    expect(c.size).toBe(0);
  });

  it('keeps different keys apart and lets a failure fail only the run it belongs to', async () => {
    const c = new Coalescer<number>();
    const { started, work, flush } = controlledRuns();
    const a = c.run('a', work);
    const b = c.run('b', work);
    const a2 = c.run('a', work);
    expect(started).toHaveLength(2);
    started[0].reject(new Error('database down'));
    started[1].resolve(20);
    await expect(a).rejects.toThrow('database down');
    expect(await b).toBe(20);
    await flush();
    expect(started).toHaveLength(3);
    started[2].resolve(11);
    expect(await a2).toBe(11);
  });

  it('keys by authority, role and schools, not by the user', () => {
    const base = { id: 'u1', role: 'coordinator' as const, authorityId: 'a1', schoolIds: ['s2', 's1'] };
    expect(scopeKey(base)).toBe(scopeKey({ ...base, id: 'u2', schoolIds: ['s1', 's2'] }));
    expect(scopeKey(base)).not.toBe(scopeKey({ ...base, schoolIds: ['s1'] }));
    expect(scopeKey(base)).not.toBe(scopeKey({ ...base, role: 'viewer' }));
    expect(scopeKey(base)).not.toBe(scopeKey({ ...base, authorityId: 'a2' }));
  });
});

describe('VersionedReads', () => {
  it('answers from the last run while the version it began at is still current, and runs again once it changed', async () => {
    let version = 'v1';
    let runs = 0;
    const reads = new VersionedReads<string>(async () => version);
    const work = async () => `run ${++runs} at ${version}`;
    expect(await reads.run('k', work)).toBe('run 1 at v1');
    expect(await reads.run('k', work)).toBe('run 1 at v1');
    expect(runs).toBe(1);
    version = 'v2'; // a write committed
    expect(await reads.run('k', work)).toBe('run 2 at v2');
    expect(await reads.run('other', work)).toBe('run 3 at v2');
    expect(await reads.run('k', work)).toBe('run 2 at v2');
    expect(runs).toBe(3);
  });

  it('stores the version read before the run, so a write during the run makes the next caller run again', async () => {
    let version = 'v1';
    let runs = 0;
    const reads = new VersionedReads<number>(async () => version);
    const first = await reads.run('k', async () => {
      version = 'v2'; // committed while the run read: the run may or may not have seen it
      return ++runs;
    });
    expect(first).toBe(1);
    expect(await reads.run('k', async () => ++runs)).toBe(2);
    expect(await reads.run('k', async () => ++runs)).toBe(2);
  });

  it('reads the version once for a run that starts at once, and again at the start of a run a caller waited for', async () => {
    let version = 'v1';
    let reads = 0;
    const stored = new VersionedReads<string>(async () => (reads++, version));
    let finishFirst!: () => void;
    const first = stored.run('k', () => new Promise<string>((resolve) => (finishFirst = () => resolve(`first at ${version}`))));
    await new Promise((r) => setImmediate(r));
    expect(reads).toBe(1);
    version = 'v2'; // committed while the first run was in flight
    const second = stored.run('k', async () => `second at ${version}`);
    await new Promise((r) => setImmediate(r));
    version = 'v3'; // committed before the second run starts
    finishFirst();
    expect(await first).toBe('first at v3');
    expect(await second).toBe('second at v3');
    expect(reads).toBe(3);
    expect(await stored.run('k', async () => 'not run')).toBe('second at v3');
  });

  it('keeps at most maxEntries keys, dropping the least recently used, and does not keep a failed run', async () => {
    let runs = 0;
    const reads = new VersionedReads<number>(async () => 'v', 2);
    await reads.run('a', async () => ++runs);
    await reads.run('b', async () => ++runs);
    await reads.run('a', async () => ++runs); // a is now the most recently used
    await reads.run('c', async () => ++runs); // b goes
    expect(reads.size).toBe(2);
    expect(await reads.run('a', async () => ++runs)).toBe(1);
    expect(await reads.run('b', async () => ++runs)).toBe(4);
    await expect(reads.run('d', async () => { throw new Error('database down'); })).rejects.toThrow('database down');
    expect(await reads.run('d', async () => ++runs)).toBe(5);
  });
});
