import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AuthoritiesModule } from './authorities/authorities.module';
import { CommonModule } from './common/common.module';
import { DevicesModule } from './devices/devices.module';
import { ExportsModule } from './exports/exports.module';
import { AllExceptionsFilter } from './common/http-exception.filter';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { GrantsModule } from './grants/grants.module';
import { CoverageModule } from './coverage/coverage.module';
import { HealthModule } from './health/health.module';
import { NeedsModule } from './needs/needs.module';
import { StatsModule } from './stats/stats.module';
import { LoansModule } from './loans/loans.module';
import { SchoolsModule } from './schools/schools.module';
import { UsersModule } from './users/users.module';

/** Feature modules, in the order their routes appear in the OpenAPI document. */
export const FEATURE_MODULES = [HealthModule, AuthModule, AuthoritiesModule, UsersModule, SchoolsModule, DevicesModule, LoansModule, GrantsModule, NeedsModule, CoverageModule, StatsModule, ExportsModule, AuditModule];

@Module({})
export class AppModule {
  /** `config.DATABASE_URL` must be set by now (main.ts starts the embedded server first when it is not). */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: (req, res) => {
              const incoming = req.headers['x-request-id'];
              const id = typeof incoming === 'string' && /^[\w-]{1,100}$/.test(incoming) ? incoming : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            // Tokens and passwords never reach the log; request bodies (which may hold personal data) are not logged at all.
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.DATABASE_URL!, config.DB_POOL_SIZE), autoLoadEntities: true }),
        ScheduleModule.forRoot(),
        CommonModule,
        ...FEATURE_MODULES,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
