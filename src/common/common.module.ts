import { Module } from '@nestjs/common';
import { AccessService } from './access';
import { IdempotencyService } from './idempotency';
import { RedisService } from './redis';

/** What features share from common/: the access rule, idempotent writes, and the Redis connection (when configured). */
@Module({ providers: [AccessService, IdempotencyService, RedisService], exports: [AccessService, IdempotencyService, RedisService] })
export class CommonModule {}
