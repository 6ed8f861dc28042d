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
  const count = Math.min(rows.length, limit);
  let items = '';
  for (let i = 0; i < count; i++) items += i === 0 ? rows[i].json : `,${rows[i].json}`;
  const nextCursor = rows.length > limit ? `"${encodeCursor(keyOf(rows[count - 1]))}"` : 'null';
  return `{"items":[${items}],"nextCursor":${nextCursor}}`;
}
