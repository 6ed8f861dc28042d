import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { schoolScopeSql, tenantOf } from '../common/access';
import { registerConstraintMessages } from '../common/constraint-messages';
import { exec, one, rows, transaction } from '../common/db';
import { forbidden, notFound, staleVersion } from '../common/errors';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { escapeLike } from '../common/sql';
import { CreateSchoolDto, ListSchoolNamesQueryDto, ListSchoolsQueryDto, MAX_SCHOOL_NAMES_PAGE_SIZE, SchoolDto, SchoolNameDto, UpdateSchoolDto } from './schools.dto';
import type { SchoolType } from './school.entity';
import { SCHOOL_FIELD_COLUMNS, SCHOOL_FIELDS, SCHOOL_SQL } from './schools.queries';

// Deleting a school that still has records: the foreign keys restrict it (409).
registerConstraintMessages({
  fk_devices_school: { referenced: { reason: 'SCHOOL_HAS_DEVICES', message: 'The school still has devices; move or delete them first' } },
  fk_loans_school: { referenced: { reason: 'SCHOOL_HAS_LOANS', message: 'The school still has loans' } },
  fk_grant_allocations_school: { referenced: { reason: 'SCHOOL_HAS_ALLOCATIONS', message: 'The school still has grant allocations' } },
  fk_expenditures_school: { referenced: { reason: 'SCHOOL_HAS_EXPENDITURES', message: 'The school still has expenditures' } },
  fk_need_requests_school: { referenced: { reason: 'SCHOOL_HAS_NEED_REQUESTS', message: 'The school still has need requests' } },
});

/** Official data that only the education office changes; coordinators keep the rest up to date. */
const OFFICE_ONLY_FIELDS: (keyof UpdateSchoolDto)[] = ['schoolNumber', 'schoolType', 'name'];

@Injectable()
export class SchoolsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: ListSchoolsQueryDto): Promise<Page<SchoolDto>> {
    const limit = query.limit ?? 50;
    const { where, params } = this.listWhere(actor, query);
    params.push(limit + 1);
    const schools = await rows<SchoolDto>(this.dataSource.manager, SCHOOL_SQL.list(where, params.length), params);
    return toPage(schools, limit, (s) => [s.name, s.id], (s) => s);
  }

  /** Ids and names of the schools the caller may see, in the list's order and with its cursor: the web app's pickers. */
  async names(actor: Actor, query: ListSchoolNamesQueryDto): Promise<Page<SchoolNameDto>> {
    const limit = query.limit ?? MAX_SCHOOL_NAMES_PAGE_SIZE;
    const { where, params } = this.listWhere(actor, query);
    params.push(limit + 1);
    const schools = await rows<SchoolNameDto>(this.dataSource.manager, SCHOOL_SQL.names(where, params.length), params);
    return toPage(schools, limit, (s) => [s.name, s.id], (s) => s);
  }

  /** The caller's scope, the filters and the cursor (name, id) of a list of schools. */
  private listWhere(actor: Actor, query: { cursor?: string; schoolType?: SchoolType; q?: string }): { where: string; params: unknown[] } {
    const params: unknown[] = [];
    const where = [schoolScopeSql(actor, { authority: 's.authority_id', school: 's.id' }, params)];
    if (query.schoolType) where.push(`s.school_type = $${params.push(query.schoolType)}`);
    if (query.q) {
      const q = `$${params.push(`%${escapeLike(query.q)}%`)}`;
      where.push(`(s.name ILIKE ${q} OR s.school_number LIKE ${q})`);
    }
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, 2);
      where.push(`(s.name, s.id) > ($${params.push(name)}, $${params.push(id)})`);
    }
    return { where: where.join(' AND '), params };
  }

  async get(actor: Actor, id: string): Promise<SchoolDto> {
    return this.getIn(this.dataSource.manager, actor, id);
  }

  /** One school in the caller's scope, inside the caller's transaction (`lock`: FOR UPDATE); others are 404. */
  async getIn(em: EntityManager, actor: Actor, id: string, lock = false): Promise<SchoolDto> {
    const params: unknown[] = [id];
    const scope = schoolScopeSql(actor, { authority: 's.authority_id', school: 's.id' }, params);
    const school = await one<SchoolDto>(em, SCHOOL_SQL.byId(scope, lock), params);
    if (!school) throw notFound('School');
    return school;
  }

  async create(actor: Actor, dto: CreateSchoolDto): Promise<SchoolDto> {
    const authorityId = tenantOf(actor);
    return transaction(this.dataSource, async (em) => {
      const present = SCHOOL_FIELDS.filter((f) => dto[f] !== undefined);
      const school = (await one<SchoolDto>(em, SCHOOL_SQL.insert(present.map((f) => SCHOOL_FIELD_COLUMNS[f])), [authorityId, ...present.map((f) => dto[f])]))!;
      await this.audit.record(em, actor, { action: 'school.created', entityType: 'school', entityId: school.id, before: null, after: { ...dto } });
      return school;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateSchoolDto): Promise<SchoolDto> {
    if (actor.role === 'coordinator') {
      const officeOnly = OFFICE_ONLY_FIELDS.filter((f) => dto[f] !== undefined);
      if (officeOnly.length) throw forbidden('SCHOOL_FIELDS_OFFICE_ONLY', `Only the education office changes ${officeOnly.join(', ')}`, { fields: officeOnly });
    }
    return transaction(this.dataSource, async (em) => {
      // One locked read within the caller's scope: foreign schools are 404.
      const before = await this.getIn(em, actor, id, true);
      const { version } = dto;
      if (version !== undefined && version !== before.version) throw staleVersion('school', before.version, `The school was changed by someone else (now version ${before.version}); reload and retry`);
      // Only what differs is written (and moves the version); an unchanged save leaves the row as it is.
      const changed = SCHOOL_FIELDS.filter((f) => dto[f] !== undefined && dto[f] !== before[f]);
      const after = changed.length
        ? (await exec<SchoolDto>(em, SCHOOL_SQL.update(changed.map((f) => SCHOOL_FIELD_COLUMNS[f])), [id, ...changed.map((f) => dto[f])])).rows[0]
        : before;
      // Nothing changed, nothing to log (an empty save made an entry without changes).
      if (changed.length) await this.audit.record(em, actor, { action: 'school.updated', entityType: 'school', entityId: id, before: { ...before }, after: { ...after } });
      return after;
    });
  }

  /** Removes a school that has no devices or other records yet (otherwise 409). */
  async remove(actor: Actor, id: string): Promise<void> {
    await transaction(this.dataSource, async (em) => {
      const before = await this.getIn(em, actor, id);
      await exec(em, SCHOOL_SQL.unassignCoordinators, [id]);
      await exec(em, SCHOOL_SQL.delete, [id]);
      await this.audit.record(em, actor, { action: 'school.deleted', entityType: 'school', entityId: id, before: { ...before }, after: null });
    });
  }
}
