import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { todayInBerlin } from '../common/dates';
import { exec, one } from '../common/db';
import { illegalState } from '../common/errors';
import type { DeviceEventKind } from './device-event.entity';
import { discover, GuardsLeavingService, type LeaveServiceGuard } from './device-extensions';
import type { DeviceStatus } from './device.entity';
import { DEVICE_SQL } from './devices.queries';

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
 * The one place a device's status changes. Callers lock the row, then change it here:
 * the rules are checked, the row and its version updated, and a history entry and an audit entry written,
 * all inside the caller's transaction.
 */
@Injectable()
export class DeviceLifecycleService implements OnApplicationBootstrap {
  private leaveServiceGuards: LeaveServiceGuard[] = [];

  constructor(
    private readonly audit: AuditService,
    private readonly discovery: DiscoveryService,
  ) {}

  /** The LeaveServiceGuard providers of other features (see device-extensions.ts). */
  onApplicationBootstrap(): void {
    this.leaveServiceGuards = discover<LeaveServiceGuard>(this.discovery, GuardsLeavingService);
  }

  /** Locks a device row (FOR UPDATE) within the caller's transaction; undefined when it does not exist. Access is the caller's to check. */
  async lockDevice(em: EntityManager, deviceId: string): Promise<LockedDevice | undefined> {
    return one<LockedDevice>(em, DEVICE_SQL.lock, [deviceId]);
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
      for (const guard of this.leaveServiceGuards) Object.assign(guardMeta, (await guard.beforeLeavingService(em, device, change)) ?? {});
    }
    const retiredOn = change.to === 'retired' ? (change.retiredOn ?? todayInBerlin()) : null;
    const { rows: [updated] } = await exec<{ version: number }>(em, DEVICE_SQL.changeStatus, [device.id, change.to, retiredOn, change.reason ?? null]);
    await exec(em, DEVICE_SQL.statusEvent, [device.id, device.authorityId, change.kind ?? 'status_changed', device.status, change.to, change.reason ?? null, change.loanId ?? null, actor.id]);
    await this.audit.record(em, actor, {
      action: 'device.status_changed',
      entityType: 'device',
      entityId: device.id,
      authorityId: device.authorityId,
      before: { status: device.status },
      after: { status: change.to, ...(retiredOn ? { retiredOn } : {}) },
      meta: { via: change.via, ...(change.loanId ? { loanId: change.loanId } : {}), ...guardMeta },
    });
    return { ...device, status: change.to, version: updated.version };
  }
}
