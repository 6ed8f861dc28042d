import { AppError } from '../common/errors';
import type { Role } from '../common/actor';
import { canTakeAction, decisionFields, type NeedAction, NEED_STATUSES, NEED_WORKFLOW, nextStatus, type NeedStatus } from './needs-workflow';

const errorOf = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected an error');
};

describe('needs workflow', () => {
  it.each<[NeedAction, NeedStatus, Role, NeedStatus]>([
    ['submit', 'draft', 'coordinator', 'submitted'],
    ['submit', 'draft', 'office', 'submitted'],
    ['withdraw', 'submitted', 'coordinator', 'draft'],
    ['approve', 'submitted', 'office', 'approved'],
    ['partially_approve', 'submitted', 'office', 'partially_approved'],
    ['reject', 'submitted', 'office', 'rejected'],
    ['edit', 'draft', 'coordinator', 'draft'],
    ['link_grant', 'approved', 'office', 'approved'],
    ['link_grant', 'partially_approved', 'office', 'partially_approved'],
  ])('%s: %s → (%s) → %s', (action, from, role, to) => {
    expect(nextStatus(action, from, role)).toBe(to);
  });

  it('allows exactly the listed transitions (every action from every status)', () => {
    const allowed: string[] = [];
    for (const action of Object.keys(NEED_WORKFLOW) as NeedAction[]) {
      for (const status of NEED_STATUSES) if (canTakeAction(action, status, 'office')) allowed.push(`${action}:${status}`);
    }
    expect(allowed.sort()).toEqual(
      [
        'edit:draft',
        'delete:draft',
        'submit:draft',
        'withdraw:submitted',
        'approve:submitted',
        'partially_approve:submitted',
        'reject:submitted',
        'link_grant:approved',
        'link_grant:partially_approved',
      ].sort(),
    );
  });

  it('refuses an illegal transition with 409 naming the current status', () => {
    const error = errorOf(() => nextStatus('approve', 'draft', 'office'));
    expect(error.getStatus()).toBe(409);
    expect(error.code).toBe('ILLEGAL_STATE');
    expect(error.details).toMatchObject({ currentStatus: 'draft', action: 'approve' });
    expect(errorOf(() => nextStatus('edit', 'rejected', 'coordinator')).details).toMatchObject({ currentStatus: 'rejected' });
    expect(errorOf(() => nextStatus('submit', 'approved', 'office')).message).toBe('An approved request cannot be submitted (only draft ones)');
  });

  it('keeps decisions and grant links to the office, and the viewer out', () => {
    expect(errorOf(() => nextStatus('approve', 'submitted', 'coordinator')).getStatus()).toBe(403);
    expect(errorOf(() => nextStatus('link_grant', 'approved', 'coordinator')).getStatus()).toBe(403);
    expect(errorOf(() => nextStatus('submit', 'draft', 'viewer')).getStatus()).toBe(403);
  });
});

describe('decisionFields', () => {
  const request = { quantity: 30, estimatedCostCents: 1_440_000 };
  const fieldOf = (fn: () => unknown) => errorOf(fn).fieldErrors?.[0]?.field;

  it('approves what was asked', () => {
    expect(decisionFields(request, { decision: 'approved' })).toEqual({ approvedQuantity: 30, approvedCents: 1_440_000, reason: null });
    expect(fieldOf(() => decisionFields(request, { decision: 'approved', approvedQuantity: 20 }))).toBe('approvedQuantity');
  });

  it('approves part: both figures, none above the request, less of one, not nothing', () => {
    expect(decisionFields(request, { decision: 'partially_approved', approvedQuantity: 20, approvedCents: 960_000, reason: ' Budget ' })).toEqual({
      approvedQuantity: 20,
      approvedCents: 960_000,
      reason: 'Budget',
    });
    expect(fieldOf(() => decisionFields(request, { decision: 'partially_approved', approvedCents: 1 }))).toBe('approvedQuantity');
    expect(fieldOf(() => decisionFields(request, { decision: 'partially_approved', approvedQuantity: 1 }))).toBe('approvedCents');
    // null is JSON's "no value" (a client's NaN): not given, so the field is named, never stored as nothing granted.
    expect(fieldOf(() => decisionFields(request, { decision: 'partially_approved', approvedQuantity: null, approvedCents: 1 }))).toBe('approvedQuantity');
    expect(errorOf(() => decisionFields(request, { decision: 'partially_approved', approvedQuantity: 3, approvedCents: null })).fieldErrors?.[0]).toMatchObject({ field: 'approvedCents', code: 'partialNeedsValue' });
    expect(fieldOf(() => decisionFields(request, { decision: 'partially_approved', approvedQuantity: 31, approvedCents: 1 }))).toBe('approvedQuantity');
    expect(fieldOf(() => decisionFields(request, { decision: 'partially_approved', approvedQuantity: 1, approvedCents: 1_440_001 }))).toBe('approvedCents');
    expect(fieldOf(() => decisionFields(request, { decision: 'partially_approved', approvedQuantity: 30, approvedCents: 1_440_000 }))).toBe('decision');
    expect(fieldOf(() => decisionFields(request, { decision: 'partially_approved', approvedQuantity: 0, approvedCents: 0 }))).toBe('decision');
  });

  it('rejects only with a reason and without amounts', () => {
    expect(decisionFields(request, { decision: 'rejected', reason: 'Bereits 2024 ausgestattet' })).toEqual({ approvedQuantity: null, approvedCents: null, reason: 'Bereits 2024 ausgestattet' });
    expect(fieldOf(() => decisionFields(request, { decision: 'rejected' }))).toBe('reason');
    expect(fieldOf(() => decisionFields(request, { decision: 'rejected', reason: '   ' }))).toBe('reason');
    expect(fieldOf(() => decisionFields(request, { decision: 'rejected', reason: 'x y z', approvedCents: 5 }))).toBe('approvedCents');
    expect(decisionFields(request, { decision: 'rejected', reason: 'x y z', approvedQuantity: null, approvedCents: null }).approvedCents).toBeNull();
  });
});
