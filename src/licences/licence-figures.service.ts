import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { inSchoolScope, tenantOf } from '../common/access';
import { todayInBerlin } from '../common/dates';
import { rows } from '../common/db';
import { splitCents } from './licence-rules';
import type { ContractDto } from './licences.dto';
import { AUTHORITY_SCHOOLS_SQL, AUTHORITY_SEATS_SQL } from './licences.queries';
import { LicencesService } from './licences.service';

/** One school's share of one contract. */
export interface SchoolContractFigures {
  contractId: string;
  productId: string;
  productName: string;
  forStudents: boolean;
  schoolId: string;
  schoolName: string;
  schoolNumber: string;
  studentCount: number;
  seatsAssigned: number;
  seatsInUse: number | null;
  /** The school's share of the contract's yearly cost (see `schoolShares`). */
  yearlyCents: number;
}

/** Per school: its student-facing seats and its yearly licence cost, for the coverage. */
export interface SchoolLicenceFigures {
  /** Student-facing products the school has a running contract for. */
  studentProducts: number;
  /** Seats of running contracts of student-facing products assigned to the school. */
  studentSeats: number;
  /** Student seats per student (2 decimals); null without students. */
  seatsPerStudent: number | null;
  /** The school's share of the yearly cost of all its running contracts. */
  yearlyCostCents: number;
  /** That cost per student, rounded to the cent; null without students. */
  yearlyCostPerStudentCents: number | null;
}

interface SeatRow {
  contractId: string;
  schoolId: string;
  seatsAssigned: number;
  seatsInUse: number | null;
}

interface SchoolRow {
  id: string;
  name: string;
  schoolNumber: string;
  studentCount: number;
}

/**
 * What each school's licences cost. A contract's yearly cost is split over its schools by their assigned seats; a
 * contract without assignments by the schools' student counts (authority-wide) or evenly over its schools (given
 * schools); the parts add up to the cost to the cent (largest remainder). The split always looks at the whole
 * contract, then the caller sees the shares of their schools only.
 */
@Injectable()
export class LicenceFiguresService {
  constructor(private readonly licences: LicencesService) {}

  /** Running contracts (on `today`) × schools in the caller's view. */
  async schoolShares(actor: Actor, em: EntityManager, today = todayInBerlin()): Promise<SchoolContractFigures[]> {
    const authorityId = tenantOf(actor);
    const [contracts, products, seats, schools] = await Promise.all([
      this.licences.allContracts(actor, {}, em),
      this.licences.listProducts(actor, em),
      rows<SeatRow>(em, AUTHORITY_SEATS_SQL, [authorityId]),
      rows<SchoolRow>(em, AUTHORITY_SCHOOLS_SQL, [authorityId]),
    ]);
    const forStudents = new Map(products.map((p) => [p.id, p.forStudents]));
    const seatsByContract = new Map<string, SeatRow[]>();
    for (const s of seats) {
      const list = seatsByContract.get(s.contractId);
      if (list) list.push(s);
      else seatsByContract.set(s.contractId, [s]);
    }
    const visible = (schoolId: string) => inSchoolScope(actor, { authorityId, schoolId });
    const out: SchoolContractFigures[] = [];
    for (const c of contracts.filter((k) => running(k, today))) {
      const contractSeats = seatsByContract.get(c.id) ?? [];
      const shares = shareOut(c, contractSeats, schools);
      const bySchool = new Map(contractSeats.map((s) => [s.schoolId, s]));
      for (const { school, cents } of shares) {
        if (!visible(school.id)) continue;
        const seat = bySchool.get(school.id);
        out.push({
          contractId: c.id, productId: c.productId, productName: c.productName, forStudents: forStudents.get(c.productId) ?? false,
          schoolId: school.id, schoolName: school.name, schoolNumber: school.schoolNumber, studentCount: school.studentCount,
          seatsAssigned: seat?.seatsAssigned ?? 0, seatsInUse: seat?.seatsInUse ?? null, yearlyCents: cents,
        });
      }
    }
    return out;
  }

  /** Per school id: the coverage figures of its licences. Schools without licences are absent (all zero). */
  async bySchool(actor: Actor, em: EntityManager, today = todayInBerlin()): Promise<Map<string, SchoolLicenceFigures>> {
    const result = new Map<string, SchoolLicenceFigures & { students: number }>();
    for (const s of await this.schoolShares(actor, em, today)) {
      let f = result.get(s.schoolId);
      if (!f) {
        f = { students: s.studentCount, studentProducts: 0, studentSeats: 0, seatsPerStudent: null, yearlyCostCents: 0, yearlyCostPerStudentCents: null };
        result.set(s.schoolId, f);
      }
      if (s.forStudents) {
        f.studentProducts += 1;
        f.studentSeats += s.seatsAssigned;
      }
      f.yearlyCostCents += s.yearlyCents;
    }
    const out = new Map<string, SchoolLicenceFigures>();
    for (const [id, { students, ...f }] of result) {
      out.set(id, {
        ...f,
        seatsPerStudent: students > 0 ? Math.round((f.studentSeats * 100) / students) / 100 : null,
        yearlyCostPerStudentCents: students > 0 ? Math.round(f.yearlyCostCents / students) : null,
      });
    }
    return out;
  }
}

/** A contract runs on `today` when its term has begun and the term in force has not ended. */
function running(c: ContractDto, today: string): boolean {
  return c.termStart <= today && c.currentTermEnd >= today;
}

function shareOut(c: ContractDto, seats: SeatRow[], schools: SchoolRow[]): { school: SchoolRow; cents: number }[] {
  const schoolById = new Map(schools.map((s) => [s.id, s]));
  let members: SchoolRow[];
  let weights: number[];
  if (seats.some((s) => s.seatsAssigned > 0)) {
    members = seats.map((s) => schoolById.get(s.schoolId)!).filter(Boolean);
    weights = seats.filter((s) => schoolById.has(s.schoolId)).map((s) => s.seatsAssigned);
  } else if (c.allSchools) {
    members = schools;
    weights = schools.map((s) => s.studentCount);
    if (weights.every((x) => x === 0)) weights = schools.map(() => 1);
  } else {
    members = seats.map((s) => schoolById.get(s.schoolId)!).filter(Boolean);
    weights = members.map(() => 1);
  }
  const cents = splitCents(c.yearlyCents, weights);
  return members.map((school, i) => ({ school, cents: cents[i] }));
}
