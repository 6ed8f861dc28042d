import { diffFields } from './audit.service';

describe('diffFields', () => {
  it('keeps only changed fields, with before and after', () => {
    expect(diffFields({ a: 1, b: 'x', c: null }, { a: 2, b: 'x', c: 'set' })).toEqual({ a: { before: 1, after: 2 }, c: { before: null, after: 'set' } });
  });

  it('treats a creation and a deletion as changes of every field', () => {
    expect(diffFields(null, { a: 1 })).toEqual({ a: { before: null, after: 1 } });
    expect(diffFields({ a: 1 }, null)).toEqual({ a: { before: 1, after: null } });
  });

  it('ignores bookkeeping fields and compares dates by value', () => {
    const before = { version: 1, updatedAt: new Date(1), when: new Date('2025-01-01T00:00:00Z') };
    const after = { version: 2, updatedAt: new Date(2), when: new Date('2025-01-01T00:00:00Z') };
    expect(diffFields(before, after)).toEqual({});
  });
});
