import { forbidden, illegalState, invalidField } from '../common/errors';
import type { Role } from '../common/actor';

export const NEED_CATEGORIES = ['student_devices', 'teacher_devices', 'displays', 'wlan', 'broadband', 'software', 'training', 'other'] as const;
export type NeedCategory = (typeof NEED_CATEGORIES)[number];

export const NEED_STATUSES = ['draft', 'submitted', 'approved', 'partially_approved', 'rejected'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const NEED_PRIORITIES = ['low', 'medium', 'high'] as const;
export type NeedPriority = (typeof NEED_PRIORITIES)[number];

export const NEED_DECISIONS = ['approved', 'partially_approved', 'rejected'] as const;
export type NeedDecision = (typeof NEED_DECISIONS)[number];

/** Requests awaiting something from someone: the school (draft) or the office (submitted). */
export const OPEN_NEED_STATUSES: readonly NeedStatus[] = ['draft', 'submitted'];

export type NeedAction = 'edit' | 'delete' | 'submit' | 'withdraw' | 'approve' | 'partially_approve' | 'reject' | 'link_grant';

interface ActionRule {
  /** The statuses the action starts from. */
  from: readonly NeedStatus[];
  /** The status it leads to; absent when the status stays. */
  to?: NeedStatus;
  /** Who may take it (the school scope is checked separately). */
  roles: readonly Role[];
}

const SCHOOL_AND_OFFICE: readonly Role[] = ['office', 'coordinator'];
const OFFICE: readonly Role[] = ['office'];

/**
 * The whole workflow in one table. Schools (coordinators, and the office on their behalf) write and submit;
 * a submitted request can be withdrawn back to draft until the office decides; decisions are final;
 * only what was granted can be linked to the grant that funds it.
 */
export const NEED_WORKFLOW: Readonly<Record<NeedAction, ActionRule>> = {
  edit: { from: ['draft'], roles: SCHOOL_AND_OFFICE },
  delete: { from: ['draft'], roles: SCHOOL_AND_OFFICE },
  submit: { from: ['draft'], to: 'submitted', roles: SCHOOL_AND_OFFICE },
  withdraw: { from: ['submitted'], to: 'draft', roles: SCHOOL_AND_OFFICE },
  approve: { from: ['submitted'], to: 'approved', roles: OFFICE },
  partially_approve: { from: ['submitted'], to: 'partially_approved', roles: OFFICE },
  reject: { from: ['submitted'], to: 'rejected', roles: OFFICE },
  link_grant: { from: ['approved', 'partially_approved'], roles: OFFICE },
};

export const DECISION_ACTIONS: Readonly<Record<NeedDecision, NeedAction>> = {
  approved: 'approve',
  partially_approved: 'partially_approve',
  rejected: 'reject',
};

const VERBS: Readonly<Record<NeedAction, string>> = {
  edit: 'edited',
  delete: 'deleted',
  submit: 'submitted',
  withdraw: 'withdrawn',
  approve: 'approved',
  partially_approve: 'partially approved',
  reject: 'rejected',
  link_grant: 'linked to a grant',
};

export function canTakeAction(action: NeedAction, status: NeedStatus, role: Role): boolean {
  const rule = NEED_WORKFLOW[action];
  return rule.roles.includes(role) && rule.from.includes(status);
}

/**
 * The status an action leads to, or the error that refuses it: 403 for a role that may never take it,
 * 409 ILLEGAL_STATE (with the current status) for an action the current status does not allow.
 */
export function nextStatus(action: NeedAction, status: NeedStatus, role: Role): NeedStatus {
  const rule = NEED_WORKFLOW[action];
  if (!rule.roles.includes(role)) throw forbidden('NEED_ACTION_ROLE', `Only ${rule.roles.join(' or ')} users may do this`, { roles: rule.roles });
  if (!rule.from.includes(status)) {
    const allowed = rule.from.map((s) => s.replace('_', ' ')).join(' or ');
    const article = /^[aeiou]/.test(status) ? 'An' : 'A';
    throw illegalState('NEED_ACTION_STATUS', `${article} ${status.replace('_', ' ')} request cannot be ${VERBS[action]} (only ${allowed} ones)`, {
      currentStatus: status,
      action,
      allowedFrom: rule.from,
    });
  }
  return rule.to ?? status;
}

/** What a decision records. */
export interface DecisionFields {
  approvedQuantity: number | null;
  approvedCents: number | null;
  reason: string | null;
}

/**
 * Checks a decision against the request and returns what to store (400 naming the field otherwise):
 * an approval grants exactly what was asked; a partial approval grants less of the quantity or the amount
 * (both given, neither more than asked, not nothing); a rejection needs a reason and grants nothing.
 */
export function decisionFields(
  request: { quantity: number; estimatedCostCents: number },
  decision: { decision: NeedDecision; approvedQuantity?: number | null; approvedCents?: number | null; reason?: string },
): DecisionFields {
  const reason = decision.reason?.trim() || null;
  // null (JSON for "no value", e.g. a NaN sent by a client) counts as not given.
  const q = decision.approvedQuantity ?? undefined;
  const c = decision.approvedCents ?? undefined;
  switch (decision.decision) {
    case 'approved':
      if (q !== undefined && q !== request.quantity) throw invalidField('approvedQuantity', 'approvalIsComplete', 'An approval grants the requested quantity; use partially_approved for less');
      if (c !== undefined && c !== request.estimatedCostCents) throw invalidField('approvedCents', 'approvalIsComplete', 'An approval grants the estimated cost; use partially_approved for less');
      return { approvedQuantity: request.quantity, approvedCents: request.estimatedCostCents, reason };
    case 'partially_approved':
      if (q === undefined) throw invalidField('approvedQuantity', 'partialNeedsValue', 'A partial approval needs the approved quantity');
      if (c === undefined) throw invalidField('approvedCents', 'partialNeedsValue', 'A partial approval needs the approved amount');
      if (q > request.quantity) throw invalidField('approvedQuantity', 'max', `approvedQuantity must not exceed the requested ${request.quantity}`, { max: request.quantity });
      if (c > request.estimatedCostCents) throw invalidField('approvedCents', 'maxEuro', `approvedCents must not exceed the estimated ${request.estimatedCostCents}`, { max: request.estimatedCostCents });
      if (q === request.quantity && c === request.estimatedCostCents) throw invalidField('decision', 'partialIsEverything', 'That is everything requested: decide approved instead');
      if (q === 0 && c === 0) throw invalidField('decision', 'partialIsNothing', 'That grants nothing: decide rejected instead');
      return { approvedQuantity: q, approvedCents: c, reason };
    case 'rejected':
      if (q !== undefined) throw invalidField('approvedQuantity', 'rejectionGrantsNothing', 'A rejection grants no quantity');
      if (c !== undefined) throw invalidField('approvedCents', 'rejectionGrantsNothing', 'A rejection grants no amount');
      if (!reason) throw invalidField('reason', 'rejectionNeedsReason', 'A rejection needs a reason');
      return { approvedQuantity: null, approvedCents: null, reason };
  }
}
