import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import type { Actor } from '../common/actor';
import { schoolScopeSql } from '../common/access';
import { invalidField } from '../common/errors';
import { decodeCursor, PageQueryDto } from '../common/pagination';
import { escapeLike } from '../common/sql';
import { IsDateOnly, QueryBoolean, QueryInt } from '../common/validation';
import { DEVICE_STATUSES, DEVICE_TYPES, type DeviceStatus, type DeviceType } from './device.entity';

/**
 * The text the free-text search (`q`) runs over. It must stay identical to the expression of the
 * trigram index `ix_devices_search_trgm` (migrations/1763700200000-DeviceSearch.ts), or the index is not used.
 */
export const DEVICE_SEARCH_TEXT = `(d.inventory_number || ' ' || coalesce(d.serial_number, '') || ' ' || d.model)`;

/**
 * Sort orders of the device list. Each has one key expression (nullable columns get a sentinel, so the keyset
 * comparison stays a plain row comparison) and the SQL type the cursor value is cast back to.
 */
export const DEVICE_SORTS = {
  inventoryNumber: { expr: 'd.inventory_number', cast: 'text', desc: false },
  '-inventoryNumber': { expr: 'd.inventory_number', cast: 'text', desc: true },
  purchaseDate: { expr: `coalesce(d.purchase_date, DATE '0001-01-01')`, cast: 'date', desc: false },
  '-purchaseDate': { expr: `coalesce(d.purchase_date, DATE '0001-01-01')`, cast: 'date', desc: true },
  warrantyUntil: { expr: `coalesce(d.warranty_until, DATE '9999-12-31')`, cast: 'date', desc: false },
  '-warrantyUntil': { expr: `coalesce(d.warranty_until, DATE '9999-12-31')`, cast: 'date', desc: true },
  model: { expr: 'd.model', cast: 'text', desc: false },
  updatedAt: { expr: 'd.updated_at', cast: 'timestamptz', desc: false },
  '-updatedAt': { expr: 'd.updated_at', cast: 'timestamptz', desc: true },
} as const;
export type DeviceSort = keyof typeof DEVICE_SORTS;
export const DEVICE_SORT_NAMES = Object.keys(DEVICE_SORTS) as DeviceSort[];

/** `a,b` or repeated parameters (`?status=a&status=b`) become an array. */
const toList = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);

/** The device filters, shared by the list and the inventory export: the same query gives the same devices. */
export class DeviceFilterQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  /** One or several statuses, comma-separated. */
  @ApiPropertyOptional({ enum: DEVICE_STATUSES, enumName: 'DeviceStatus', isArray: true })
  @Transform(toList)
  @IsOptional()
  @ArrayMaxSize(DEVICE_STATUSES.length)
  @IsIn(DEVICE_STATUSES, { each: true })
  status?: DeviceStatus[];

  /** One or several device types, comma-separated. */
  @ApiPropertyOptional({ enum: DEVICE_TYPES, enumName: 'DeviceType', isArray: true })
  @Transform(toList)
  @IsOptional()
  @ArrayMaxSize(DEVICE_TYPES.length)
  @IsIn(DEVICE_TYPES, { each: true })
  type?: DeviceType[];

  /** Exact manufacturer, case-insensitive. */
  @ApiPropertyOptional({ example: 'Lenovo' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  manufacturer?: string;

  /** Calendar year of the purchase date. */
  @QueryInt({ min: 1990, max: 2100 })
  purchaseYear?: number;

  /** Devices whose warranty ends before this date (devices without a warranty date are left out). */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateOnly()
  warrantyBefore?: string;

  /** Room or place (Standort), exact, case-insensitive. */
  @ApiPropertyOptional({ example: 'Raum 204' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  location?: string;

  /** Devices bought with this grant (linked to one of its orders or invoices). */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  grantId?: string;

  /** `true`: only devices whose label was never printed (Etiketten drucken). */
  @QueryBoolean()
  notLabelled?: boolean;

  /** Devices not counted in a stocktaking on or after this date (never counted included). */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateOnly()
  notCountedSince?: string;

  /** A fragment of the inventory number, serial number or model. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: DEVICE_SORT_NAMES, enumName: 'DeviceSort', default: 'inventoryNumber' })
  @IsOptional()
  @IsIn(DEVICE_SORT_NAMES)
  sort?: DeviceSort = 'inventoryNumber';
}

export class ListDevicesQueryDto extends IntersectionType(DeviceFilterQueryDto, PageQueryDto) {}


/**
 * The WHERE condition (positional raw SQL over alias `d` = devices) for the caller's scope and the filters.
 * Pass `params` when the condition joins a statement that already has parameters.
 */
export function deviceListWhere(actor: Actor, query: DeviceFilterQueryDto, params: unknown[] = []): { sql: string; params: unknown[] } {
  const add = (value: unknown) => `$${params.push(value)}`;
  const where = [schoolScopeSql(actor, { authority: 'd.authority_id', school: 'd.school_id' }, params, query.schoolId)];
  if (query.status?.length) {
    where.push(query.status.length === 1 ? `d.status = ${add(query.status[0])}::device_status` : `d.status = ANY(${add(query.status)}::device_status[])`);
  }
  if (query.type?.length) {
    where.push(query.type.length === 1 ? `d.type = ${add(query.type[0])}::device_type` : `d.type = ANY(${add(query.type)}::device_type[])`);
  }
  if (query.manufacturer) where.push(`lower(d.manufacturer) = lower(${add(query.manufacturer)})`);
  if (query.purchaseYear !== undefined) {
    where.push(`d.purchase_date >= ${add(`${query.purchaseYear}-01-01`)}::date AND d.purchase_date < ${add(`${query.purchaseYear + 1}-01-01`)}::date`);
  }
  if (query.warrantyBefore) where.push(`d.warranty_until < ${add(query.warrantyBefore)}::date`);
  if (query.location) where.push(`lower(d.location) = lower(${add(query.location)})`);
  if (query.grantId) {
    where.push(
      `EXISTS (SELECT 1 FROM expenditure_devices x JOIN expenditures e ON e.id = x.expenditure_id AND e.authority_id = x.authority_id
                WHERE x.device_id = d.id AND x.authority_id = d.authority_id AND e.grant_id = ${add(query.grantId)}::uuid)`,
    );
  }
  if (query.notLabelled === true) where.push(`d.labelled_at IS NULL`);
  if (query.notCountedSince) where.push(`(d.last_counted_on IS NULL OR d.last_counted_on < ${add(query.notCountedSince)}::date)`);
  if (query.q) where.push(`${DEVICE_SEARCH_TEXT} ILIKE ${add(`%${escapeLike(query.q)}%`)}`);
  return { sql: where.join(' AND '), params };
}

/** ORDER BY for a sort (always ending on the id, so the order is total). */
export function deviceOrderBy(sort: DeviceSort = 'inventoryNumber'): string {
  const { expr, desc } = DEVICE_SORTS[sort];
  const dir = desc ? 'DESC' : 'ASC';
  return `${expr} ${dir}, d.id ${dir}`;
}

/** The keyset condition "after the cursor" for a sort; appends its parameters. */
export function deviceCursorWhere(sort: DeviceSort, cursor: string, params: unknown[]): string {
  const { expr, cast, desc } = DEVICE_SORTS[sort];
  const [key, id] = decodeCursor(cursor, 2);
  if (typeof key !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw invalidField('cursor', 'invalidCursor', 'cursor is malformed');
  params.push(key, id);
  return `(${expr}, d.id) ${desc ? '<' : '>'} ($${params.length - 1}::${cast}, $${params.length}::uuid)`;
}

/** The sort key of a row as text (the cursor keeps it exactly, microseconds included). */
export function deviceSortKeySelect(sort: DeviceSort = 'inventoryNumber'): string {
  return `(${DEVICE_SORTS[sort].expr})::text`;
}
