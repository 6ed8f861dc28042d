import { applyDecorators, CanActivate, ExecutionContext, HttpStatus, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../common/errors';
import { ApiError } from '../common/openapi';
import { RedisService } from '../common/redis';
import { AppConfig } from '../config/app-config';
import type { Actor } from '../common/actor';

/** What a rate-limited route counts: a login (per client IP and per account) or a password change (per user). */
export type LimitedAction = 'login' | 'password';
const LIMITED_ACTION = 'auth:limitedAction';

/**
 * Attempt counters of the login and the password change. With REDIS_URL they live in Redis, shared by every worker
 * and replica (while Redis is unreachable each process counts in memory); without it in this process's memory.
 */
@Injectable()
export class AuthRateLimits {
  private readonly perIp: RateLimiterAbstract;
  private readonly perAccount: RateLimiterAbstract;

  constructor(config: AppConfig, redis: RedisService) {
    const duration = config.LOGIN_RATE_WINDOW_SECONDS;
    const limiter = (name: string, points: number): RateLimiterAbstract => {
      const memory = new RateLimiterMemory({ keyPrefix: name, points, duration });
      if (!redis.client) return memory;
      return new RateLimiterRedis({ storeClient: redis.client, keyPrefix: `${redis.prefix}rl:${name}`, points, duration, insuranceLimiter: memory });
    };
    this.perIp = limiter('login-ip', config.LOGIN_RATE_LIMIT);
    this.perAccount = limiter('account', config.LOGIN_ACCOUNT_RATE_LIMIT);
  }

  /** Counts one attempt; throws 429 (with the seconds to wait) when the client IP or the account has used its budget. */
  async count(action: LimitedAction, request: Request & { actor?: Actor }): Promise<void> {
    if (action === 'password') return this.consume(this.perAccount, `user:${request.actor?.id}`);
    await this.consume(this.perIp, request.ip ?? 'unknown');
    const email: unknown = request.body?.email;
    // A missing or odd email gets its 400 from validation; the IP budget above already counted the attempt.
    if (typeof email === 'string' && email.length <= 254) await this.consume(this.perAccount, `email:${email.trim().toLowerCase()}`);
  }

  private async consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw new TooManyAttempts(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
    }
  }
}

export class TooManyAttempts extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(HttpStatus.TOO_MANY_REQUESTS, 'TOO_MANY_REQUESTS', `Too many attempts; try again in ${retryAfterSeconds} s`, undefined, { retryAfterSeconds });
  }
}

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: AuthRateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const action = this.reflector.get<LimitedAction>(LIMITED_ACTION, context.getHandler());
    const http = context.switchToHttp();
    try {
      await this.limits.count(action, http.getRequest());
    } catch (error) {
      if (error instanceof TooManyAttempts) http.getResponse<Response>().setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
    return true;
  }
}

/** Counts each call of the route against the attempt limits (after authentication, before validation). */
export const RateLimited = (action: LimitedAction) =>
  applyDecorators(SetMetadata(LIMITED_ACTION, action), UseGuards(RateLimitGuard), ApiError(HttpStatus.TOO_MANY_REQUESTS, 'Too many attempts: wait the seconds of `Retry-After`'));
