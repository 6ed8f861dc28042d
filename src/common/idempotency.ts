import { applyDecorators, createParamDecorator, type ExecutionContext, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from './actor';
import { AppError, badRequest } from './errors';
import { exec, rows, transaction } from './db';

/** How long a key's answer is kept (and replayed). */
export const IDEMPOTENCY_TTL_HOURS = 24;
const HEADER = 'Idempotency-Key';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * Documents the optional `Idempotency-Key` header of a write (openapi). Read the key with `@IdempotencyKey()`.
 */
export const Idempotent = () =>
  applyDecorators(
    ApiHeader({
      name: HEADER,
      required: false,
      description:
        `A key of the client's choosing (1–200 visible ASCII characters, e.g. a UUID) that makes the write safe to send again: ` +
        `the same request with the same key within ${IDEMPOTENCY_TTL_HOURS} h answers the first answer without doing it again; ` +
        'the same key with another request answers 422 IDEMPOTENCY_KEY_REUSED. Keys are per user.',
      schema: { type: 'string', maxLength: 200 },
    }),
    ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_KEY_REUSED: the key was used for another request.' }),
  );

/** The request's `Idempotency-Key` header (undefined without one); a malformed key is a 400 naming the header. */
export const IdempotencyKey = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | undefined => {
  const value = ctx.switchToHttp().getRequest<Request>().headers[HEADER.toLowerCase()];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) throw badRequest(`${HEADER} must be 1 to 200 visible ASCII characters`, HEADER);
  return value;
});

/** JSON with sorted object keys: the same request always gives the same fingerprint. */
function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Buffer.isBuffer(value)) return JSON.stringify(createHash('sha256').update(value).digest('hex'));
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

interface StoredRow {
  part: string;
  request_hash: string;
  response: unknown;
}

const IDEMPOTENCY_SQL = {
  /** $1 the key's lock name: writers of one key queue here. */
  lock: `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`,
  /** $1 user, $2 key, $3 part, $4 request hash: the part's row and any row of the key another request made. */
  stored: `SELECT part, request_hash, response FROM idempotency_keys
        WHERE user_id = $1 AND key = $2 AND expires_at > now() AND (part = $3 OR request_hash <> $4)
        LIMIT 2`,
  /** An expired row of the same key (not yet cleaned away) gives way to the new answer; a live one stays the first. */
  insert: `INSERT INTO idempotency_keys (user_id, key, part, request_hash, response, expires_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, now() + make_interval(hours => $6))
       ON CONFLICT (user_id, key, part) DO UPDATE SET request_hash = EXCLUDED.request_hash, response = EXCLUDED.response,
              created_at = now(), expires_at = EXCLUDED.expires_at
        WHERE idempotency_keys.expires_at <= now()`,
  /** $1 batch size; rows another worker is deleting are skipped. */
  deleteExpired: `DELETE FROM idempotency_keys WHERE ctid IN (
           SELECT ctid FROM idempotency_keys WHERE expires_at <= now() LIMIT $1 FOR UPDATE SKIP LOCKED)`,
} as const;

/**
 * One write under an idempotency key (or under none: then it is a plain transaction). The answer is stored in the
 * write's own transaction, so a write that fails or is cut short by a crash leaves no key and can simply be sent again.
 * Writers of one key queue on a transaction-scoped advisory lock: a concurrent replay waits for the first and then
 * answers its stored result. A bulk request stores each item's answer with the item (`part` 'item N') and the whole
 * answer at the end, so a batch interrupted half-way does its remaining items when sent again.
 */
export class IdempotencyScope {
  private readonly hash: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly userId: string,
    readonly key: string | undefined,
    request: unknown,
  ) {
    this.hash = createHash('sha256').update(canonical(request)).digest('hex');
  }

  /** The stored answer of the whole request, if this key already has one (422 when the key belongs to another request). */
  async replay<T>(): Promise<T | undefined> {
    if (!this.key) return undefined;
    return this.stored<T>(this.dataSource.manager, '');
  }

  /** Runs `work` in a transaction that also stores its answer under the key and `part`; a stored answer is returned instead. */
  async transaction<T>(work: (em: EntityManager) => Promise<T>, part = ''): Promise<T> {
    if (!this.key) return transaction(this.dataSource, work);
    const key = this.key;
    const { found, value } = await transaction(this.dataSource, async (em) => {
      await rows(em, IDEMPOTENCY_SQL.lock, [`idempotency:${this.userId}:${part}:${key}`]);
      const stored = await this.storedRow(em, part);
      if (stored) return { found: true, value: stored.response as T };
      const result = await work(em);
      await this.insert(em, part, result);
      return { found: false, value: result };
    });
    // A replay answers exactly what the first request answered (as JSON), whatever `work` returns in memory.
    return found ? value : (JSON.parse(JSON.stringify(value ?? null)) as T);
  }

  /** Stores the answer of the whole request (after a bulk request's items were done, each in a transaction of its own). */
  async save(result: unknown): Promise<void> {
    if (!this.key) return;
    await transaction(this.dataSource, (em) => this.insert(em, '', result));
  }

  private async stored<T>(em: EntityManager, part: string): Promise<T | undefined> {
    return (await this.storedRow(em, part))?.response as T | undefined;
  }

  /** The key's row of `part`; any row of the key made by another request is a 422. */
  private async storedRow(em: EntityManager, part: string): Promise<StoredRow | undefined> {
    // The part's row, and any row of the key (whole request or another item) that another request made.
    const stored = await rows<StoredRow>(em, IDEMPOTENCY_SQL.stored, [this.userId, this.key, part, this.hash]);
    if (stored.some((r) => r.request_hash !== this.hash)) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'IDEMPOTENCY_KEY_REUSED', `This ${HEADER} was used for another request; use a new key for a new request`, [
        { field: HEADER, messages: ['was used for another request'] },
      ]);
    }
    return stored.find((r) => r.part === part);
  }

  private async insert(em: EntityManager, part: string, result: unknown): Promise<void> {
    // An expired row of the same key (not yet cleaned away) gives way to the new answer; a live one stays the first.
    await exec(em, IDEMPOTENCY_SQL.insert, [this.userId, this.key, part, this.hash, JSON.stringify(result ?? null), IDEMPOTENCY_TTL_HOURS]);
  }
}

@Injectable()
export class IdempotencyService {
  private readonly logger = new Logger('Idempotency');

  constructor(private readonly dataSource: DataSource) {}

  /** The scope of one request: the caller, the key (optional) and what identifies the request (route and body). */
  scope(actor: Actor, key: string | undefined, request: unknown): IdempotencyScope {
    return new IdempotencyScope(this.dataSource, actor.id, key, request);
  }

  /** Deletes expired keys in batches; rows another worker is deleting are skipped, so every worker may run it at once. */
  async deleteExpired(batch = 5_000): Promise<number> {
    let total = 0;
    for (;;) {
      const { count } = await exec(this.dataSource.manager, IDEMPOTENCY_SQL.deleteExpired, [batch]);
      total += count;
      if (count < batch) return total;
    }
  }

  @Cron('40 * * * *', { name: 'idempotency-keys-cleanup' })
  async runCleanupJob(): Promise<void> {
    try {
      const deleted = await this.deleteExpired();
      if (deleted) this.logger.log({ deleted }, 'Deleted expired idempotency keys');
    } catch (error) {
      this.logger.error({ error: error instanceof Error ? error.message : String(error) }, 'Idempotency key cleanup failed');
    }
  }
}
