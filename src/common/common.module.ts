import { Global, Module } from '@nestjs/common';
import { AccessService } from './access';
import { IdempotencyService } from './idempotency';

@Global()
@Module({ providers: [AccessService, IdempotencyService], exports: [AccessService, IdempotencyService] })
export class CommonModule {}
