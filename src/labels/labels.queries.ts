import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { tenantOf } from '../common/access';
import { one, rows } from '../common/db';
import { deviceListWhere } from '../devices/device-filters';
import type { DeviceType } from '../devices/device.entity';
import type { LabelsRequestDto } from './labels.dto';

export interface LabelRow {
  id: string;
  inventoryNumber: string;
  schoolName: string;
  type: DeviceType;
  manufacturer: string;
  model: string;
}

/** The devices a label request names, in the caller's scope, by school and inventory number; at most `limit` rows. */
export function labelDevices(em: EntityManager, actor: Actor, request: LabelsRequestDto, limit: number): Promise<LabelRow[]> {
  const params: unknown[] = [];
  const where = [deviceListWhere(actor, request, params).sql];
  if (request.deviceIds) where.push(`d.id = ANY($${params.push(request.deviceIds)}::uuid[])`);
  params.push(limit);
  return rows<LabelRow>(
    em,
    `SELECT d.id, d.inventory_number AS "inventoryNumber", s.name AS "schoolName", d.type, d.manufacturer, d.model
       FROM devices d JOIN schools s ON s.id = d.school_id AND s.authority_id = d.authority_id
      WHERE ${where.join(' AND ')}
      ORDER BY s.name, d.school_id, d.inventory_number
      LIMIT $${params.length}`,
    params,
  );
}

export async function authorityNameOf(em: EntityManager, actor: Actor): Promise<string | undefined> {
  return (await one<{ name: string }>(em, `SELECT name FROM authorities WHERE id = $1`, [tenantOf(actor)]))?.name;
}
