import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { CountersModule } from './counters/counters.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DestinationStream } from 'pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AuthoritiesModule } from './authorities/authorities.module';
import { CommonModule } from './common/common.module';
import { DevicesModule } from './devices/devices.module';
import { ExportsModule } from './exports/exports.module';
import { AllExceptionsFilter } from './common/http-exception.filter';
import { createRootLogger, ROOT_LOGGER } from './common/logging';
import { SafeStringsPipe } from './common/safe-strings';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { GrantsModule } from './grants/grants.module';
import { CoverageModule } from './coverage/coverage.module';
import { HealthModule } from './health/health.module';
import { NeedsModule } from './needs/needs.module';
import { StatsModule } from './stats/stats.module';
import { LicencesModule } from './licences/licences.module';
import { LoansModule } from './loans/loans.module';
import { SchoolsModule } from './schools/schools.module';
import { UsersModule } from './users/users.module';
import { LabelsModule } from './labels/labels.module';
import { StocktakingsModule } from './stocktakings/stocktakings.module';
import { SiteModule } from './site/site.module';

/** Feature modules, in the order their routes appear in the OpenAPI document. */
export const FEATURE_MODULES = [HealthModule, AuthModule, AuthoritiesModule, UsersModule, SchoolsModule, DevicesModule, LoansModule, GrantsModule, NeedsModule, LicencesModule, CoverageModule, StatsModule, ExportsModule, AuditModule, LabelsModule, StocktakingsModule, CountersModule, SiteModule];

@Module({})
export class AppModule {
  /** `config.DATABASE_URL` must be set by now (main.ts starts the embedded server first when it is not). */
  /** `options.imports`: modules a test adds (e.g. a provider at one of the devices feature's extension points). */
  static forRoot(config: AppConfig, options: { logDestination?: DestinationStream; imports?: DynamicModule['imports'] } = {}): DynamicModule {
    const rootLogger = createRootLogger(config, options.logDestination);
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.DATABASE_URL!, config.DB_POOL_SIZE, { statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS, connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS }), autoLoadEntities: true }),
        ScheduleModule.forRoot(),
        CommonModule,
        ...FEATURE_MODULES,
        ...(options.imports ?? []),
      ],
      providers: [
        { provide: ROOT_LOGGER, useValue: rootLogger },
        // First the strings no field may hold (NUL, lone surrogates), then the DTOs.
        { provide: APP_PIPE, useClass: SafeStringsPipe },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
