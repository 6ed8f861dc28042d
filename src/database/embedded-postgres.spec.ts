import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgresError, startEmbeddedPostgres } from './embedded-postgres';

describe('startEmbeddedPostgres refuses clearly', () => {
  let blocker: Server;
  let port: number;

  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    port = (blocker.address() as { port: number }).port;
  });
  afterAll(() => new Promise((resolve) => blocker.close(resolve)));

  it('when its port is taken, naming the port and the variable to change', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pg-port-'));
    const start = startEmbeddedPostgres({ dataDir, port, persistent: false });
    await expect(start).rejects.toBeInstanceOf(EmbeddedPostgresError);
    await expect(start).rejects.toThrow(`Port ${port} for the embedded PostgreSQL is taken. Set EMBEDDED_PG_PORT`);
  });

  it('when another running server owns the data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pg-owned-'));
    writeFileSync(join(dataDir, 'postmaster.pid'), `${process.pid}\n${dataDir}\n`);
    await expect(startEmbeddedPostgres({ dataDir, port: 1, persistent: false })).rejects.toThrow(`is in use by process ${process.pid}`);
  });
});
