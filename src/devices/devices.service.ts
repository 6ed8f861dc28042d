import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { AccessService, inSchoolScope, schoolScopeSql } from '../common/access';
import { exec, one, rows, type SqlQuery, transaction } from '../common/db';
import { registerConstraintMessages } from '../common/constraint-messages';
import { conflict, invalidField, notFound, staleVersion } from '../common/errors';
import { decodeCursor, DEFAULT_PAGE_SIZE, JsonText, Page, PageQueryDto, toJsonPage, toPage } from '../common/pagination';
import { DeviceLifecycleService, type LockedDevice } from './device-lifecycle.service';
import { type DeviceDetailExtension, discover, ExtendsDeviceDetail } from './device-extensions';
import { buildDeviceListSql, DEVICE_FIELD_COLUMNS, DEVICE_FIELDS, DEVICE_SQL, deviceExportQuery, type DeviceListRow } from './devices.queries';
import type { DeviceFilterQueryDto, ListDevicesQueryDto } from './device-filters';
import { CreateDeviceDto, DeviceDetailDto, DeviceDto, DeviceEventDto, DeviceListItemDto, REQUIRED_DEVICE_FIELDS, UpdateDeviceDto } from './devices.dto';

registerConstraintMessages({
  uq_devices_inventory_number: { field: 'inventoryNumber', reason: 'INVENTORY_NUMBER_TAKEN', message: 'A device with this inventory number already exists in this authority' },
  uq_devices_serial: { field: 'serialNumber', reason: 'SERIAL_NUMBER_TAKEN', message: 'A device of this manufacturer with this serial number already exists in this authority' },
  fk_devices_school: { field: 'schoolId', reason: 'SCHOOL_NOT_IN_AUTHORITY', message: 'The school does not exist in this authority' },
  ck_devices_retired: { field: 'status', code: 'retireNeedsDate', message: 'A retired device needs a retirement date, and only a retired one has it' },
});

export const staleDeviceVersion = (current: number) => staleVersion('device', current);

@Injectable()
export class DevicesService implements OnApplicationBootstrap {
  private detailExtensions: DeviceDetailExtension[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly lifecycle: DeviceLifecycleService,
    private readonly discovery: DiscoveryService,
  ) {}

  /** The DeviceDetailExtension providers of other features (see device-extensions.ts). */
  onApplicationBootstrap(): void {
    this.detailExtensions = discover<DeviceDetailExtension>(this.discovery, ExtendsDeviceDetail);
    const keys = this.detailExtensions.map((e) => e.key);
    const twice = keys.find((key, i) => keys.indexOf(key) !== i);
    if (twice) throw new Error(`Device detail extension "${twice}" is provided twice`);
  }

  /** The page as JSON text: PostgreSQL renders the items (see DEVICE_LIST_ITEM_JSON). */
  async list(actor: Actor, query: ListDevicesQueryDto): Promise<JsonText<Page<DeviceListItemDto>>> {
    const { sql, params, limit } = buildDeviceListSql(actor, query);
    const list = await rows<DeviceListRow>(this.dataSource.manager, sql, params);
    return toJsonPage(list, limit, (r) => [r.sortKey, r.id]);
  }

  /**
   * The inventory export's statement (rows: `DeviceExportRow`) for the export's cursor: the devices the list shows for
   * these filters, in its order, unpaged. Nothing runs here; the export reads it on its own snapshot.
   */
  exportQuery(actor: Actor, filter: DeviceFilterQueryDto, options: { ordered?: boolean } = {}): SqlQuery {
    return deviceExportQuery(actor, filter, options);
  }

  /** One device with its school's name and the sections other features add. */
  async get(actor: Actor, id: string): Promise<DeviceDetailDto> {
    return this.getIn(this.dataSource.manager, actor, id);
  }

  /** One device inside the caller's transaction (or read alone with `this.dataSource.manager`). */
  async getIn(em: EntityManager, actor: Actor, id: string): Promise<DeviceDetailDto> {
    const params: unknown[] = [id];
    const scope = schoolScopeSql(actor, { authority: 'd.authority_id', school: 'd.school_id' }, params);
    const device = await one<DeviceDetailDto>(em, DEVICE_SQL.detail(scope), params);
    if (!device) throw notFound('Device');
    return this.withExtensions(em, actor, device);
  }

  /**
   * Scan-first: the device whose inventory number or serial number is `tag`, trimmed and case-insensitive (scanners and
   * people type either case). An inventory number wins, the exact spelling first; a number that several devices share
   * in another case, or a serial number of two manufacturers, answers 409 with the candidates.
   */
  async byTag(actor: Actor, rawTag: string): Promise<DeviceDetailDto> {
    const tag = rawTag.trim();
    if (!tag || tag.length > 128) throw invalidField('tag', 'maxLength', 'tag must be 1 to 128 characters', { max: 128 });
    const params: unknown[] = [tag];
    const scope = schoolScopeSql(actor, { authority: 'd.authority_id', school: 'd.school_id' }, params);
    const em = this.dataSource.manager;
    const found = await rows<DeviceDetailDto & { byInventory: boolean; exact: boolean }>(em, DEVICE_SQL.byTag(scope), params);
    const byInventory = found.filter((r) => r.byInventory);
    const candidates = byInventory.length ? byInventory : found;
    const exact = candidates.filter((r) => r.exact);
    const match = exact.length === 1 ? exact[0] : candidates.length === 1 ? candidates[0] : undefined;
    if (!match && candidates.length > 1) {
      const reason = byInventory.length ? 'INVENTORY_NUMBER_AMBIGUOUS' : 'SERIAL_NUMBER_AMBIGUOUS';
      throw conflict(reason, 'Several devices carry this serial number; scan the inventory number instead', undefined, {
        candidates: candidates.map((r) => ({ id: r.id, inventoryNumber: r.inventoryNumber, manufacturer: r.manufacturer })),
      });
    }
    if (!match) throw notFound('Device');
    const { byInventory: _byInventory, exact: _exact, ...device } = match;
    return this.withExtensions(em, actor, device);
  }

  async create(actor: Actor, dto: CreateDeviceDto): Promise<DeviceDto> {
    return transaction(this.dataSource, (em) => this.createIn(em, actor, dto));
  }

  /** Registers a device inside the caller's transaction (e.g. a stocktaking's unknown scan). */
  async createIn(em: EntityManager, actor: Actor, dto: CreateDeviceDto): Promise<DeviceDto> {
    await this.access.requireSchool(actor, dto.schoolId, 'write', em);
    const { schoolId, status = 'available', ...fields } = dto;
    const present = DEVICE_FIELDS.filter((f) => fields[f] !== undefined);
    const params: unknown[] = [actor.authorityId, schoolId, status, ...present.map((f) => fields[f])];
    const columns = present.map((f) => DEVICE_FIELD_COLUMNS[f]);
    const device = (await one<DeviceDto>(em, DEVICE_SQL.insert(columns), params))!;
    await exec(em, DEVICE_SQL.createdEvent, [device.id, device.authorityId, device.status, device.schoolId, actor.id]);
    await this.audit.record(em, actor, { action: 'device.created', entityType: 'device', entityId: device.id, before: null, after: auditable(device) });
    return device;
  }

  /** Changes the device's data under optimistic locking: the client's version must be the current one. */
  async update(actor: Actor, id: string, dto: UpdateDeviceDto): Promise<DeviceDto> {
    for (const field of REQUIRED_DEVICE_FIELDS) if (dto[field] === null) throw invalidField(field, 'notEmptiable', `${field} cannot be emptied`);
    return transaction(this.dataSource, async (em) => {
      const locked = await this.lockInScope(em, actor, id);
      if (dto.version !== locked.version) throw staleDeviceVersion(locked.version);
      const present = DEVICE_FIELDS.filter((f) => dto[f] !== undefined);
      const before = await this.findById(em, id);
      if (present.length === 0) return before;
      const { rows: [after] } = await exec<DeviceDto>(em, DEVICE_SQL.update(present.map((f) => DEVICE_FIELD_COLUMNS[f])), [id, ...present.map((f) => dto[f])]);
      await this.audit.record(em, actor, { action: 'device.updated', entityType: 'device', entityId: id, before: auditable(before), after: auditable(after) });
      return after;
    });
  }

  /**
   * The device's life-cycle history, strictly newest first: by when it happened, then by id (the events of one
   * transaction share their time and keep the order they were written in). Keyset-paged on both.
   */
  async history(actor: Actor, id: string, page: PageQueryDto): Promise<Page<DeviceEventDto>> {
    const em = this.dataSource.manager;
    await this.getIn(em, actor, id);
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const params: unknown[] = [id];
    let after = '';
    if (page.cursor) {
      const [micros, eventId] = decodeCursor(page.cursor, 2);
      if (typeof micros !== 'string' || !/^-?\d{1,19}$/.test(micros) || typeof eventId !== 'string' || !/^\d{1,19}$/.test(eventId)) {
        throw invalidField('cursor', 'invalidCursor', 'cursor is malformed');
      }
      after = `AND (e.occurred_at, e.id) < (timestamptz 'epoch' + $${params.push(micros)}::bigint * interval '1 microsecond', $${params.push(eventId)}::bigint)`;
    }
    params.push(limit + 1);
    const events = await rows<DeviceEventDto & { atMicros: string }>(em, DEVICE_SQL.history(after, params.length), params);
    return toPage(events, limit, (r) => [r.atMicros, r.id], ({ atMicros: _atMicros, ...event }) => event);
  }

  /**
   * Locks the device for a write and checks the caller may change it: outside the scope answers 404
   * (the lock is released with the transaction either way).
   */
  async lockInScope(em: EntityManager, actor: Actor, id: string): Promise<LockedDevice> {
    const locked = await this.lifecycle.lockDevice(em, id);
    if (!locked || !inSchoolScope(actor, locked)) throw notFound('Device');
    return locked;
  }

  /**
   * Changes a locked device's room (Standort) inside the caller's transaction, e.g. when a stocktaking finds it
   * in another room. Audited like any data change.
   */
  async setLocation(em: EntityManager, actor: Actor, locked: LockedDevice, location: string | null, meta?: Record<string, unknown>): Promise<void> {
    const before = await this.findById(em, locked.id);
    const { rows: [after] } = await exec<DeviceDto>(em, DEVICE_SQL.setLocation, [locked.id, location]);
    await this.audit.record(em, actor, { action: 'device.updated', entityType: 'device', entityId: locked.id, before: auditable(before), after: auditable(after), ...(meta ? { meta } : {}) });
  }

  /**
   * Bookkeeping a device keeps for other features: when its label was printed, the day it was last counted.
   * Neither moves the version or `updated_at`, so printing or counting never makes someone's open edit stale.
   */
  async markLabelled(em: EntityManager, authorityId: string, deviceIds: string[]): Promise<number> {
    return (await exec(em, DEVICE_SQL.markLabelled, [authorityId, deviceIds])).count;
  }

  async markCounted(em: EntityManager, authorityId: string, deviceIds: string[], on: string): Promise<void> {
    await exec(em, DEVICE_SQL.markCounted, [authorityId, deviceIds, on]);
  }

  async findById(em: EntityManager, id: string): Promise<DeviceDto> {
    return (await one<DeviceDto>(em, DEVICE_SQL.byId, [id]))!;
  }

  private async withExtensions(em: EntityManager, actor: Actor, device: DeviceDetailDto): Promise<DeviceDetailDto> {
    const values = await Promise.all(this.detailExtensions.map((e) => e.load(em, actor, device.id)));
    this.detailExtensions.forEach((e, i) => Object.assign(device, { [e.key]: values[i] }));
    return device;
  }
}

/** What the audit entry keeps of a device: its data, without bookkeeping columns. */
export function auditable(device: DeviceDto): Record<string, unknown> {
  const { id: _id, authorityId: _a, version: _v, createdAt: _c, updatedAt: _u, labelledAt: _l, lastCountedOn: _n, ...rest } = device;
  return rest;
}
