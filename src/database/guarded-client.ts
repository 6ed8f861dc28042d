import { Client } from 'pg';

/**
 * node-postgres' Client with a deadline for every plain query, for a database that stops answering (a frozen
 * server or a dead network path: TCP keeps the socket open, and the server cannot enforce its statement_timeout).
 * A query still unanswered `deadlineMs` after it was sent closes its connection: it and the queries queued behind
 * it fail at once ("Connection terminated unexpectedly", which the filter answers with 503), and the pool drops the
 * connection instead of handing out one that still waits for an answer. Streams (the export cursors) are not timed:
 * their readers set the pace.
 */
export function guardedClient(deadlineMs: number): typeof Client {
  return class GuardedClient extends Client {
    constructor(config?: ConstructorParameters<typeof Client>[0]) {
      super(config);
      // A connection that dies while checked out also emits 'error'; its queries get the error already, and without
      // a listener the event would end the process.
      this.on('error', () => undefined);
    }

    override query(...args: unknown[]): never {
      const result = (super.query as (...a: unknown[]) => unknown)(...args);
      if (deadlineMs > 0 && result instanceof Promise) {
        const timer = setTimeout(() => {
          (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
        }, deadlineMs);
        timer.unref();
        const clear = () => clearTimeout(timer);
        result.then(clear, clear);
      }
      return result as never;
    }
  };
}
