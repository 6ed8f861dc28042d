import type { RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';
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
 * The access log and request id, registered with `app.use` in configureApp: one line per request when it is
 * answered (or the connection closes first), `{ req: { id, method, url }, res: { statusCode }, responseTime }` with
 * the message 'request completed' ('request errored' and `err` for a 5xx), at info, warn for 4xx, error for 5xx; the
 * id is the caller's X-Request-Id when it is safe, else a new UUID, and is sent back as X-Request-Id.
 *
 * The same lines pino-http wrote, without its per-request work: it made a child logger per request (serialising the
 * request into it, also when the level is off) and kept `req.log` / `res.log`, which nothing here uses (profiled:
 * bench/RESULTS.md #16). Deliberately not nestjs-pino's request middleware either:
 * that runs every request inside an AsyncLocalStorage, and on Node 20 the async hooks behind it make every promise of
 * the request dearer (measured on the device list). What it gave was the request
 * id on logs written by services during a request; the access line and the error filter's line carry the id instead
 * (`req.id`).
 */
export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    (req as typeof req & { id: string }).id = id;
    res.setHeader('X-Request-Id', id);
    const started = Date.now();
    // Taken now: routers rewrite req.url on the way.
    const { method, url } = req;
    const done = (err?: unknown) => {
      res.removeListener('finish', done);
      res.removeListener('close', done);
      res.removeListener('error', done);
      const failed = err !== undefined || res.statusCode >= 500;
      const level = failed ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const line = { req: { id, method, url }, res: { statusCode: res.statusCode }, ...(failed ? { err: err ?? new Error(`failed with status code ${res.statusCode}`) } : {}), responseTime: Date.now() - started };
      logger[level](line, failed ? 'request errored' : 'request completed');
    };
    res.on('finish', done);
    res.on('close', done);
    res.on('error', done);
    next();
  };
}

const SAFE_REQUEST_ID = /^[\w-]{1,100}$/;
