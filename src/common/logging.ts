import type { RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { AppConfig } from '../config/app-config';
import { loggableDatabaseError } from './database-errors';

/**
 * pino's error serializer, except for database errors: of those only code, constraint, table and column are
 * written. TypeORM's QueryFailedError carries the query and its parameters, pg's error its detail ("Key (email)=(…)"):
 * request values that must never reach a log.
 */
export function serializeError(error: unknown): unknown {
  return loggableDatabaseError(error) ?? pino.stdSerializers.err(error as Error);
}

/** Nest token of the application's root pino logger (Nest's own log lines go to it too, see nest-logger.ts). */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** The application's pino logger: JSON lines on stdout (or `destination`); tokens, passwords and cookies never reach it. */
export function createRootLogger(config: Pick<AppConfig, 'LOG_LEVEL'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.LOG_LEVEL,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    serializers: { err: serializeError, error: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * The access log and request id (pino-http), registered with `app.use` in configureApp.
 *
 * Deliberately not nestjs-pino's request middleware: that runs every request inside an AsyncLocalStorage, and on
 * Node 20 the async hooks behind it make every promise of the request dearer. Measured on the device list: 2.15 ms of
 * CPU a request with it, 1.64 ms without (bench/RESULTS.md). What it gave was the request id on logs written by
 * services during a request; the access line of every request and the error filter's line carry the id instead
 * (`req.id`, also sent back as X-Request-Id).
 */
export function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && /^[\w-]{1,100}$/.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Request bodies (which may hold personal data) are not logged at all.
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  }) as unknown as RequestHandler;
}
