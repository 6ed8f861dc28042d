import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { AccessService } from '../common/access';
import { todayInBerlin } from '../common/dates';
import { exec, transaction } from '../common/db';
import { illegalState, invalidField } from '../common/errors';
import { DeviceLifecycleService } from './device-lifecycle.service';
import { ChangeDeviceStatusDto, DeviceDto, MoveDeviceDto } from './devices.dto';
import { DEVICE_SQL } from './devices.queries';
import { DevicesService, staleDeviceVersion } from './devices.service';

/** The explicit actions on a device that its history records: a manual status change and a move to another school. */
@Injectable()
export class DeviceActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly devices: DevicesService,
    private readonly lifecycle: DeviceLifecycleService,
  ) {}

  /** A manual status change; the rules (and other features' guards, e.g. earmarking) live in DeviceLifecycleService. */
  async changeStatus(actor: Actor, id: string, dto: ChangeDeviceStatusDto): Promise<DeviceDto> {
    if (dto.status === 'retired' && !dto.reason) throw invalidField('reason', 'retireNeedsReason', 'Retiring a device needs a reason (Aussonderungsgrund)');
    if (dto.retiredOn !== undefined && dto.status !== 'retired') throw invalidField('retiredOn', 'onlyWhenRetiring', 'retiredOn is only given when retiring');
    if (dto.retiredOn && dto.retiredOn > todayInBerlin()) throw invalidField('retiredOn', 'notInFuture', 'retiredOn cannot be in the future');
    return transaction(this.dataSource, async (em) => {
      const locked = await this.devices.lockInScope(em, actor, id);
      if (dto.version !== undefined && dto.version !== locked.version) throw staleDeviceVersion(locked.version);
      await this.lifecycle.changeStatus(em, actor, locked, {
        to: dto.status,
        via: 'manual',
        reason: dto.reason ?? null,
        retiredOn: dto.retiredOn ?? null,
        confirmations: { earmarkingBreach: dto.confirmEarmarkingBreach === true },
      });
      return this.devices.findById(em, id);
    });
  }

  /**
   * Moves a device to another school of the authority. The caller needs write access to both schools;
   * a loaned device comes back first, and a retired one stays where it was written off.
   */
  async move(actor: Actor, id: string, dto: MoveDeviceDto): Promise<DeviceDto> {
    return transaction(this.dataSource, (em) => this.moveIn(em, actor, id, dto));
  }

  /** The move inside the caller's transaction (e.g. a stocktaking that finds a device of another school). */
  async moveIn(em: EntityManager, actor: Actor, id: string, dto: MoveDeviceDto): Promise<DeviceDto> {
    const locked = await this.devices.lockInScope(em, actor, id);
    if (dto.version !== undefined && dto.version !== locked.version) throw staleDeviceVersion(locked.version);
    await this.access.requireSchool(actor, dto.schoolId, 'write', em);
    if (dto.schoolId === locked.schoolId) throw invalidField('schoolId', 'alreadyAtSchool', 'The device is already at this school');
    if (locked.status === 'loaned' || locked.status === 'retired') {
      throw illegalState('DEVICE_CANNOT_MOVE', `A ${locked.status} device cannot move to another school`, { currentStatus: locked.status });
    }
    const before = await this.devices.findById(em, id);
    const after = { schoolId: dto.schoolId, location: dto.location ?? null };
    await exec(em, DEVICE_SQL.move, [id, after.schoolId, after.location]);
    await exec(em, DEVICE_SQL.movedEvent, [id, locked.authorityId, locked.schoolId, dto.schoolId, dto.reason ?? null, actor.id]);
    await this.audit.record(em, actor, {
      action: 'device.moved',
      entityType: 'device',
      entityId: id,
      before: { schoolId: before.schoolId, location: before.location },
      after: { schoolId: after.schoolId, location: after.location },
      ...(dto.reason ? { meta: { reason: dto.reason } } : {}),
    });
    return this.devices.findById(em, id);
  }
}
