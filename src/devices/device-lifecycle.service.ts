import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { todayInBerlin } from '../common/dates';
import { illegalState } from '../common/errors';
import type { DeviceEventKind } from './device-event.entity';
import type { DeviceStatus } from './device.entity';

/**
 * Status changes a person may make directly. `loaned` is entered and left only through a loan
 * (LoansService), and nothing leaves `retired`: a written-off device does not come back.
 */
export const MANUAL_TRANSITIONS: Readonly<Record<DeviceStatus, readonly DeviceStatus[]>> = {
  available: ['in_use', 'in_repair', 'retired', 'lost'],
  in_use: ['available', 'in_repair', 'retired', 'lost'],
  in_repair: ['available', 'in_use', 'retired', 'lost'],
  lost: ['available', 'retired'],
  loaned: [],
  retired: [],
};

/** Transitions a loan makes: lend (available → loaned) and return (loaned → available / in_repair / lost). */
export const LOAN_TRANSITIONS: Readonly<Record<DeviceStatus, readonly DeviceStatus[]>> = {
  available: ['loaned'],
  loaned: ['available', 'in_repair', 'lost'],
  in_use: [],
  in_repair: [],
  lost: [],
  retired: [],
};

export function canTransition(from: DeviceStatus, to: DeviceStatus, via: 'manual' | 'loan'): boolean {
  return (via === 'loan' ? LOAN_TRANSITIONS : MANUAL_TRANSITIONS)[from].includes(to);
}

/** The row a status change works on; lock it first with `lockDevice`. */
export interface LockedDevice {
  id: string;
  authorityId: string;
  schoolId: string;
  status: DeviceStatus;
  version: number;
  inventoryNumber: string;
  type: string;
  commissionedOn: string | null;
}

export interface StatusChange {
  to: DeviceStatus;
  via: 'manual' | 'loan';
  reason?: string | null;
  /** Date of retirement (ausgesondert am); required for `retired`, defaults to today. */
  retiredOn?: string | null;
  loanId?: string | null;
  /** The history entry's kind; defaults to `status_changed`. */
  kind?: DeviceEventKind;
  /** Confirmations the caller gave for warnings a guard raises (e.g. retiring a funded device inside its earmarking period). */
  confirmations?: { earmarkingBreach?: boolean };
}

/**
 * A check another feature runs before a device leaves service (retired or lost), in the same transaction.
 * Grants register one that refuses to write off a funded device inside its earmarking period unless confirmed.
 * It throws to refuse; it may return audit meta to keep with the change.
 */
export type LeaveServiceGuard = (em: EntityManager, device: LockedDevice, change: StatusChange) => Promise<Record<string, unknown> | void>;

/**
 * The one place a device's status changes. Callers lock the row, then change it here:
 * the rules are checked, the row and its version updated, and a history entry and an audit entry written,
 * all inside the caller's transaction.
 */
@Injectable()
export class DeviceLifecycleService {
  private readonly leaveServiceGuards: LeaveServiceGuard[] = [];

  constructor(private readonly audit: AuditService) {}

  registerLeaveServiceGuard(guard: LeaveServiceGuard): void {
    this.leaveServiceGuards.push(guard);
  }

  /** Locks a device row (FOR UPDATE) within the caller's transaction; undefined when it does not exist. Access is the caller's to check. */
  async lockDevice(em: EntityManager, deviceId: string): Promise<LockedDevice | undefined> {
    const rows: LockedDevice[] = await em.query(
      `SELECT id, authority_id AS "authorityId", school_id AS "schoolId", status, version, inventory_number AS "inventoryNumber",
              type, commissioned_on AS "commissionedOn"
         FROM devices WHERE id = $1 FOR UPDATE`,
      [deviceId],
    );
    return rows[0];
  }

  async changeStatus(em: EntityManager, actor: Actor, device: LockedDevice, change: StatusChange): Promise<LockedDevice> {
    if (!canTransition(device.status, change.to, change.via)) {
      const hint = change.via === 'manual' && (change.to === 'loaned' || device.status === 'loaned') ? ' (loans set and clear this status: use the loan endpoints)' : '';
      throw illegalState(hint ? 'DEVICE_STATUS_BY_LOAN_ONLY' : 'DEVICE_STATUS_TRANSITION', `A device that is ${device.status} cannot become ${change.to}${hint}`, {
        currentStatus: device.status,
        requestedStatus: change.to,
      });
    }
    let guardMeta: Record<string, unknown> = {};
    if (change.to === 'retired' || change.to === 'lost') {
      for (const guard of this.leaveServiceGuards) Object.assign(guardMeta, (await guard(em, device, change)) ?? {});
    }
    const retiredOn = change.to === 'retired' ? (change.retiredOn ?? todayInBerlin()) : null;
    // em.query returns [rows, rowCount] for UPDATE ... RETURNING.
    const [updatedRows] = await em.query(
      `UPDATE devices SET status = $2::device_status, retired_on = $3, retirement_reason = CASE WHEN $2::device_status = 'retired' THEN $4 ELSE NULL END,
              version = version + 1, updated_at = now()
        WHERE id = $1 RETURNING version`,
      [device.id, change.to, retiredOn, change.reason ?? null],
    );
    await em.query(
      `INSERT INTO device_events (device_id, authority_id, kind, from_status, to_status, reason, loan_id, actor_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [device.id, device.authorityId, change.kind ?? 'status_changed', device.status, change.to, change.reason ?? null, change.loanId ?? null, actor.id],
    );
    await this.audit.record(em, actor, {
      action: 'device.status_changed',
      entityType: 'device',
      entityId: device.id,
      authorityId: device.authorityId,
      before: { status: device.status },
      after: { status: change.to, ...(retiredOn ? { retiredOn } : {}) },
      meta: { via: change.via, ...(change.loanId ? { loanId: change.loanId } : {}), ...guardMeta },
    });
    return { ...device, status: change.to, version: updatedRows[0].version };
  }
}
