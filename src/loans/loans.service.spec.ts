import { todayInBerlin } from '../common/dates';
import { QueryFailedError } from 'typeorm';
import type { Actor } from '../common/actor';
import { illegalState, invalidField } from '../common/errors';
import { germanDate, accessoryLabel } from './loan-agreement.pdf';
import { loanListQuery, personalFieldsVisibleTo } from './loans.queries';
import { addDays } from '../common/dates';
import { defaultDueDate, isMonthDay, loanState, STATUS_AFTER_RETURN } from './loan-rules';
import { DEFAULT_LOAN_SETTINGS, effectiveLoanSettings } from './loan-settings';
import { toItemError } from './loans-bulk.service';

const office: Actor = { id: 'u1', role: 'office', authorityId: 'a1', schoolIds: [] };
const coordinator: Actor = { id: 'u2', role: 'coordinator', authorityId: 'a1', schoolIds: ['s1', 's2'] };
const viewer: Actor = { id: 'u3', role: 'viewer', authorityId: 'a1', schoolIds: [] };
const admin: Actor = { id: 'u4', role: 'admin', authorityId: null, schoolIds: [] };

describe('loan rules', () => {
  it('defaults the due date to the next end of the school year after the start', () => {
    expect(defaultDueDate('2025-09-01', '07-31')).toBe('2026-07-31');
    expect(defaultDueDate('2026-02-10', '07-31')).toBe('2026-07-31');
    expect(defaultDueDate('2026-07-30', '07-31')).toBe('2026-07-31');
    // Lent on the last day of the school year: it runs through the next one.
    expect(defaultDueDate('2026-07-31', '07-31')).toBe('2027-07-31');
    expect(defaultDueDate('2026-12-31', '01-15')).toBe('2027-01-15');
  });

  it('accepts only days that exist every year as the end of the school year', () => {
    expect(isMonthDay('07-31')).toBe(true);
    expect(isMonthDay('12-31')).toBe(true);
    for (const bad of ['02-29', '02-30', '13-01', '7-31', '07/31', 731, null]) expect(isMonthDay(bad)).toBe(false);
  });

  it('tells active, overdue and returned apart (due today is not overdue yet)', () => {
    expect(loanState({ returnedOn: null, dueOn: '2026-07-31' }, '2026-07-31')).toBe('active');
    expect(loanState({ returnedOn: null, dueOn: '2026-07-30' }, '2026-07-31')).toBe('overdue');
    expect(loanState({ returnedOn: '2026-08-10', dueOn: '2026-07-30' }, '2026-09-01')).toBe('returned');
  });

  it('sends a returned device where its condition says', () => {
    expect(STATUS_AFTER_RETURN).toEqual({ ok: 'available', damaged: 'in_repair', defective: 'in_repair', lost: 'lost' });
  });

  it('counts days in the German calendar', () => {
    // 23:30 UTC on 31 July is already 1 August in Berlin (summer time).
    expect(todayInBerlin(new Date('2026-07-31T23:30:00Z'))).toBe('2026-08-01');
    expect(todayInBerlin(new Date('2026-01-15T12:00:00Z'))).toBe('2026-01-15');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-02-28', 366)).toBe('2025-02-28');
  });
});

describe('loan settings', () => {
  it('fills in the defaults and ignores malformed stored values', () => {
    expect(effectiveLoanSettings(undefined)).toEqual(DEFAULT_LOAN_SETTINGS);
    expect(effectiveLoanSettings({ retentionDays: 90 })).toMatchObject({ retentionDays: 90, defaultDueMonthDay: '07-31' });
    const broken = { retentionDays: 'soon', defaultDueMonthDay: '02-29', agreementClauses: [] } as unknown as Parameters<typeof effectiveLoanSettings>[0];
    expect(effectiveLoanSettings(broken)).toEqual(DEFAULT_LOAN_SETTINGS);
  });

  it('has default agreement rules for care, damage and loss', () => {
    const titles = DEFAULT_LOAN_SETTINGS.agreementClauses.map((c) => c.title);
    expect(titles).toEqual(expect.arrayContaining(['Sorgfaltspflichten', 'Schäden und Störungen', 'Verlust und Diebstahl']));
  });
});

describe('loan list query', () => {
  it('shows personal fields to coordinators only', () => {
    expect(personalFieldsVisibleTo(coordinator)).toBe(true);
    for (const actor of [office, viewer, admin]) expect(personalFieldsVisibleTo(actor)).toBe(false);
  });

  it('withholds the personal columns in the SQL itself for office users', () => {
    const q = loanListQuery(office, {}, { today: '2026-05-01' });
    expect(q.personalFieldsVisible).toBe(false);
    expect(q.sql).not.toMatch(/l\.borrower_name|l\.borrower_reference|l\.guardian_name|l\.notes|l\.return_notes/);
    expect(q.sql).toContain('NULL::text AS "borrowerName"');
    expect(q.params).toEqual(['2026-05-01', 'a1', 51]);
  });

  it('scopes a coordinator to the assigned schools and applies every filter', () => {
    const q = loanListQuery(coordinator, { state: 'overdue', borrowerKind: 'student', borrowerClass: '7b', deviceId: 'd1', dueBy: '2026-06-01', limit: 10 }, { today: '2026-05-01' });
    expect(q.sql).toContain('l.borrower_name');
    expect(q.sql).toContain('l.school_id = ANY($3::uuid[])');
    expect(q.sql).toContain('l.returned_on IS NULL AND l.due_on < $1::date');
    expect(q.params).toEqual(['2026-05-01', 'a1', ['s1', 's2'], 'd1', 'student', '7b', '2026-06-01', 11]);
  });

  it('narrows a coordinator to one own school with a single school condition, and to nothing for another school', () => {
    const own = loanListQuery(coordinator, { schoolId: 's2' }, { today: '2026-05-01' });
    expect(own.sql).not.toContain('ANY(');
    expect(own.sql).toContain('l.authority_id = $2 AND l.school_id = $3::uuid');
    expect(own.params).toEqual(['2026-05-01', 'a1', 's2', 51]);
    expect(loanListQuery(coordinator, { schoolId: 's9' }).sql).toMatch(/WHERE false AND l\.school_id/);
  });

  it('sees nothing as platform admin, and leaves out the page for exports', () => {
    const q = loanListQuery(admin, {}, { paginate: false });
    expect(q.sql).toContain('WHERE false');
    expect(q.sql).not.toContain('LIMIT');
  });

  it('rejects a cursor of another shape with 400 on the field', () => {
    const cursor = Buffer.from(JSON.stringify(['2026-01-01', "x' OR 1=1"])).toString('base64url');
    expect(() => loanListQuery(office, { cursor })).toThrow(expect.objectContaining({ fieldErrors: [expect.objectContaining({ field: 'cursor' })] }));
  });
});

describe('bulk item errors', () => {
  it('keep the shape and message of the single routes', () => {
    expect(toItemError(illegalState('LOAN_ALREADY_RETURNED', 'nope', { returnedOn: '2026-01-02' }))).toEqual({
      statusCode: 409,
      error: 'ILLEGAL_STATE',
      message: 'nope',
      reason: 'LOAN_ALREADY_RETURNED',
      params: { returnedOn: '2026-01-02' },
      details: { returnedOn: '2026-01-02' },
    });
    expect(toItemError(invalidField('dueOn', 'notInFuture', 'dueOn bad'))).toMatchObject({ statusCode: 400, fieldErrors: [{ field: 'dueOn', code: 'notInFuture', messages: ['dueOn bad'] }] });
    const unique = new QueryFailedError('INSERT', [], Object.assign(new Error('dup'), { code: '23505', constraint: 'uq_loans_active_device' }));
    expect(toItemError(unique)).toMatchObject({ statusCode: 409, error: 'CONFLICT', reason: 'DEVICE_ON_LOAN', message: 'This device is already on loan' });
    expect(toItemError(new Error('boom'))).toBeUndefined();
  });
});

describe('agreement labels', () => {
  it('prints German dates and accessory names', () => {
    expect(germanDate('2026-07-31')).toBe('31.07.2026');
    expect(accessoryLabel('charger')).toBe('Ladegerät');
    expect(accessoryLabel('Tastaturhülle')).toBe('Tastaturhülle');
  });
});
