import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { AccessService, tenantOf } from '../common/access';
import { todayInBerlin } from '../common/dates';
import { exec, one, rows, transaction } from '../common/db';
import { conflict, invalidField, notFound } from '../common/errors';
import type { SeatDto, SetSeatsDto, SetUseDto, UsageImportResultDto } from './licences.dto';
import { LOCK_CONTRACT_SQL, OTHER_ASSIGNED_SQL, SCHOOLS_BY_NUMBER_SQL, SEAT_SQL, seatsQuery, UPSERT_ASSIGNED_SQL, UPSERT_USE_SQL } from './licences.queries';
import { LicencesService } from './licences.service';
import { readUsageFile } from './usage-file';

interface LockedContract {
  id: string;
  allSchools: boolean;
  seatsBought: number;
  productId: string;
}

/**
 * The seats of a contract per school: the office assigns them (all schools together at most the seats bought), the
 * school enters how many it uses, or the office imports the vendor's usage export. Every write locks the contract row
 * first, so concurrent assignments are checked one after the other (like the grants' allocations).
 */
@Injectable()
export class LicenceSeatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly licences: LicencesService,
  ) {}

  async list(actor: Actor, contractId: string, em: EntityManager): Promise<SeatDto[]> {
    await this.licences.getContract(actor, contractId, em);
    const { sql, params } = seatsQuery(actor, contractId);
    return rows<SeatDto>(em, sql, params);
  }

  /** Sets a school's assigned seats (office). */
  async assign(actor: Actor, contractId: string, schoolId: string, dto: SetSeatsDto): Promise<SeatDto> {
    return transaction(this.dataSource, async (em) => {
      const contract = await this.lock(em, actor, contractId, schoolId, 'write');
      const before = await one<Record<string, unknown>>(em, SEAT_SQL, [contractId, schoolId]);
      if (!contract.allSchools && !before) throw notFound('School of this contract');
      const other = (await one<{ n: number }>(em, OTHER_ASSIGNED_SQL, [contractId, schoolId]))!.n;
      if (other + dto.seatsAssigned > contract.seatsBought) {
        throw conflict('LICENCE_SEATS_EXCEED_CONTRACT', 'The schools would get more seats than the contract has', { contractSeats: contract.seatsBought, requestedSeats: other + dto.seatsAssigned }, {
          seatsBought: contract.seatsBought,
          otherAssigned: other,
          requested: dto.seatsAssigned,
          available: Math.max(0, contract.seatsBought - other),
        });
      }
      await exec(em, UPSERT_ASSIGNED_SQL, [contractId, schoolId, tenantOf(actor), dto.seatsAssigned]);
      await this.audit.record(em, actor, {
        action: 'licence.seats_assigned', entityType: 'licence_contract', entityId: contractId,
        before: before ? { schoolId, seatsAssigned: before.seatsAssigned } : null, after: { schoolId, seatsAssigned: dto.seatsAssigned },
      });
      return this.seat(em, actor, contractId, schoolId);
    });
  }

  /** Takes a school out of an authority-wide contract's seats list (its assignment and use). */
  async remove(actor: Actor, contractId: string, schoolId: string): Promise<void> {
    await transaction(this.dataSource, async (em) => {
      await this.lock(em, actor, contractId, schoolId, 'write');
      const { rows: [before] } = await exec<Record<string, unknown>>(em, `DELETE FROM licence_seats WHERE contract_id = $1 AND school_id = $2 RETURNING seats_assigned AS "seatsAssigned", seats_in_use AS "seatsInUse"`, [contractId, schoolId]);
      if (!before) throw notFound('Seats');
      await this.audit.record(em, actor, { action: 'licence.seats_removed', entityType: 'licence_contract', entityId: contractId, before: { schoolId, ...before }, after: null });
    });
  }

  /** The school's count of seats in use (coordinators for their schools, the office for any). */
  async setUse(actor: Actor, contractId: string, schoolId: string, dto: SetUseDto): Promise<SeatDto> {
    return transaction(this.dataSource, async (em) => {
      const contract = await this.lock(em, actor, contractId, schoolId, 'write');
      const before = await one<Record<string, unknown>>(em, SEAT_SQL, [contractId, schoolId]);
      if (!contract.allSchools && !before) throw notFound('School of this contract');
      await exec(em, UPSERT_USE_SQL, [contractId, schoolId, tenantOf(actor), dto.seatsInUse, dto.inUseOn ?? todayInBerlin(), 'school']);
      await this.audit.record(em, actor, {
        action: 'licence.use_reported', entityType: 'licence_contract', entityId: contractId,
        before: before ? { schoolId, seatsInUse: before.seatsInUse, inUseOn: before.inUseOn } : null,
        after: { schoolId, seatsInUse: dto.seatsInUse, inUseOn: dto.inUseOn ?? todayInBerlin() },
      });
      return this.seat(em, actor, contractId, schoolId);
    });
  }

  /**
   * The vendor's usage export, matched by school number: each known school of the contract gets its seats in use
   * (source `import`). Unknown numbers, schools outside the contract and unreadable rows are reported, not guessed.
   * All or nothing in one transaction; `dryRun` only reports.
   */
  async importUsage(actor: Actor, contractId: string, file: { buffer: Buffer; originalname: string } | undefined, inUseOn: string | undefined, dryRun: boolean): Promise<UsageImportResultDto> {
    const authorityId = tenantOf(actor);
    if (!file) throw invalidField('file', 'fileRequired', 'Upload the usage export as the multipart field "file"');
    const usage = await readUsageFile(file);
    return transaction(this.dataSource, async (em) => {
      const contract = await this.lock(em, actor, contractId, null, 'write');
      const invalidRows = usage.filter((u) => u.seatsInUse === null || u.schoolNumber === '').map((u) => u.rowNumber);
      const valid = usage.filter((u) => u.seatsInUse !== null && u.schoolNumber !== '');
      const schools = await rows<{ id: string; schoolNumber: string }>(em, SCHOOLS_BY_NUMBER_SQL, [authorityId, [...new Set(valid.map((u) => u.schoolNumber))]]);
      const byNumber = new Map(schools.map((s) => [s.schoolNumber, s.id]));
      const members = new Set(contract.allSchools ? schools.map((s) => s.id) : (await rows<{ schoolId: string }>(em, `SELECT school_id AS "schoolId" FROM licence_seats WHERE contract_id = $1`, [contractId])).map((r) => r.schoolId));
      const unknown = new Set<string>();
      const outside = new Set<string>();
      // The last row of a school wins (a file may list a school twice); sums of partial rows are the vendor's job.
      const updates = new Map<string, number>();
      for (const u of valid) {
        const id = byNumber.get(u.schoolNumber);
        if (!id) unknown.add(u.schoolNumber);
        else if (!members.has(id)) outside.add(u.schoolNumber);
        else updates.set(id, u.seatsInUse!);
      }
      const day = inUseOn ?? todayInBerlin();
      if (!dryRun && updates.size > 0) {
        const ids = [...updates.keys()];
        await exec(
          em,
          `INSERT INTO licence_seats (contract_id, school_id, authority_id, seats_in_use, in_use_on, in_use_source)
           SELECT $1, u.school_id, $2, u.n, $5, 'import' FROM unnest($3::uuid[], $4::int[]) AS u(school_id, n)
           ON CONFLICT (contract_id, school_id) DO UPDATE SET seats_in_use = EXCLUDED.seats_in_use, in_use_on = EXCLUDED.in_use_on,
              in_use_source = EXCLUDED.in_use_source, updated_at = now()`,
          [contractId, authorityId, ids, ids.map((id) => updates.get(id)), day],
        );
        await this.audit.record(em, actor, {
          action: 'licence.use_imported', entityType: 'licence_contract', entityId: contractId, before: null,
          after: { inUseOn: day, schools: updates.size, seatsInUse: [...updates.values()].reduce((a, b) => a + b, 0) },
        });
      }
      return { updated: updates.size, unknownSchoolNumbers: [...unknown].sort(), notInContract: [...outside].sort(), invalidRows };
    });
  }

  /** 404 for a contract or school outside the caller's view; 403 for a role that may not write; then the row lock. */
  private async lock(em: EntityManager, actor: Actor, contractId: string, schoolId: string | null, mode: 'write'): Promise<LockedContract> {
    await this.licences.getContract(actor, contractId, em);
    if (schoolId) await this.access.requireSchool(actor, schoolId, mode, em);
    const contract = await one<LockedContract>(em, LOCK_CONTRACT_SQL, [contractId, tenantOf(actor)]);
    if (!contract) throw notFound('Licence contract');
    return contract;
  }

  private async seat(em: EntityManager, actor: Actor, contractId: string, schoolId: string): Promise<SeatDto> {
    const { sql, params } = seatsQuery(actor, contractId, schoolId);
    return (await one<SeatDto>(em, sql, params))!;
  }
}
