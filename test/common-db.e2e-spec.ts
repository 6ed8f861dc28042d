import { commitWithoutWaitingForDisk, exec, one, rows } from '../src/common/db';
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
