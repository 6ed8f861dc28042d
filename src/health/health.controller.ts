import { Controller, Get, HttpStatus, ServiceUnavailableException, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/decorators';
import { DATABASE_RETRY_AFTER_SECONDS } from '../common/database-errors';
import { UnavailableError } from '../common/errors';
import { ApiError } from '../common/openapi';
import { HealthDto } from './health.dto';

/** Each failed check with why, in words that reveal no host or credentials: `{ database: { status: 'down', reason: 'timeout' } }`. */
function failedChecks(failed: HealthCheckResult['error']): Record<string, { status: string; reason: string }> {
  return Object.fromEntries(
    Object.entries(failed ?? {}).map(([name, check]) => {
      const message = String((check as { message?: unknown } | undefined)?.message ?? '');
      const reason = /time(d)?\s?out/i.test(message) ? 'timeout' : /ECONNREFUSED|terminat|ECONNRESET|shut/i.test(message) ? 'unreachable' : 'error';
      return [name, { status: String(check?.status ?? 'down'), reason }];
    }),
  );
}

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  /** Liveness and readiness: 200 when the database answers, 503 otherwise. No login needed. */
  // 503 is DATABASE_UNAVAILABLE with Retry-After and `details.checks` naming what failed and why (unreachable, timeout).
  @Get()
  @Public()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ type: HealthDto, description: 'The database answers' })
  @ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'DATABASE_UNAVAILABLE with `Retry-After`; `details.checks` names what failed and why')
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const checks = failedChecks((error.getResponse() as HealthCheckResult).error);
      const names = Object.entries(checks).map(([name, c]) => `${name} ${c.status} (${c.reason})`);
      throw new UnavailableError('DATABASE_UNAVAILABLE', `Not ready: ${names.join(', ') || 'a check failed'}`, DATABASE_RETRY_AFTER_SECONDS, { checks });
    }
  }
}
