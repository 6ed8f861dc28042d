import { commitWithoutWaitingForDisk, databaseVersion, exec, one, prepared, rows, transaction } from '../src/common/db';
import { createAuthority } from './factories';
import { createTestApp, TestApp } from './harness';

describe('src/common/db: rows, one, exec', () => {
  let t: TestApp;
  let authorityId: string;

  beforeAll(async () => {
    t = await createTestApp();
    authorityId = await createAuthority(t.dataSource, { name: 'Stadt Zeilen' });
  });
  afterAll(() => t.close());

  it('reads SELECT rows and INSERT … RETURNING rows alike', async () => {
    const em = t.dataSource.manager;
    const inserted = await rows<{ id: string; name: string }>(em, `INSERT INTO schools (authority_id, name, school_number, school_type) VALUES ($1, 'Zeilenschule', '991001', 'gymnasium') RETURNING id, name`, [authorityId]);
    expect(inserted).toEqual([{ id: expect.any(String), name: 'Zeilenschule' }]);
    expect(await one<{ name: string }>(em, `SELECT name FROM schools WHERE id = $1`, [inserted[0].id])).toEqual({ name: 'Zeilenschule' });
    expect(await one(em, `SELECT name FROM schools WHERE id = $1`, ['00000000-0000-0000-0000-000000000000'])).toBeUndefined();
    expect(await rows(em, `SELECT name FROM schools WHERE authority_id = $1 AND false`, [authorityId])).toEqual([]);
  });

  it('answers an UPDATE and a DELETE with their returned rows and the count of touched rows', async () => {
    const em = t.dataSource.manager;
    await em.query(`INSERT INTO schools (authority_id, name, school_number, school_type) VALUES ($1, 'Exec 1', '992001', 'gymnasium'), ($1, 'Exec 2', '992002', 'realschule')`, [authorityId]);
    const updated = await exec<{ name: string }>(em, `UPDATE schools SET student_count = 7 WHERE authority_id = $1 AND name LIKE 'Exec %' RETURNING name`, [authorityId]);
    expect(updated.count).toBe(2);
    expect(updated.rows.map((r) => r.name).sort()).toEqual(['Exec 1', 'Exec 2']);
    const plain = await exec(em, `UPDATE schools SET student_count = 8 WHERE authority_id = $1 AND name = 'Exec 1'`, [authorityId]);
    expect(plain).toEqual({ rows: [], count: 1 });
    const none = await exec(em, `DELETE FROM schools WHERE authority_id = $1 AND name = 'Nobody'`, [authorityId]);
    expect(none).toEqual({ rows: [], count: 0 });
  });

  it('runs a prepared statement like its text, kept prepared on the connection under a name of its text', async () => {
    const sql = prepared(`SELECT name FROM schools WHERE authority_id = $1 AND school_number = $2`);
    expect(prepared(sql.text)).toEqual(sql);
    expect(prepared(`${sql.text} `).name).not.toBe(sql.name);
    await t.dataSource.transaction(async (em) => {
      await rows(em, `INSERT INTO schools (authority_id, name, school_number, school_type) VALUES ($1, 'Vorbereitet 1', '993001', 'gymnasium'), ($1, 'Vorbereitet 2', '993002', 'gymnasium')`, [authorityId]);
      // Six runs on one connection: after five PostgreSQL may switch to the generic plan; the answers stay the rows.
      for (const n of [1, 2, 1, 2, 1, 2]) expect(await rows(em, sql, [authorityId, `99300${n}`])).toEqual([{ name: `Vorbereitet ${n}` }]);
      expect(await one(em, sql, [authorityId, '993009'])).toBeUndefined();
      const kept = await rows<{ name: string; statement: string }>(em, `SELECT name, statement FROM pg_prepared_statements WHERE name = $1`, [sql.name]);
      expect(kept).toEqual([{ name: sql.name, statement: sql.text }]);
      const updated = await exec<{ name: string }>(em, prepared(`UPDATE schools SET student_count = $2 WHERE authority_id = $1 AND name LIKE 'Vorbereitet %' RETURNING name`), [authorityId, 9]);
      expect(updated.count).toBe(2);
    });
  });

  it('databaseVersion changes when a write commits, also one begun before it was read, and never comes back', async () => {
    const version = () => databaseVersion(t.dataSource.manager);
    const seen = [await version()];
    await exec(t.dataSource.manager, `UPDATE authorities SET name = name WHERE id = $1`, [authorityId]);
    seen.push(await version());
    // A write begun before the version was read, committed after: the version read after the commit differs.
    const writer = t.dataSource.createQueryRunner();
    await writer.connect();
    try {
      await writer.startTransaction();
      await writer.query(`UPDATE authorities SET name = name WHERE id = $1`, [authorityId]);
      seen.push(await version());
      await writer.commitTransaction();
      seen.push(await version());
    } finally {
      await writer.release();
    }
    // Other test files write to the same server meanwhile, so only a change is certain, and that nothing comes back.
    const [before, afterWrite, whileOpen, afterCommit] = seen;
    expect(afterWrite).not.toBe(before);
    expect(afterCommit).not.toBe(whileOpen);
    expect([before, afterWrite, whileOpen]).not.toContain(afterCommit);
    expect(seen.every((v) => /^\d+:\d+:[\d,]*$/.test(v))).toBe(true);
  });

  it('commitWithoutWaitingForDisk relaxes the commit of its own transaction only', async () => {
    const setting = async (em = t.dataSource.manager) => (await one<{ synchronous_commit: string }>(em, 'SHOW synchronous_commit'))!.synchronous_commit;
    const before = await setting();
    expect(before).not.toBe('off');
    const inside = await t.dataSource.transaction(async (em) => {
      await commitWithoutWaitingForDisk(em);
      return setting(em);
    });
    expect(inside).toBe('off');
    // The pooled connection goes back with the server's setting (SET LOCAL ends with the transaction).
    const after = await Promise.all(Array.from({ length: 4 }, () => setting()));
    expect(after).toEqual(after.map(() => before));
  });
});

describe('src/common/db: transaction', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const raise = (em: import('typeorm').EntityManager, sqlstate: string) =>
    em.query(`DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '${sqlstate}'; END $$`);

  it.each(['40001', '40P01'])('runs the work once more after a %s, in a fresh transaction', async (sqlstate) => {
    const name = `retry-${sqlstate}`;
    let attempts = 0;
    const result = await transaction(t.dataSource, async (em) => {
      attempts += 1;
      await em.query(`INSERT INTO authorities (name, slug) VALUES ($1::text, lower($1::text))`, [`${name}-${attempts}`]);
      if (attempts === 1) await raise(em, sqlstate);
      return attempts;
    });
    expect(result).toBe(2);
    // The first attempt was rolled back, the second committed.
    const names = await rows<{ name: string }>(t.dataSource.manager, `SELECT name FROM authorities WHERE name LIKE $1 ORDER BY name`, [`${name}-%`]);
    expect(names.map((r) => r.name)).toEqual([`${name}-2`]);
  });

  it('gives up after the second conflict and does not retry other errors', async () => {
    let attempts = 0;
    await expect(transaction(t.dataSource, async (em) => { attempts += 1; await raise(em, '40001'); })).rejects.toMatchObject({ driverError: { code: '40001' } });
    expect(attempts).toBe(2);
    attempts = 0;
    await expect(transaction(t.dataSource, async (em) => { attempts += 1; await raise(em, '23505'); })).rejects.toMatchObject({ driverError: { code: '23505' } });
    expect(attempts).toBe(1);
  });
});
