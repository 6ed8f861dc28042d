import { Injectable } from '@nestjs/common';
import { onClient } from '../common/db';
import { releaseConnection } from '../common/pg-connection';
import { tuneTransaction } from '../common/session-tuning';
import type { Pool, PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** Rows fetched per round trip: large enough to keep the database busy, small enough to keep memory flat. */
export const DEFAULT_BATCH_SIZE = 250;

/**
 * Reads query results in batches through a server-side cursor, so no result is ever held whole in memory.
 * Rows arrive while the previous batch is being written (the stream fetches ahead up to one batch).
 */
export class RowCursor<Row> implements AsyncIterable<Row[]> {
  private first: Row[] | null = null;
  private done = false;
  private error: Error | null = null;

  constructor(
    private readonly stream: QueryStream,
    private readonly batchSize: number,
    private readonly signal: AbortSignal | undefined,
  ) {
    // Kept for the next read: an error between two reads (or after an abort) must neither crash nor hang.
    stream.on('error', (error: Error) => (this.error ??= error));
  }

  /** Fetches the first batch now, so a failing query fails before any byte of the download is sent. */
  async prefetch(): Promise<this> {
    this.first = await this.nextBatch();
    return this;
  }

  /** The first row, once `prefetch` has read it (undefined for an empty result). */
  get firstRow(): Row | undefined {
    return this.first?.[0];
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Row[]> {
    if (this.first) {
      const first = this.first;
      this.first = null;
      if (first.length) yield first;
    }
    for (;;) {
      const batch = await this.nextBatch();
      if (!batch.length) return;
      yield batch;
    }
  }

  private async nextBatch(): Promise<Row[]> {
    const batch: Row[] = [];
    while (batch.length < this.batchSize) {
      this.signal?.throwIfAborted();
      if (this.error) throw this.error;
      const row = this.stream.read() as Row | null;
      if (row !== null) {
        batch.push(row);
        continue;
      }
      if (this.done || batch.length > 0) break;
      await this.readable();
    }
    return batch;
  }

  /** Resolves when rows can be read or the query ended; rejects on its error or on abort. */
  private readable(): Promise<void> {
    const s = this.stream;
    if (s.readableEnded) {
      this.done = true;
      return Promise.resolve();
    }
    if (s.destroyed) return Promise.reject(this.error ?? new Error('The query stream was closed'));
    return new Promise<void>((resolve, reject) => {
      const cleanup = () => {
        s.removeListener('readable', onReadable);
        s.removeListener('end', onEnd);
        s.removeListener('error', onError);
        s.removeListener('close', onClose);
        this.signal?.removeEventListener('abort', onAbort);
      };
      const onReadable = () => (cleanup(), resolve());
      const onEnd = () => ((this.done = true), cleanup(), resolve());
      const onError = (error: Error) => (cleanup(), reject(error));
      const onClose = () => (cleanup(), this.done ? resolve() : reject(this.error ?? new Error('The query stream was closed')));
      const onAbort = () => (cleanup(), reject(this.signal!.reason));
      s.on('readable', onReadable);
      s.on('end', onEnd);
      s.on('error', onError);
      s.on('close', onClose);
      this.signal?.addEventListener('abort', onAbort);
    });
  }

  /** The query is over (ended, failed or destroyed): the connection may take the next statement. */
  get settled(): boolean {
    return this.stream.destroyed;
  }

  /** Stops the query on the server (closes the portal). */
  destroy(): void {
    if (!this.stream.destroyed) this.stream.destroy();
  }
}

/**
 * One dedicated connection from the application's pool for one export, in a read-only
 * REPEATABLE READ transaction: every sheet of a file sees the same snapshot, and `manager` lets
 * other features' services (the grant summary) read that same snapshot.
 * When the client disconnects, the running cursor is destroyed and the connection discarded,
 * which ends the query on the server.
 */
export class ExportConnection {
  private cursors: RowCursor<unknown>[] = [];
  private readonly forks: ExportConnection[] = [];
  private released = false;

  constructor(
    private readonly runner: QueryRunner,
    private readonly client: PoolClient,
    private readonly signal: AbortSignal | undefined,
    private readonly openOnSnapshot: (snapshot: string) => Promise<ExportConnection | null>,
  ) {
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  private readonly onAbort = () => {
    for (const c of this.cursors) c.destroy();
    this.release(true);
  };

  /** An EntityManager on this connection and snapshot, for services that take one. */
  get manager(): EntityManager {
    return this.runner.manager;
  }

  /** Plain query for small results (headers, totals) on the export's snapshot. */
  async query<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
    this.signal?.throwIfAborted();
    return onClient(this.client).rows<Row>(sql, params);
  }

  /** A cursor over a large result; its first batch is already fetched when this resolves. */
  async cursor<Row>(sql: string, params: unknown[] = [], batchSize = DEFAULT_BATCH_SIZE): Promise<RowCursor<Row>> {
    this.signal?.throwIfAborted();
    const stream = this.client.query(new QueryStream(sql, params, { batchSize }));
    const cursor = new RowCursor<Row>(stream, batchSize, this.signal);
    this.cursors.push(cursor as RowCursor<unknown>);
    return cursor.prefetch();
  }

  /**
   * A second connection that reads this one's snapshot (pg_export_snapshot), for a query that PostgreSQL can work on
   * while this connection streams another: the grant report lets it join and sort the inventory lines while the
   * invoice lines are written. It holds a second pooled connection until this one is closed, which closes it too.
   * Null when the pool has no free connection: the caller goes on with this one alone (see ExportDb.openIfFree).
   */
  async fork(): Promise<ExportConnection | null> {
    const [{ snapshot }] = await this.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
    const fork = await this.openOnSnapshot(snapshot);
    if (fork) this.forks.push(fork);
    return fork;
  }

  /**
   * Ends the transaction and returns the connection. When the client went away or a cursor is still open
   * (an error half-way), the connection is destroyed instead: whatever the server was still doing for it stops
   * with it. An error before any streaming (a 404, say) just rolls back.
   */
  async close(failed = false): Promise<void> {
    await Promise.all(this.forks.map((fork) => fork.close(failed)));
    if (this.released) return;
    if (this.signal?.aborted || this.cursors.some((c) => !c.settled)) return this.release(true);
    try {
      if (failed) await this.runner.rollbackTransaction();
      else await this.runner.commitTransaction();
      this.release(false);
    } catch {
      this.release(true);
    }
  }

  private release(destroy: boolean): void {
    if (this.released) return;
    this.released = true;
    this.signal?.removeEventListener('abort', this.onAbort);
    // An error makes the pool discard the connection instead of reusing it.
    void releaseConnection(this.runner, destroy ? new Error('export aborted') : undefined);
  }
}

@Injectable()
export class ExportDb {
  constructor(private readonly dataSource: DataSource) {}

  /** A connection of its own for one export; close it in a `finally`. With `snapshot`, it reads that exported snapshot. */
  async open(signal?: AbortSignal, snapshot?: string): Promise<ExportConnection> {
    // SET takes no parameters; the id comes from pg_export_snapshot() (hex groups and dashes).
    if (snapshot !== undefined && !/^[0-9A-F]+(-[0-9A-F]+)+$/i.test(snapshot)) throw new Error(`Not a snapshot id: ${snapshot}`);
    const runner = this.dataSource.createQueryRunner('master');
    const client = (await runner.connect()) as PoolClient;
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      if (snapshot) await runner.query(`SET TRANSACTION SNAPSHOT '${snapshot}'`);
      // Export queries hand out rows one by one: JIT compiling their expressions at the first fetch delays the first
      // row and never pays off. No parallel workers either: the writer already keeps one core busy, and the workers
      // would take the cores the writer, the zip compressor and the other requests need (bench/RESULTS.md, exports).
      // No statement timeout: the cursors last as long as the download; the client's pace (EXPORT_IDLE_TIMEOUT_MS) and
      // its going away (the connection is destroyed) bound them instead.
      await tuneTransaction(runner, { jit: false, parallelWorkers: 0, statementTimeout: 0 });
    } catch (error) {
      await releaseConnection(runner, error as Error);
      throw error;
    }
    return new ExportConnection(runner, client, signal, (exported) => this.openIfFree(signal, exported));
  }

  /**
   * `open`, but only when the pool can hand out a connection without waiting for one to be released; otherwise null.
   * A fork must not wait: if every pooled connection belonged to an export waiting for its second, none would come
   * back. The pool has one to spare when it may still grow, or when it has more idle connections than requests
   * queued for them (it serves the queue in order). The check and the pool's `connect` run in the same tick.
   */
  openIfFree(signal?: AbortSignal, snapshot?: string): Promise<ExportConnection | null> {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    const spare = pool !== undefined && (pool.totalCount < (pool.options.max ?? 10) || pool.idleCount > pool.waitingCount);
    return spare ? this.open(signal, snapshot) : Promise.resolve(null);
  }
}
