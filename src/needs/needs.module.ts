import { Module } from '@nestjs/common';
import { GrantsModule } from '../grants/grants.module';
import { NeedsController } from './needs.controller';
import { NeedsService } from './needs.service';

@Module({
  imports: [GrantsModule],
  controllers: [NeedsController],
  providers: [NeedsService],
  exports: [NeedsService],
})
export class NeedsModule {}
