import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { AccessService, inSchoolScope, mayWrite, tenantOf } from '../common/access';
import { registerConstraintMessages } from '../common/constraint-messages';
import { todayInBerlin } from '../common/dates';
import { commitWithoutWaitingForDisk, rows, transaction } from '../common/db';
import { conflict, forbidden, illegalState, invalidField, notFound } from '../common/errors';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, PageQueryDto, toPage } from '../common/pagination';
import { AuthoritiesService } from '../authorities/authorities.service';
import { minusYears } from '../coverage/coverage-settings';
import { DeviceActionsService } from '../devices/device-actions.service';
import { DeviceLifecycleService } from '../devices/device-lifecycle.service';
import { DevicesService } from '../devices/devices.service';
import {
  CloseStocktakingDto,
  CountDueDto,
  ElsewhereKind,
  ListStocktakingsQueryDto,
  MissingDeviceDto,
  RoomProgressDto,
  ScanDto,
  ScanResult,
  ScanResultDto,
  SchoolCountDto,
  StartStocktakingDto,
  StocktakingDetailDto,
  StocktakingDto,
  StocktakingScanDto,
  StocktakingSettingsDto,
  UpdateStocktakingSettingsDto,
} from './stocktakings.dto';
import * as q from './stocktakings.queries';

registerConstraintMessages({
  uq_stocktakings_open: { field: 'schoolId', reason: 'STOCKTAKING_OPEN_EXISTS', message: 'This school has an open stocktaking; close it before starting another' },
});

export const DEFAULT_STOCKTAKING_SETTINGS: StocktakingSettingsDto = { countIntervalYears: 5 };

const closedError = () => illegalState('STOCKTAKING_CLOSED', 'The stocktaking is closed and cannot change', { status: 'closed' });

/**
 * Stocktaking (Inventur) of a school, room by room: the expected list taken at the start, scans from several people at
 * once (each scan its own short transaction; the stocktaking row is held FOR SHARE, so only the close waits for them),
 * and the close that decides what happens to the missing devices. Device changes go through the devices feature.
 */
@Injectable()
export class StocktakingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly devices: DevicesService,
    private readonly actions: DeviceActionsService,
    private readonly lifecycle: DeviceLifecycleService,
    private readonly authorities: AuthoritiesService,
  ) {}

  async start(actor: Actor, dto: StartStocktakingDto): Promise<StocktakingDetailDto> {
    const authorityId = tenantOf(actor);
    const rooms = dto.rooms ? [...new Set(dto.rooms.map((r) => r.trim()))] : null;
    const id = await transaction(this.dataSource, async (em) => {
      await this.access.requireSchool(actor, dto.schoolId, 'write', em);
      const created = await q.insertStocktaking(em, { authorityId, schoolId: dto.schoolId, rooms, note: dto.note ?? null, actorId: actor.id });
      const expected = await q.snapshotExpected(em, created, authorityId, dto.schoolId, rooms);
      await this.audit.record(em, actor, {
        action: 'stocktaking.started',
        entityType: 'stocktaking',
        entityId: created,
        after: { schoolId: dto.schoolId, rooms, expected },
      });
      return created;
    });
    return this.get(actor, id);
  }

  async list(actor: Actor, query: ListStocktakingsQueryDto): Promise<Page<StocktakingDto>> {
    tenantOf(actor);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    let after: [string, string] | undefined;
    if (query.cursor) {
      const [key, id] = decodeCursor(query.cursor, 2);
      if (typeof key !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw invalidField('cursor', 'invalidCursor', 'cursor is malformed');
      after = [key, id];
    }
    const found = await q.listStocktakings(this.dataSource.manager, actor, { schoolId: query.schoolId, status: query.status, after, limit });
    return toPage(found, limit, (r) => [r.sortKey, r.id], ({ sortKey: _s, ...r }) => r);
  }

  async get(actor: Actor, id: string): Promise<StocktakingDetailDto> {
    return this.getIn(this.dataSource.manager, actor, id);
  }

  /** One stocktaking with its progress per room, on the caller's connection (a transaction, an export's snapshot). */
  async getIn(em: EntityManager, actor: Actor, id: string): Promise<StocktakingDetailDto> {
    const row = await q.stocktakingById(em, actor, id);
    if (!row) throw notFound('Stocktaking');
    const progress = await q.roomProgress(em, id);
    return { ...row, progress, markedLost: await q.markedLostCount(em, id) };
  }

  /** One scan: found, found elsewhere (optionally moved here), unknown (optionally registered), or a repeat. */
  async scan(actor: Actor, id: string, dto: ScanDto): Promise<ScanResultDto> {
    const tag = dto.tag.trim();
    if (!tag) throw invalidField('tag', 'isNotEmpty', 'tag must not be blank');
    const room = (dto.room ?? '').trim();
    const roomKey = room.toLowerCase();
    if (!dto.move && !dto.createDevice && mayWrite(actor)) {
      const found = await this.scanFound(actor, id, tag, room, roomKey, dto.note ?? null);
      if (found) return found;
    }
    return transaction(this.dataSource, async (em) => {
      // A plain scan is an observation the counter repeats if it went missing; a move or a new device is not.
      if (!dto.move && !dto.createDevice) await commitWithoutWaitingForDisk(em);
      const st = await this.openForWrite(em, actor, id, 'share');
      const matches = await q.devicesByTag(em, st.authorityId, tag);
      const match = matches.find((m) => m.byInventory) ?? (matches.length === 1 ? matches[0] : undefined);
      if (!match && matches.length > 1) {
        throw conflict('SERIAL_NUMBER_AMBIGUOUS', 'Several devices carry this serial number; scan the inventory number instead', undefined, {
          candidates: matches.filter((m) => inSchoolScope(actor, m)).map((m) => ({ id: m.id, inventoryNumber: m.inventoryNumber, manufacturer: m.manufacturer })),
        });
      }
      const base = { stocktakingId: id, authorityId: st.authorityId, tag, room, note: dto.note ?? null, actorId: actor.id };

      if (!match) {
        if (dto.move) throw invalidField('move', 'onlyForElsewhere', 'move is only for a device found elsewhere');
        let createdDeviceId: string | null = null;
        if (dto.createDevice) {
          const created = await this.devices.createIn(em, actor, { schoolId: st.schoolId, inventoryNumber: tag, location: room || null, ...dto.createDevice });
          createdDeviceId = created.id;
          await this.devices.markCounted(em, st.authorityId, [created.id], todayInBerlin());
        }
        const scanId = await q.insertScan(em, { ...base, result: 'unknown', elsewhere: null, deviceId: createdDeviceId, fromSchoolId: null, fromRoom: null, moved: false, createdDevice: !!createdDeviceId });
        await this.auditScan(em, actor, id, scanId, 'unknown', null, createdDeviceId, false);
        return { scanId, result: 'unknown', elsewhere: null, device: null, canMove: false, moved: false, createdDeviceId, room: await this.roomOf(em, id, room) };
      }
      if (dto.createDevice) throw invalidField('createDevice', 'onlyForUnknown', 'createDevice is only for an unknown scan');

      // One scan of a device at a time: two scanners reading the same label get found and duplicate, not found twice.
      const locked = (await this.lifecycle.lockDevice(em, match.id))!;
      // The common case first: an expected device not found yet (one statement marks it and tells its room).
      const marked = await q.markFound(em, id, match.id, actor.id, room);
      const expected = marked ?? (await q.expectedItem(em, id, match.id));
      let result: ScanResult;
      let elsewhere: ElsewhereKind | null = null;
      if (expected) {
        if (!marked) result = 'duplicate';
        else if (room && expected.room.toLowerCase() !== roomKey) [result, elsewhere] = ['found_elsewhere', 'other_room'];
        else result = 'found';
      } else if (await q.scannedBefore(em, id, match.id)) {
        result = 'duplicate';
      } else {
        result = 'found_elsewhere';
        elsewhere = match.schoolId !== st.schoolId ? 'other_school' : 'not_expected';
      }
      const movable = locked.status !== 'loaned' && locked.status !== 'retired';
      const canMove = result === 'found_elsewhere' && movable && inSchoolScope(actor, match) && (elsewhere === 'other_school' || (match.location ?? '').trim().toLowerCase() !== roomKey);
      let moved = false;
      if (dto.move) {
        if (!canMove) throw illegalState('STOCKTAKING_CANNOT_MOVE', 'This device cannot be moved here (not found elsewhere, loaned or retired, already here, or not one of your schools)', undefined, { result, elsewhere });
        if (elsewhere === 'other_school') {
          await this.actions.moveIn(em, actor, match.id, { schoolId: st.schoolId, location: room || undefined, reason: 'Inventur: an dieser Schule gefunden' });
        } else {
          await this.devices.setLocation(em, actor, locked, room || null, { stocktakingId: id });
        }
        moved = true;
      }
      // A device of a school outside the caller's scope: only noted (its number and school). Its record is that school's
      // (no "last counted" set from here) and its room is not told.
      const ours = inSchoolScope(actor, match);
      if (ours) await this.devices.markCounted(em, st.authorityId, [match.id], todayInBerlin());
      const scanId = await q.insertScan(em, {
        ...base,
        result,
        elsewhere,
        deviceId: match.id,
        fromSchoolId: elsewhere === 'other_school' ? match.schoolId : null,
        fromRoom: elsewhere && ours ? (expected?.room ?? match.location ?? null) : null,
        moved,
        createdDevice: false,
      });
      await this.auditScan(em, actor, id, scanId, result, elsewhere, match.id, moved);
      // Outside the caller's schools only the number and school name are told (an authority's device, no personal data).
      return {
        scanId,
        result,
        elsewhere,
        device: { id: match.id, inventoryNumber: match.inventoryNumber, schoolId: match.schoolId, schoolName: match.schoolName, location: ours ? match.location : null, expectedRoom: expected?.room ?? null },
        canMove: canMove && !moved,
        moved,
        createdDeviceId: null,
        room: await this.roomOf(em, id, room),
      };
    });
  }

  /**
   * The common scan, an expected device not found yet, in one round trip (`q.scanFoundInOneStatement`); undefined when
   * it is another case, which the transaction in `scan` then decides (and answers the errors of).
   */
  private async scanFound(actor: Actor, id: string, tag: string, room: string, roomKey: string, note: string | null): Promise<ScanResultDto | undefined> {
    const row = await q.scanFoundInOneStatement(this.dataSource.manager, actor, { stocktakingId: id, tag, room, roomKey, today: todayInBerlin(), note });
    if (!row) return undefined;
    const elsewhere: ElsewhereKind | null = row.result === 'found_elsewhere' ? 'other_room' : null;
    const device = { authorityId: row.deviceAuthorityId, schoolId: row.deviceSchoolId };
    const movable = row.status !== 'loaned' && row.status !== 'retired';
    const canMove = elsewhere !== null && movable && inSchoolScope(actor, device) && (row.location ?? '').trim().toLowerCase() !== roomKey;
    // The room's figures were read before this scan's writes: add the scan (its list row found here, or a scan found elsewhere here).
    const foundHere = row.foundHere ? 1 : 0;
    const elsewhereHere = elsewhere ? 1 : 0;
    const scansRoom = elsewhereHere && (row.scansRoom === null || room < row.scansRoom) ? room : row.scansRoom;
    const roomName = row.itemsRoom ?? scansRoom;
    const progress: RoomProgressDto =
      roomName === null
        ? { room, expected: 0, found: 0, missing: 0, foundElsewhere: 0, unknown: 0 }
        : {
            room: roomName,
            expected: row.roomExpected,
            found: row.roomFound + foundHere,
            missing: row.roomExpected - row.roomFound - foundHere,
            foundElsewhere: row.roomFoundElsewhere + elsewhereHere,
            unknown: row.roomUnknown,
          };
    return {
      scanId: Number(row.scanId),
      result: row.result,
      elsewhere,
      device: { id: row.deviceId, inventoryNumber: row.inventoryNumber, schoolId: row.deviceSchoolId, schoolName: row.schoolName, location: row.location, expectedRoom: row.expectedRoom },
      canMove,
      moved: false,
      createdDeviceId: null,
      room: progress,
    };
  }

  async scans(actor: Actor, id: string, page: PageQueryDto): Promise<Page<StocktakingScanDto>> {
    await this.get(actor, id);
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    let before: number | undefined;
    if (page.cursor) {
      const [scanId] = decodeCursor(page.cursor, 1);
      if (typeof scanId !== 'number' || !Number.isInteger(scanId)) throw invalidField('cursor', 'invalidCursor', 'cursor is malformed');
      before = scanId;
    }
    const found = await q.listScans(this.dataSource.manager, id, { before, limit });
    return toPage(found, limit, (r) => [r.id], (r) => r as unknown as StocktakingScanDto);
  }

  async missing(actor: Actor, id: string, page: PageQueryDto): Promise<Page<MissingDeviceDto>> {
    await this.get(actor, id);
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    let after: string | undefined;
    if (page.cursor) {
      const [inv] = decodeCursor(page.cursor, 1);
      if (typeof inv !== 'string') throw invalidField('cursor', 'invalidCursor', 'cursor is malformed');
      after = inv;
    }
    const found = await q.listMissing(this.dataSource.manager, id, { after, limit });
    return toPage(found, limit, (r) => [r.inventoryNumber], (r) => r);
  }

  /**
   * Closes the count. Missing devices are marked lost (through the device life cycle, with the earmarking check:
   * a funded device inside its period needs `confirmEarmarkingBreach`) or kept open, per device or for all.
   * All or nothing: a refused device rolls the whole close back.
   */
  async close(actor: Actor, id: string, dto: CloseStocktakingDto): Promise<StocktakingDetailDto> {
    await transaction(this.dataSource, async (em) => {
      await this.openForWrite(em, actor, id, 'update');
      const missing = await q.missingIds(em, id);
      const missingSet = new Set(missing);
      const decided = new Map<string, 'mark_lost' | 'keep_open'>();
      for (const [i, d] of (dto.decisions ?? []).entries()) {
        if (!missingSet.has(d.deviceId)) throw invalidField(`decisions.${i}.deviceId`, 'notMissingInStocktaking', `Device ${d.deviceId} is not missing in this stocktaking`);
        decided.set(d.deviceId, d.action);
      }
      const fallback = dto.missing ?? 'keep_open';
      const lose = missing.filter((m) => (decided.get(m) ?? fallback) === 'mark_lost');
      const keep = missing.filter((m) => (decided.get(m) ?? fallback) === 'keep_open');
      for (const deviceId of lose) {
        const locked = (await this.lifecycle.lockDevice(em, deviceId))!;
        if (locked.status === 'lost') continue;
        await this.lifecycle.changeStatus(em, actor, locked, {
          to: 'lost',
          via: 'manual',
          reason: 'Inventur: nicht gefunden',
          confirmations: { earmarkingBreach: dto.confirmEarmarkingBreach === true },
        });
      }
      await q.resolveMissing(em, id, lose, 'lost');
      await q.resolveMissing(em, id, keep, 'kept_open');
      await q.closeStocktaking(em, id, actor.id);
      await this.audit.record(em, actor, {
        action: 'stocktaking.closed',
        entityType: 'stocktaking',
        entityId: id,
        before: { status: 'open' },
        after: { status: 'closed' },
        meta: { missing: missing.length, markedLost: lose.length, keptOpen: keep.length },
      });
    });
    return this.get(actor, id);
  }

  async settings(actor: Actor): Promise<StocktakingSettingsDto> {
    return this.settingsOf(this.dataSource.manager, tenantOf(actor));
  }

  async updateSettings(actor: Actor, dto: UpdateStocktakingSettingsDto): Promise<StocktakingSettingsDto> {
    if (actor.role !== 'office') throw forbidden('STOCKTAKING_SETTINGS_OFFICE_ONLY', 'Only the education office changes the stocktaking settings');
    return transaction(this.dataSource, async (em) => {
      await this.authorities.updateSettingsSection(em, actor, 'stocktaking', { countIntervalYears: dto.countIntervalYears });
      return this.settingsOf(em, tenantOf(actor));
    });
  }

  /** Which schools are due for a count today. */
  async due(actor: Actor): Promise<CountDueDto & { open: number }> {
    return this.dueIn(this.dataSource.manager, actor);
  }

  /** Which schools are due for a count on `asOf`: never counted completely, or longer ago than the authority's interval. */
  async dueIn(em: EntityManager, actor: Actor, asOf = todayInBerlin()): Promise<CountDueDto & { open: number }> {
    const { countIntervalYears } = await this.settingsOf(em, tenantOf(actor));
    const dueBefore = minusYears(asOf, countIntervalYears);
    const found = await q.lastCompleteCounts(em, actor);
    const schools = found.map((r) => ({
      schoolId: r.schoolId,
      schoolName: r.schoolName,
      lastCompleteCountOn: r.lastCompleteCountOn,
      countDue: r.lastCompleteCountOn === null || r.lastCompleteCountOn < dueBefore,
    }));
    const rank = (s: SchoolCountDto) => (s.countDue ? (s.lastCompleteCountOn ?? '0000') : '9999');
    schools.sort((a, b) => rank(a).localeCompare(rank(b)));
    return { countIntervalYears, schools, open: found.filter((r) => r.open).length };
  }

  /**
   * What the count list (Inventurliste) shows, read on the caller's connection (the export's snapshot): the stocktaking
   * (404 outside the caller's scope), who counted (each person with their scans, the first and the last), and every
   * expected device with its result, then the scans of devices found elsewhere and of unknown ones.
   */
  async exportIn(em: EntityManager, actor: Actor, id: string): Promise<{ stocktaking: StocktakingDetailDto; counters: q.StocktakingCounterRow[]; devices: q.StocktakingExportRow[] }> {
    const stocktaking = await this.getIn(em, actor, id);
    const counters = await rows<q.StocktakingCounterRow>(em, q.STOCKTAKING_COUNTERS_SQL, [id]);
    const devices = await rows<q.StocktakingExportRow>(em, q.STOCKTAKING_EXPORT_ROWS_SQL, [id]);
    return { stocktaking, counters, devices };
  }

  private async settingsOf(em: EntityManager, authorityId: string): Promise<StocktakingSettingsDto> {
    const stored = await this.authorities.settingsSection<StocktakingSettingsDto>(authorityId, 'stocktaking', em);
    const years = stored.countIntervalYears;
    return { countIntervalYears: typeof years === 'number' && Number.isInteger(years) && years >= 1 ? years : DEFAULT_STOCKTAKING_SETTINGS.countIntervalYears };
  }

  /** The stocktaking, locked, in the caller's scope (404 otherwise), writable by the role (403) and still open (409). */
  private async openForWrite(em: EntityManager, actor: Actor, id: string, mode: 'share' | 'update'): Promise<q.StocktakingRow> {
    const st = await q.lockStocktaking(em, id, mode);
    if (!st || !inSchoolScope(actor, st)) throw notFound('Stocktaking');
    if (!mayWrite(actor)) throw forbidden('READ_ONLY_ROLE', 'Your role may only read');
    if (st.status === 'closed') throw closedError();
    return st;
  }

  private async roomOf(em: EntityManager, id: string, room: string): Promise<RoomProgressDto> {
    const [progress] = await q.roomProgress(em, id, room.toLowerCase());
    return progress ?? { room, expected: 0, found: 0, missing: 0, foundElsewhere: 0, unknown: 0 };
  }

  private auditScan(em: EntityManager, actor: Actor, id: string, scanId: number, result: ScanResult, elsewhere: ElsewhereKind | null, deviceId: string | null, moved: boolean) {
    return this.audit.record(em, actor, {
      action: 'stocktaking.scanned',
      entityType: 'stocktaking',
      entityId: id,
      meta: { scanId, result, ...(elsewhere ? { elsewhere } : {}), ...(deviceId ? { deviceId } : {}), ...(moved ? { moved } : {}) },
    });
  }
}
