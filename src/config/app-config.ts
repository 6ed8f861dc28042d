import { plainToInstance, Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MaxLength,
  MinLength,
  validateSync,
} from 'class-validator';

// Keep a non-numeric value as it is, so the error message shows what was given.
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every environment variable the service reads, validated once at start.
 * README.md and .env.example list the same variables; keep the three in step.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  /** postgres://user:pass@host:port/db. Unset: an embedded PostgreSQL is started. */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must start with postgres:// or postgresql://' })
  DATABASE_URL?: string;

  /** Connections per API process (with API_WORKERS, each worker has a pool of this size). */
  @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DB_POOL_SIZE = 10;

  /**
   * Longest a statement may run before the database cancels it (503 DATABASE_UNAVAILABLE); a database that does not
   * answer at all (frozen) is given up this long plus DB_CONNECT_TIMEOUT_MS later. 0: no limit.
   */
  @Transform(toInt) @IsInt() @Min(0)
  DB_STATEMENT_TIMEOUT_MS = 30_000;

  /** Longest a request waits for a pooled connection, or for a new connection to be made (then 503). 0: forever. */
  @Transform(toInt) @IsInt() @Min(0)
  DB_CONNECT_TIMEOUT_MS = 5_000;

  /**
   * Excel exports streaming at once per process; each holds a pooled connection while its client reads. At most
   * DB_POOL_SIZE − 1 are used, so that slow downloads never take every connection the API needs.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(199)
  EXPORT_MAX_CONCURRENT = 4;

  /** Longest an export waits for one of those slots before it answers 503 EXPORTS_BUSY with Retry-After. */
  @Transform(toInt) @IsInt() @Min(0) @Max(60_000)
  EXPORT_QUEUE_WAIT_MS = 2_000;

  /** A download whose client takes no bytes for this long is cut off, which frees its slot and connection. 0: never. */
  @Transform(toInt) @IsInt() @Min(0)
  EXPORT_IDLE_TIMEOUT_MS = 30_000;

  /**
   * HTTP worker processes sharing PORT (node:cluster). One Node process uses one core; on a machine of its own set it
   * to the number of cores. Rate limits and the caller cache are per process unless REDIS_URL is set.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(64)
  API_WORKERS = 1;

  @IsString()
  EMBEDDED_PG_DIR = './data/postgres';

  @Transform(toInt) @IsInt() @Min(1024) @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  /** HMAC secret for access tokens. Required in production; in development one is generated and kept in ./data. */
  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Matches(/^\d+[smhd]$/, { message: 'JWT_EXPIRES_IN must look like 30m, 8h or 1d' })
  JWT_EXPIRES_IN = '8h';

  @Transform(emptyToUndefined) @IsOptional() @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  /** Login attempts allowed per client IP within LOGIN_RATE_WINDOW_SECONDS. */
  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_RATE_LIMIT = 10;

  /** Login attempts per account (email), and password changes per user, within LOGIN_RATE_WINDOW_SECONDS. */
  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_ACCOUNT_RATE_LIMIT = 5;

  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_RATE_WINDOW_SECONDS = 60;

  /**
   * Seconds a caller's role and schools are reused between requests before they are read again (0: every request).
   * Changes made through the API take effect at once on this instance; on other replicas at once with REDIS_URL,
   * otherwise within this time.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(60)
  AUTH_CACHE_SECONDS = 2;

  /**
   * Seconds between two foldings of the office figures' counter deltas into their rows (0: never; reconcile still runs
   * nightly). One process folds at a time, whatever the number of workers.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(3600)
  COUNTERS_COMPACT_SECONDS = 60;

  /** redis://[:password@]host:port[/db]. Set: rate limits and the caller cache's invalidations are shared by every process through it. */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must start with redis:// or rediss://' })
  REDIS_URL?: string;

  /** Prefix of every Redis key and channel, so that several installations can share one Redis. */
  @Matches(/^[A-Za-z0-9:_-]{0,64}$/, { message: 'REDIS_KEY_PREFIX may hold letters, digits, colon, dash and underscore (at most 64)' })
  REDIS_KEY_PREFIX = 'schul-it:';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Comma-separated list of allowed browser origins; empty disables CORS. */
  @IsOptional() @IsString()
  CORS_ORIGINS = '';

  /** Web app, accessibility statement: who takes feedback on barriers (e.g. "IT-Service der Stadt Musterstadt"). */
  @Transform(emptyToUndefined) @IsOptional() @IsString() @MaxLength(200)
  ACCESSIBILITY_CONTACT_NAME?: string;

  /** Web app, accessibility statement: the email address for that feedback. */
  @Transform(emptyToUndefined) @IsOptional() @IsEmail({}, { message: 'ACCESSIBILITY_CONTACT_EMAIL must be an email address' })
  ACCESSIBILITY_CONTACT_EMAIL?: string;

  /** Web app footer: link to the operator's privacy statement (Datenschutzerklärung). */
  @Transform(emptyToUndefined) @IsOptional() @IsUrl({ require_tld: false }, { message: 'PRIVACY_URL must be a URL' })
  PRIVACY_URL?: string;

  /** Web app footer: link to the operator's imprint (Impressum). */
  @Transform(emptyToUndefined) @IsOptional() @IsUrl({ require_tld: false }, { message: 'IMPRINT_URL must be a URL' })
  IMPRINT_URL?: string;

  /** Set when running behind a reverse proxy so the client IP (rate limiting, logs) is taken from X-Forwarded-For. */
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  TRUST_PROXY = false;
}

export class ConfigValidationError extends Error {}

/** Validates raw environment values into the typed config, or throws one error listing every bad variable. */
export function validateConfig(env: Record<string, unknown>): AppConfig {
  // Optional variables without a default are not own keys of a fresh instance, so name them here.
  const known = new Set([...Object.keys(new AppConfig()), 'DATABASE_URL', 'JWT_SECRET', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'REDIS_URL', 'ACCESSIBILITY_CONTACT_NAME', 'ACCESSIBILITY_CONTACT_EMAIL', 'PRIVACY_URL', 'IMPRINT_URL']);
  const picked = Object.fromEntries(Object.entries(env).filter(([k]) => known.has(k)));
  const config = plainToInstance(AppConfig, picked, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const value = e.property.includes('SECRET') || e.property.includes('PASSWORD') || e.property === 'REDIS_URL' ? '(hidden)' : JSON.stringify(e.value);
      return `  ${e.property}=${value}: ${Object.values(e.constraints ?? {}).join('; ')}`;
    });
    throw new ConfigValidationError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (config.NODE_ENV === 'production' && !config.JWT_SECRET) {
    throw new ConfigValidationError('Invalid configuration:\n  JWT_SECRET is required when NODE_ENV=production');
  }
  return Object.freeze(config);
}

/**
 * The validated config with what the start derives (the embedded server's URL, the development JWT secret): a new
 * object, so the validated one never changes after validation (both are frozen).
 */
export function withStartValues(config: AppConfig, values: Partial<Pick<AppConfig, 'DATABASE_URL' | 'JWT_SECRET'>>): AppConfig {
  return Object.freeze(Object.assign(new AppConfig(), config, values));
}
