import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { tenantOf } from '../common/access';
import { invalidField } from '../common/errors';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { AuditEntryDto, AuditQueryDto } from './audit.dto';
import { exec, rows } from '../common/db';
import { AUDIT_SQL } from './audit.queries';

export interface AuditEvent {
  /** `entity.verb`, e.g. `device.updated`, `loan.returned`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  /** The authority the record belongs to; defaults to the actor's (a platform admin acting on an authority passes it). */
  authorityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Extra context that is not a field change (e.g. an override reason). Never personal data. */
  meta?: Record<string, unknown>;
}

type FieldChange = { before: unknown; after: unknown };

/** The fields that differ between two snapshots, with both values. Timestamps and versions are noise here. */
export function diffFields(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined): Record<string, FieldChange> {
  const ignore = new Set(['updatedAt', 'createdAt', 'version', 'passwordHash']);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Record<string, FieldChange> = {};
  for (const key of keys) {
    if (ignore.has(key)) continue;
    const a = normalize(before?.[key]);
    const b = normalize(after?.[key]);
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = { before: a ?? null, after: b ?? null };
  }
  return changes;
}

function normalize(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * The append-only audit log. Every write of every feature records here, inside the same
 * transaction as the change itself, so an entry exists exactly when the change does.
 */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(em: EntityManager, actor: Actor | null, event: AuditEvent): Promise<void> {
    await this.recordMany(em, actor, [event]);
  }

  /** One multi-row insert for bulk operations. */
  async recordMany(em: EntityManager, actor: Actor | null, events: AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    const params: unknown[] = [];
    const values = events.map((e) => {
      const changes = e.before !== undefined || e.after !== undefined ? { fields: diffFields(e.before, e.after), ...(e.meta ? { meta: e.meta } : {}) } : e.meta ? { meta: e.meta } : null;
      params.push(e.authorityId ?? actor?.authorityId ?? null, actor?.id ?? null, e.action, e.entityType, e.entityId ?? null, changes);
      const n = params.length;
      return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n}::jsonb)`;
    });
    await exec(em, AUDIT_SQL.insert(values), params);
  }

  /** The authority's audit trail, newest first; `from`/`to` are Berlin calendar days. */
  async list(actor: Actor, query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    const authorityId = tenantOf(actor);
    if (query.from && query.to && query.to < query.from) throw invalidField('to', 'notBefore', 'to must not be before from', { date: query.from });
    const limit = query.limit ?? 50;
    const params: unknown[] = [authorityId];
    const where = ['a.authority_id = $1'];
    if (query.entityType) where.push(`a.entity_type = $${params.push(query.entityType)}`);
    if (query.entityId) where.push(`a.entity_id = $${params.push(query.entityId)}`);
    if (query.action) where.push(`a.action = $${params.push(query.action)}`);
    if (query.actorId) where.push(`a.actor_id = $${params.push(query.actorId)}`);
    // Berlin days: from local midnight of `from` to local midnight after `to` (the offset of each day, DST included).
    if (query.from) where.push(`a.created_at >= ($${params.push(query.from)}::date::timestamp AT TIME ZONE 'Europe/Berlin')`);
    if (query.to) where.push(`a.created_at < (($${params.push(query.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Berlin')`);
    if (query.cursor) {
      const [id] = decodeCursor(query.cursor, 1);
      where.push(`a.id < $${params.push(Number(id))}`);
    }
    params.push(limit + 1);
    const entries = await rows<AuditRow>(this.dataSource.manager, AUDIT_SQL.list(where.join(' AND '), params.length), params);
    return toPage(entries, limit, (r) => [r.id], (r) => ({
      id: r.id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      changes: r.changes,
      actorId: r.actor_id,
      actorEmail: r.actor_email,
      createdAt: r.created_at,
    }));
  }
}

interface AuditRow {
  id: number;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changes: AuditEntryDto['changes'];
  created_at: Date;
  actor_id: string | null;
  actor_email: string | null;
}
