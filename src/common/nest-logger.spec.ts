import pino from 'pino';
import { Writable } from 'node:stream';
import { NestPinoLogger } from './nest-logger';

/** The JSON lines a NestPinoLogger writes, parsed. */
function capture(): { logger: NestPinoLogger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (chunks.push(chunk.toString()), done()) });
  const logger = new NestPinoLogger(pino({ level: 'trace', base: null, timestamp: false }, sink));
  return { logger, lines: () => chunks.join('').trim().split('\n').map((l) => JSON.parse(l)) };
}

describe('NestPinoLogger (Nest log lines on the root pino logger)', () => {
  it('writes message, context and level as nestjs-pino did', () => {
    const { logger, lines } = capture();
    logger.log('Starting Nest application...', 'NestFactory');
    logger.warn('no context');
    logger.verbose('fine', 'Ctx');
    logger.log({ schoolId: 'x', msg: 'with fields' }, 'Ctx');
    expect(lines()).toEqual([
      { level: 30, context: 'NestFactory', msg: 'Starting Nest application...' },
      { level: 40, msg: 'no context' },
      { level: 10, context: 'Ctx', msg: 'fine' },
      { level: 30, context: 'Ctx', schoolId: 'x', msg: 'with fields' },
    ]);
  });

  it("logs errors with their stack, also Nest's error(message, stack, context)", () => {
    const { logger, lines } = capture();
    logger.error(new Error('kaputt'), 'Ctx');
    logger.error('Unhandled', 'Error: Unhandled\n    at handler (x.ts:1:1)', 'ExceptionsHandler');
    const [first, second] = lines();
    expect(first).toMatchObject({ level: 50, context: 'Ctx', err: { message: 'kaputt', stack: expect.stringContaining('Error: kaputt') } });
    expect(second).toMatchObject({ level: 50, context: 'ExceptionsHandler', err: { message: 'Unhandled', stack: 'Error: Unhandled\n    at handler (x.ts:1:1)' } });
  });
});
