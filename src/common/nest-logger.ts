import type { LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';

/**
 * Nest's own log lines (start-up, its exception handlers, every `new Logger(context)` of the features) as JSON on the
 * root pino logger, with their context: `{"context":"NestFactory","msg":"Starting Nest application..."}`. This is
 * all nestjs-pino did here (its request middleware is not used, see `requestLogging`); every nestjs-pino release
 * for Nest 12 requires Node 22, and Node 20.19 is enough for this project.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    // Nest passes the context last, when there is one; anything before it fills the message's %s placeholders.
    const fields: Record<string, unknown> = {};
    const rest = params.length ? params.slice(0, -1) : params;
    if (params.length) fields.context = params[params.length - 1];
    const emit = this.root[level].bind(this.root) as (obj: object, ...args: unknown[]) => void;
    if (message instanceof Error) {
      emit({ ...fields, err: message }, ...rest);
    } else if (typeof message === 'object' && message !== null) {
      emit({ ...fields, ...message }, ...rest);
    } else if (level === 'error' && rest.length === 1 && typeof rest[0] === 'string' && /\n\s*at /.test(rest[0])) {
      // Nest's exception handlers call error(message, stack, context): one error with that stack.
      const err = new Error(String(message));
      err.stack = rest[0];
      emit({ ...fields, err });
    } else {
      emit(fields, String(message), ...rest);
    }
  }
}
