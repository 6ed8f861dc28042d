import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One check's result: `up` or `down`, with what the indicator adds. */
const CHECK = { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] } }, required: ['status'], additionalProperties: true };

/** The answer of a passing health check (@nestjs/terminus's HealthCheckResult), keyed by check name. */
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'], example: 'ok' })
  status: 'ok' | 'error' | 'shutting_down';
  @ApiPropertyOptional({ type: 'object', additionalProperties: CHECK, example: { database: { status: 'up' } } })
  info?: Record<string, { status: string }>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: CHECK, example: {} })
  error?: Record<string, { status: string }>;
  @ApiProperty({ type: 'object', additionalProperties: CHECK, example: { database: { status: 'up' } } })
  details: Record<string, { status: string }>;
}
