import { ConfigValidationError, validateConfig } from './app-config';

describe('validateConfig', () => {
  it('fills defaults for an empty environment', () => {
    const config = validateConfig({});
    expect(config).toMatchObject({ NODE_ENV: 'development', PORT: 3000, EMBEDDED_PG_PORT: 54329, EMBEDDED_PG_DIR: './data/postgres', JWT_EXPIRES_IN: '8h', LOGIN_RATE_LIMIT: 10 });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('converts numbers and ignores unrelated variables', () => {
    const config = validateConfig({ PORT: '8080', DB_POOL_SIZE: '25', HOME: '/root' });
    expect(config.PORT).toBe(8080);
    expect(config.DB_POOL_SIZE).toBe(25);
    expect(config).not.toHaveProperty('HOME');
  });

  it('lists every wrong variable in one message, hiding secret values', () => {
    let error: unknown;
    try {
      validateConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const message = (error as Error).message;
    expect(message).toContain('PORT="abc"');
    expect(message).toContain('DATABASE_URL must start with postgres://');
    expect(message).toContain('JWT_SECRET=(hidden)');
    expect(message).not.toContain('short');
    expect(message).toContain('LOG_LEVEL');
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => validateConfig({ NODE_ENV: 'production' })).toThrow('JWT_SECRET is required');
    expect(validateConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).JWT_SECRET).toHaveLength(32);
  });
});
