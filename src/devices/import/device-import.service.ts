import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { AuditService } from '../../audit/audit.service';
import { AccessService, inSchoolScope, schoolScopeSql, tenantOf } from '../../common/access';
import { AppError, invalidField } from '../../common/errors';
import type { IdempotencyScope } from '../../common/idempotency';
import { readImportFile } from './import-reader';
import { buildCandidates, type DeviceCandidate, type ImportProblem, importProblem } from './import-rows';

/** Upload limits; the controller's multer limit uses the same byte figure. */
export const IMPORT_LIMITS = { maxBytes: 10 * 1024 * 1024, maxRows: 20_000 };
const INSERT_CHUNK = 1_000;

export interface ImportReport {
  dryRun: boolean;
  format: 'xlsx' | 'csv';
  /** Data rows read (empty rows do not count). */
  rows: number;
  /** True when no row has a problem: a real import would write every new row. */
  valid: boolean;
  /** Devices written (0 on a dry run). */
  created: number;
  /** Devices a real import would write (on a dry run) or wrote. */
  newDevices: number;
  /** The devices this import wrote, in the file's order (empty on a dry run): e.g. for their labels. */
  createdDevices: { row: number; id: string; inventoryNumber: string }[];
  /** Rows that are already in the inventory (same inventory number, manufacturer and serial number): skipped, not errors. */
  duplicates: { row: number; inventoryNumber: string; deviceId: string | null }[];
  /** Per row and column: what is wrong. */
  problems: ImportProblem[];
  /** Headings the importer does not know; their columns are not imported. */
  ignoredColumns: string[];
}

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
  ): Promise<ImportReport> {
    const authorityId = tenantOf(actor);
    if (!file) throw invalidField('file', 'fileRequired', 'Attach the list as multipart field "file" (.xlsx or .csv)');
    const replay = await idempotency?.replay<ImportReport>();
    if (replay) return replay;
    const table = await readImportFile(file, IMPORT_LIMITS.maxRows);
    const transaction = <T>(work: (em: EntityManager) => Promise<T>) => (idempotency ? idempotency.transaction(work) : this.dataSource.transaction(work));
    return transaction(async (em) => {
      if (options.schoolId) await this.access.requireSchool(actor, options.schoolId, 'write', em);
      const schoolsByNumber = await this.writableSchoolsByNumber(em, actor);
      const { candidates, problems, ignoredColumns } = buildCandidates(table, { defaultSchoolId: options.schoolId, schoolsByNumber });
      const { fresh, duplicates } = await this.classify(em, actor, authorityId, candidates, problems);
      problems.sort((a, b) => a.row - b.row);
      const report: ImportReport = {
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
    const rows: { id: string; school_number: string }[] = await em.query(`SELECT id, school_number FROM schools WHERE ${scope}`, params);
    return new Map(rows.map((r) => [r.school_number, r.id]));
  }

  /** Splits the valid candidates into new devices and duplicates of existing ones; clashes with other devices become problems. */
  private async classify(em: EntityManager, actor: Actor, authorityId: string, candidates: DeviceCandidate[], problems: ImportProblem[]) {
    const existing: ExistingDevice[] = candidates.length
      ? await em.query(
          `SELECT id, authority_id AS "authorityId", school_id AS "schoolId", inventory_number AS "inventoryNumber", serial_number AS "serialNumber", manufacturer
             FROM devices WHERE authority_id = $1 AND (inventory_number = ANY($2) OR serial_number = ANY($3))`,
          [authorityId, candidates.map((c) => c.inventoryNumber), candidates.flatMap((c) => (c.serialNumber ? [c.serialNumber] : []))],
        )
      : [];
    const byInventory = new Map(existing.map((d) => [d.inventoryNumber, d]));
    const serialKey = (manufacturer: string, serial: string) => `${manufacturer.toLowerCase()}\u0000${serial}`;
    const bySerial = new Map(existing.filter((d) => d.serialNumber).map((d) => [serialKey(d.manufacturer, d.serialNumber!), d]));
    const fresh: DeviceCandidate[] = [];
    const duplicates: ImportReport['duplicates'] = [];
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
  private async write(em: EntityManager, actor: Actor, authorityId: string, devices: DeviceCandidate[], fileName: string): Promise<ImportReport['createdDevices']> {
    const source = `Import: ${fileName.slice(0, 200)}`;
    const created: ImportReport['createdDevices'] = [];
    for (let i = 0; i < devices.length; i += INSERT_CHUNK) {
      const chunk = devices.slice(i, i + INSERT_CHUNK);
      const params: unknown[] = [];
      const values = chunk.map((d) => {
        const row = [authorityId, d.schoolId, d.inventoryNumber, d.serialNumber, d.type, d.manufacturer, d.model, d.operatingSystem, d.purchaseDate, d.purchasePriceCents, d.commissionedOn, d.warrantyUntil, d.location, d.notes];
        const start = params.length;
        params.push(...row);
        return `(${row.map((_, j) => `$${start + j + 1}`).join(', ')})`;
      });
      const inserted: { id: string; inventory_number: string }[] = await em.query(
        `INSERT INTO devices (authority_id, school_id, inventory_number, serial_number, type, manufacturer, model, operating_system,
                              purchase_date, purchase_price_cents, commissioned_on, warranty_until, location, notes)
         VALUES ${values.join(', ')} RETURNING id, inventory_number`,
        params,
      );
      const ids = new Map(inserted.map((r) => [r.inventory_number, r.id]));
      created.push(...chunk.map((d) => ({ row: d.row, id: ids.get(d.inventoryNumber)!, inventoryNumber: d.inventoryNumber })));
      await em.query(
        `INSERT INTO device_events (device_id, authority_id, kind, to_status, to_school_id, reason, actor_id)
         SELECT d.id, d.authority_id, 'imported', d.status, d.school_id, $2, $3 FROM devices d WHERE d.id = ANY($1::uuid[])`,
        [inserted.map((r) => r.id), source, actor.id],
      );
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
