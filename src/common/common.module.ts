import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessService } from './access';
import { IdempotencyService } from './idempotency';
import { JsonBodyGuard } from './json-body.guard';
import { RedisService } from './redis';

/**
 * What features share from common/: the access rule, idempotent writes, and the Redis connection (when configured); and
 * for every route, bodies only as JSON (or multipart for a file).
 */
@Module({ providers: [AccessService, IdempotencyService, RedisService, { provide: APP_GUARD, useClass: JsonBodyGuard }], exports: [AccessService, IdempotencyService, RedisService] })
export class CommonModule {}
