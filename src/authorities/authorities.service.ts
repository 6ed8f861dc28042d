import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { tenantOf } from '../common/access';
import { notFound } from '../common/errors';
import { AuthorityDto, CreateAuthorityDto, UpdateAuthorityDto } from './authorities.dto';
import { Authority } from './authority.entity';

const toDto = (a: Authority): AuthorityDto => ({
  id: a.id,
  name: a.name,
  slug: a.slug,
  kind: a.kind,
  state: a.state,
  settings: a.settings,
  createdAt: a.createdAt,
});

@Injectable()
export class AuthoritiesService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Authority) private readonly authorities: Repository<Authority>,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<AuthorityDto[]> {
    return this.authorities.find({ order: { name: 'ASC' } }).then((rows) => rows.map(toDto));
  }

  async get(id: string): Promise<AuthorityDto> {
    const authority = await this.authorities.findOneBy({ id });
    if (!authority) throw notFound('Authority');
    return toDto(authority);
  }

  /** The caller's own authority. */
  current(actor: Actor): Promise<AuthorityDto> {
    return this.get(tenantOf(actor));
  }

  async create(actor: Actor, dto: CreateAuthorityDto): Promise<AuthorityDto> {
    return this.dataSource.transaction(async (em) => {
      const saved = await em.save(em.create(Authority, { ...dto, kind: dto.kind ?? 'city', state: dto.state ?? null, settings: {} }));
      await this.audit.record(em, actor, { action: 'authority.created', entityType: 'authority', entityId: saved.id, authorityId: saved.id, before: null, after: { ...dto } });
      return toDto(saved);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateAuthorityDto): Promise<AuthorityDto> {
    return this.dataSource.transaction(async (em) => {
      const before = await em.findOne(Authority, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw notFound('Authority');
      const after = await em.save(Authority, { ...before, ...dto });
      await this.audit.record(em, actor, { action: 'authority.updated', entityType: 'authority', entityId: id, authorityId: id, before: { ...before }, after: { ...after } });
      return toDto(after);
    });
  }

  /**
   * Merges one feature's settings section (e.g. `loans`, `coverage`) into the authority's settings.
   * Features validate their own section with a DTO and call this; the audit log keeps the before/after.
   */
  async updateSettingsSection(em: EntityManager, actor: Actor, section: string, value: Record<string, unknown>): Promise<Record<string, unknown>> {
    const authorityId = tenantOf(actor);
    const [row] = await em.query(`SELECT settings FROM authorities WHERE id = $1 FOR UPDATE`, [authorityId]);
    const before = (row.settings?.[section] ?? {}) as Record<string, unknown>;
    const merged = { ...before, ...value };
    await em.query(`UPDATE authorities SET settings = jsonb_set(settings, $2, $3::jsonb), updated_at = now() WHERE id = $1`, [authorityId, `{${section}}`, JSON.stringify(merged)]);
    await this.audit.record(em, actor, { action: `authority.settings.${section}`, entityType: 'authority', entityId: authorityId, before, after: merged });
    return merged;
  }

  /** One feature's settings section of an authority (empty object when never set). */
  async settingsSection<T extends object>(authorityId: string, section: string, em: EntityManager = this.dataSource.manager): Promise<Partial<T>> {
    const [row] = await em.query(`SELECT settings -> $2 AS section FROM authorities WHERE id = $1`, [authorityId, section]);
    return (row?.section ?? {}) as Partial<T>;
  }
}
