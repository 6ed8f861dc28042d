import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { schoolScope, tenantOf } from '../common/access';
import { registerConstraintMessages } from '../common/constraint-messages';
import { forbidden, notFound, staleVersion } from '../common/errors';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { escapeLike } from '../common/sql';
import { School } from './school.entity';
import { CreateSchoolDto, ListSchoolsQueryDto, SchoolDto, UpdateSchoolDto } from './schools.dto';

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

const toDto = (s: School): SchoolDto => ({ ...s });


@Injectable()
export class SchoolsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(School) private readonly schools: Repository<School>,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: ListSchoolsQueryDto): Promise<Page<SchoolDto>> {
    const limit = query.limit ?? 50;
    const scope = schoolScope(actor, { authority: 's.authority_id', school: 's.id' });
    const qb = this.schools.createQueryBuilder('s').where(scope.sql, scope.params);
    if (query.schoolType) qb.andWhere('s.school_type = :schoolType', { schoolType: query.schoolType });
    if (query.q) {
      qb.andWhere(`(s.name ILIKE :q OR s.school_number LIKE :q)`, { q: `%${escapeLike(query.q)}%` });
    }
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, 2);
      qb.andWhere('(s.name, s.id) > (:cursorName, :cursorId)', { cursorName: name, cursorId: id });
    }
    const rows = await qb.orderBy('s.name', 'ASC').addOrderBy('s.id', 'ASC').limit(limit + 1).getMany();
    return toPage(rows, limit, (s) => [s.name, s.id], toDto);
  }

  async get(actor: Actor, id: string, em: EntityManager = this.dataSource.manager): Promise<SchoolDto> {
    const scope = schoolScope(actor, { authority: 's.authority_id', school: 's.id' });
    const school = await em.getRepository(School).createQueryBuilder('s').where('s.id = :id', { id }).andWhere(scope.sql, scope.params).getOne();
    if (!school) throw notFound('School');
    return toDto(school);
  }

  async create(actor: Actor, dto: CreateSchoolDto): Promise<SchoolDto> {
    const authorityId = tenantOf(actor);
    return this.dataSource.transaction(async (em) => {
      const school = await em.save(
        em.create(School, {
          authorityId,
          studentCount: 0,
          teacherCount: 0,
          classCount: 0,
          hasFibre: false,
          street: null,
          postalCode: null,
          city: null,
          broadbandMbps: null,
          wlanCoveragePercent: null,
          ...dto,
        }),
      );
      await this.audit.record(em, actor, { action: 'school.created', entityType: 'school', entityId: school.id, before: null, after: { ...dto } });
      return toDto(school);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateSchoolDto): Promise<SchoolDto> {
    if (actor.role === 'coordinator') {
      const officeOnly = OFFICE_ONLY_FIELDS.filter((f) => dto[f] !== undefined);
      if (officeOnly.length) throw forbidden('SCHOOL_FIELDS_OFFICE_ONLY', `Only the education office changes ${officeOnly.join(', ')}`, { fields: officeOnly });
    }
    return this.dataSource.transaction(async (em) => {
      // One locked read within the caller's scope: foreign schools are 404.
      const scope = schoolScope(actor, { authority: 's.authority_id', school: 's.id' });
      const before = await em.getRepository(School).createQueryBuilder('s').where('s.id = :id', { id }).andWhere(scope.sql, scope.params).setLock('pessimistic_write').getOne();
      if (!before) throw notFound('School');
      const { version, ...changes } = dto;
      if (version !== undefined && version !== before.version) throw staleVersion('school', before.version, `The school was changed by someone else (now version ${before.version}); reload and retry`);
      const after = await em.save(School, { ...before, ...changes });
      await this.audit.record(em, actor, { action: 'school.updated', entityType: 'school', entityId: id, before: { ...before }, after: { ...after } });
      return toDto(after);
    });
  }

  /** Removes a school that has no devices or other records yet (otherwise 409). */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const before = await this.get(actor, id, em);
      await em.query(`DELETE FROM user_schools WHERE school_id = $1`, [id]);
      await em.delete(School, { id });
      await this.audit.record(em, actor, { action: 'school.deleted', entityType: 'school', entityId: id, before: { ...before }, after: null });
    });
  }
}
