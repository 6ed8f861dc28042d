import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../audit/audit.service';
import { AccessService, inSchoolScope, schoolScopeSql, tenantOf } from '../../common/access';
import { exec, rows, transaction } from '../../common/db';
import { AppError, invalidField } from '../../common/errors';
import type { IdempotencyScope } from '../../common/idempotency';
import { DEVICE_IMPORT_SQL } from '../devices.queries';
import type { ImportReportDto } from './import.dto';
import { readImportFile } from './import-reader';
import { buildCandidates, type DeviceCandidate, type ImportProblem, importProblem } from './import-rows';

/** Upload limits; the controller's multer limit uses the same byte figure. */
export const IMPORT_LIMITS = { maxBytes: 10 * 1024 * 1024, maxRows: 20_000 };
const INSERT_CHUNK = 1_000;

interface ExistingDevice {
  id: string;
  authorityId: string;
  schoolId: string;
  inventoryNumber: string;
  serialNumber: string | null;
  manufacturer: string;
}

/**
 * Bulk import of a supplier's delivery list. Everything is validated first (a dry run stops there); a real import
 * writes all new devices in one transaction or nothing. Rows already in the inventory are reported as duplicates,
 * so importing the same file twice creates nothing the second time.
 */
@Injectable()
export class DeviceImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** With an idempotency scope, the report is stored under its key in the import's transaction (and replayed). */
  async import(
    actor: Actor,
    file: { buffer: Buffer; originalname: string } | undefined,
    options: { dryRun: boolean; schoolId?: string },
    idempotency?: IdempotencyScope,
  ): Promise<ImportReportDto> {
    const authorityId = tenantOf(actor);
    if (!file) throw invalidField('file', 'fileRequired', 'Attach the list as multipart field "file" (.xlsx or .csv)');
    const replay = await idempotency?.replay<ImportReportDto>();
    if (replay) return replay;
    const table = await readImportFile(file, IMPORT_LIMITS.maxRows);
    const write = <T>(work: (em: EntityManager) => Promise<T>) => (idempotency ? idempotency.transaction(work) : transaction(this.dataSource, work));
    return write(async (em) => {
      if (options.schoolId) await this.access.requireSchool(actor, options.schoolId, 'write', em);
      const schoolsByNumber = await this.writableSchoolsByNumber(em, actor);
      const { candidates, problems, ignoredColumns } = buildCandidates(table, { defaultSchoolId: options.schoolId, schoolsByNumber });
      const { fresh, duplicates } = await this.classify(em, actor, authorityId, candidates, problems);
      problems.sort((a, b) => a.row - b.row);
      const report: ImportReportDto = {
        dryRun: options.dryRun,
        format: table.format,
        rows: table.rows.length,
        valid: problems.length === 0,
        created: 0,
        newDevices: fresh.length,
        createdDevices: [],
        duplicates,
        problems,
        ignoredColumns,
      };
      if (options.dryRun) return report;
      if (problems.length) {
        throw new AppError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', `${problems.length} problem(s) in the file; nothing was imported`, undefined, { report });
      }
      const createdDevices = await this.write(em, actor, authorityId, fresh, file.originalname);
      return { ...report, created: fresh.length, createdDevices };
    });
  }

  /** school number -> id, for the schools the caller may write to (a coordinator: their own). */
  private async writableSchoolsByNumber(em: EntityManager, actor: Actor): Promise<Map<string, string>> {
    const params: unknown[] = [];
    const scope = schoolScopeSql(actor, { authority: 'authority_id', school: 'id' }, params);
    const schools = await rows<{ id: string; school_number: string }>(em, DEVICE_IMPORT_SQL.schoolNumbers(scope), params);
    return new Map(schools.map((r) => [r.school_number, r.id]));
  }

  /** Splits the valid candidates into new devices and duplicates of existing ones; clashes with other devices become problems. */
  private async classify(em: EntityManager, actor: Actor, authorityId: string, candidates: DeviceCandidate[], problems: ImportProblem[]) {
    const existing = candidates.length
      ? await rows<ExistingDevice>(em, DEVICE_IMPORT_SQL.existing, [
          authorityId,
          candidates.map((c) => c.inventoryNumber),
          candidates.flatMap((c) => (c.serialNumber ? [c.serialNumber] : [])),
        ])
      : [];
    const byInventory = new Map(existing.map((d) => [d.inventoryNumber, d]));
    const serialKey = (manufacturer: string, serial: string) => `${manufacturer.toLowerCase()}\u0000${serial}`;
    const bySerial = new Map(existing.filter((d) => d.serialNumber).map((d) => [serialKey(d.manufacturer, d.serialNumber!), d]));
    const fresh: DeviceCandidate[] = [];
    const duplicates: ImportReportDto['duplicates'] = [];
    for (const c of candidates) {
      const sameInventory = byInventory.get(c.inventoryNumber);
      const sameSerial = c.serialNumber ? bySerial.get(serialKey(c.manufacturer, c.serialNumber)) : undefined;
      if (sameInventory) {
        const same = sameInventory.manufacturer.toLowerCase() === c.manufacturer.toLowerCase() && (sameInventory.serialNumber ?? null) === (c.serialNumber ?? null);
        if (same) duplicates.push({ row: c.row, inventoryNumber: c.inventoryNumber, deviceId: inSchoolScope(actor, sameInventory) ? sameInventory.id : null });
        else {
          const message = `inventory number ${c.inventoryNumber} is already used by another device`;
          problems.push(importProblem(c.row, c.columns.inventoryNumber ?? null, 'INVENTORY_NUMBER_TAKEN', message, { inventoryNumber: c.inventoryNumber }));
        }
      } else if (sameSerial) {
        const message = `serial number ${c.serialNumber} of ${c.manufacturer} is already registered as ${sameSerial.inventoryNumber}`;
        const params = { serialNumber: c.serialNumber, manufacturer: c.manufacturer, inventoryNumber: sameSerial.inventoryNumber };
        problems.push(importProblem(c.row, c.columns.serialNumber ?? null, 'SERIAL_NUMBER_TAKEN', message, params));
      } else fresh.push(c);
    }
    return { fresh, duplicates };
  }

  /** Multi-row inserts in chunks (devices, their `imported` history entries, one audit entry per device). */
  private async write(em: EntityManager, actor: Actor, authorityId: string, devices: DeviceCandidate[], fileName: string): Promise<ImportReportDto['createdDevices']> {
    const source = `Import: ${fileName.slice(0, 200)}`;
    const created: ImportReportDto['createdDevices'] = [];
    for (let i = 0; i < devices.length; i += INSERT_CHUNK) {
      const chunk = devices.slice(i, i + INSERT_CHUNK);
      const params: unknown[] = [];
      const values = chunk.map((d) => {
        const row = [authorityId, d.schoolId, d.inventoryNumber, d.serialNumber, d.type, d.manufacturer, d.model, d.operatingSystem, d.purchaseDate, d.purchasePriceCents, d.commissionedOn, d.warrantyUntil, d.location, d.notes];
        const start = params.length;
        params.push(...row);
        return `(${row.map((_, j) => `$${start + j + 1}`).join(', ')})`;
      });
      const inserted = await rows<{ id: string; inventory_number: string }>(em, DEVICE_IMPORT_SQL.insert(values), params);
      const ids = new Map(inserted.map((r) => [r.inventory_number, r.id]));
      created.push(...chunk.map((d) => ({ row: d.row, id: ids.get(d.inventoryNumber)!, inventoryNumber: d.inventoryNumber })));
      await exec(em, DEVICE_IMPORT_SQL.importedEvents, [inserted.map((r) => r.id), source, actor.id]);
      await this.audit.recordMany(
        em,
        actor,
        chunk.map((d) => ({
          action: 'device.imported',
          entityType: 'device',
          entityId: ids.get(d.inventoryNumber)!,
          authorityId,
          before: null,
          after: { ...d.fields, schoolId: d.schoolId, status: 'available' },
          meta: { source, row: d.row },
        })),
      );
    }
    return created;
  }
}
