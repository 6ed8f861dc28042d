import type { Actor } from './actor';
import { inSchoolScope, schoolScopeSql } from './access';

const coordinator: Actor = { id: 'u', role: 'coordinator', authorityId: 'A', schoolIds: ['s1'] };
const office: Actor = { id: 'o', role: 'office', authorityId: 'A', schoolIds: [] };
const admin: Actor = { id: 'x', role: 'admin', authorityId: null, schoolIds: [] };
const columns = { authority: 'd.authority_id', school: 'd.school_id' };

describe('the access rule', () => {
  it('decides rows in hand like the SQL condition', () => {
    expect(inSchoolScope(coordinator, { authorityId: 'A', schoolId: 's1' })).toBe(true);
    expect(inSchoolScope(coordinator, { authorityId: 'A', schoolId: 's2' })).toBe(false);
    expect(inSchoolScope(office, { authorityId: 'A', schoolId: 's2' })).toBe(true);
    expect(inSchoolScope(office, { authorityId: 'B', schoolId: 's9' })).toBe(false);
    expect(inSchoolScope(admin, { authorityId: 'A', schoolId: 's1' })).toBe(false);
  });

  it('scopes a coordinator to the assigned schools', () => {
    const params: unknown[] = ['first'];
    expect(schoolScopeSql(coordinator, columns, params)).toBe('(d.authority_id = $2 AND d.school_id = ANY($3::uuid[]))');
    expect(params).toEqual(['first', 'A', ['s1']]);
  });

  it('narrows to one school without a second condition on the school column, and refuses a foreign one', () => {
    const params: unknown[] = [];
    expect(schoolScopeSql(coordinator, columns, params, 's1')).toBe('d.authority_id = $1 AND d.school_id = $2::uuid');
    expect(params).toEqual(['A', 's1']);
    expect(schoolScopeSql(coordinator, columns, [], 's2')).toBe('false AND d.school_id = $1::uuid');
    expect(schoolScopeSql(office, columns, [], 's2')).toBe('d.authority_id = $1 AND d.school_id = $2::uuid');
    expect(schoolScopeSql(admin, columns, [], 's1')).toBe('false');
    expect(schoolScopeSql(admin, columns, [])).toBe('false');
  });
});
