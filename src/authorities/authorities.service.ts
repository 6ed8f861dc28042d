import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { tenantOf } from '../common/access';
import { exec, one, rows, transaction } from '../common/db';
import { notFound } from '../common/errors';
import { sentFields } from '../common/validation';
import { AuthorityDto, CreateAuthorityDto, UpdateAuthorityDto } from './authorities.dto';
import { AUTHORITY_SQL, type AuthorityRow } from './authorities.queries';

const toDto = (a: AuthorityRow): AuthorityDto => ({
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
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<AuthorityDto[]> {
    return (await rows<AuthorityRow>(this.dataSource.manager, AUTHORITY_SQL.list)).map(toDto);
  }

  async get(id: string): Promise<AuthorityDto> {
    const authority = await one<AuthorityRow>(this.dataSource.manager, AUTHORITY_SQL.byId(false), [id]);
    if (!authority) throw notFound('Authority');
    return toDto(authority);
  }

  /** The caller's own authority. */
  current(actor: Actor): Promise<AuthorityDto> {
    return this.get(tenantOf(actor));
  }

  async create(actor: Actor, dto: CreateAuthorityDto): Promise<AuthorityDto> {
    return transaction(this.dataSource, async (em) => {
      const saved = (await one<AuthorityRow>(em, AUTHORITY_SQL.insert, [dto.name, dto.slug, dto.kind ?? 'city', dto.state ?? null]))!;
      await this.audit.record(em, actor, { action: 'authority.created', entityType: 'authority', entityId: saved.id, authorityId: saved.id, before: null, after: { ...dto } });
      return toDto(saved);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateAuthorityDto): Promise<AuthorityDto> {
    return transaction(this.dataSource, async (em) => {
      const before = await one<AuthorityRow>(em, AUTHORITY_SQL.byId(true), [id]);
      if (!before) throw notFound('Authority');
      const next = { ...before, ...sentFields(dto) };
      // Only a real change is written (and moves updated_at).
      const changed = next.name !== before.name || next.kind !== before.kind || next.state !== before.state;
      const after = changed ? (await exec<AuthorityRow>(em, AUTHORITY_SQL.update, [id, next.name, next.kind, next.state])).rows[0] : before;
      if (changed) await this.audit.record(em, actor, { action: 'authority.updated', entityType: 'authority', entityId: id, authorityId: id, before: { ...before }, after: { ...after } });
      return toDto(after);
    });
  }

  /**
   * Merges one feature's settings section (e.g. `loans`, `coverage`) into the authority's settings.
   * Features validate their own section with a DTO and call this; the audit log keeps the before/after.
   */
  async updateSettingsSection(em: EntityManager, actor: Actor, section: string, value: Record<string, unknown>): Promise<Record<string, unknown>> {
    const authorityId = tenantOf(actor);
    const row = await one<{ settings: Record<string, Record<string, unknown>> | null }>(em, AUTHORITY_SQL.lockSettings, [authorityId]);
    const before = (row?.settings?.[section] ?? {}) as Record<string, unknown>;
    // Only the fields sent: what the request left out keeps its value.
    const merged = { ...before, ...sentFields(value) };
    await exec(em, AUTHORITY_SQL.setSettingsSection, [authorityId, `{${section}}`, JSON.stringify(merged)]);
    await this.audit.record(em, actor, { action: `authority.settings.${section}`, entityType: 'authority', entityId: authorityId, before, after: merged });
    return merged;
  }

  /** One feature's settings section of an authority (empty object when never set), on the caller's connection. */
  async settingsSection<T extends object>(authorityId: string, section: string, em: EntityManager): Promise<Partial<T>> {
    const row = await one<{ section: Partial<T> | null }>(em, AUTHORITY_SQL.settingsSection, [authorityId, section]);
    return row?.section ?? {};
  }
}
