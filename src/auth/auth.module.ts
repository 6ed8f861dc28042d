import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { AuditModule } from '../audit/audit.module';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService, durationToSeconds } from './auth.service';
import { CallerCache } from './caller-cache';
import { AuthRateLimits, RateLimitGuard } from './rate-limits';

@Module({
  imports: [
    CommonModule,
    AuditModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not the string: jsonwebtoken otherwise first tries (and fails) to parse the string as a public key
        // on every verify, which cost about a sixth of the CPU of a simple authenticated request.
        secret: config.JWT_SECRET ? createSecretKey(Buffer.from(config.JWT_SECRET)) : undefined,
        signOptions: { expiresIn: durationToSeconds(config.JWT_EXPIRES_IN), algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, CallerCache, AuthRateLimits, RateLimitGuard, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
