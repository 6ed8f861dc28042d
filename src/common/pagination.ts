import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { badRequest } from './errors';
import { QueryInt } from './validation';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** Keyset pagination: `cursor` is opaque to clients; pages never count the whole table. */
export class PageQueryDto {
  /** Page size, at most 200. */
  @QueryInt({ min: 1, max: MAX_PAGE_SIZE })
  limit?: number = DEFAULT_PAGE_SIZE;

  /** The `nextCursor` of the previous page. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor into the expected number of key values, or answers 400 on the `cursor` field. */
export function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === length) return values;
  } catch {
    // fall through to the 400
  }
  throw badRequest('cursor is malformed or belongs to another sort order', 'cursor');
}

/**
 * Builds a page from `limit + 1` fetched rows: the extra row only tells whether a next page exists.
 * `keyOf` returns the sort key of a row (the values the next page starts after).
 */
export function toPage<Row, Item>(rows: Row[], limit: number, keyOf: (row: Row) => unknown[], map: (row: Row) => Item): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: pageRows.map(map),
    nextCursor: hasMore ? encodeCursor(keyOf(pageRows[pageRows.length - 1])) : null,
  };
}
