import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { invalidField } from './errors';
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
  throw invalidField('cursor', 'invalidCursor', 'cursor is malformed or belongs to another sort order');
}

/**
 * The rows of a page out of `limit + 1` fetched rows (the extra row only tells whether a next page exists), and the
 * cursor after the page's last row. `keyOf` returns the sort key of a row (the values the next page starts after).
 */
function pageOf<Row>(rows: Row[], limit: number, keyOf: (row: Row) => unknown[]): { pageRows: Row[]; nextCursor: string | null } {
  if (rows.length <= limit) return { pageRows: rows, nextCursor: null };
  const pageRows = rows.slice(0, limit);
  return { pageRows, nextCursor: encodeCursor(keyOf(pageRows[pageRows.length - 1])) };
}

/** Builds a page from `limit + 1` fetched rows (see `pageOf`). */
export function toPage<Row, Item>(rows: Row[], limit: number, keyOf: (row: Row) => unknown[], map: (row: Row) => Item): Page<Item> {
  const { pageRows, nextCursor } = pageOf(rows, limit, keyOf);
  return { items: pageRows.map(map), nextCursor };
}

/**
 * A response body that is already JSON text, typed by what it encodes. A controller returning one declares
 * `@Header('Content-Type', JSON_CONTENT_TYPE)` and `@ApiOkResponse({ type: T })`.
 */
export type JsonText<T> = string & { readonly __encodes?: T };
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * `toPage` for rows whose items PostgreSQL rendered as JSON text (`json`): the page is joined, not parsed into
 * objects and serialised again. Same shape and cursor as `toPage`.
 */
export function toJsonPage<Row extends { json: string }, Item>(rows: Row[], limit: number, keyOf: (row: Row) => unknown[]): JsonText<Page<Item>> {
  const { pageRows, nextCursor } = pageOf(rows, limit, keyOf);
  return `{"items":[${pageRows.map((r) => r.json).join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`;
}
