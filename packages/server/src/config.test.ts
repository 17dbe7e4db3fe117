import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('runs on embedded defaults with no variables set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      redisUrl: undefined,
      logLevel: 'info',
    });
    expect(c.authRateLimit).toEqual({ max: 10, windowS: 60 });
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be an integer from 0 to 65535 (got "eighty")'],
    [{ PORT: '70000' }, 'PORT must be an integer'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL must start with postgres:// or postgresql://'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL is not a valid URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ STRIDE_JWT_SECRET: 'short' }, 'STRIDE_JWT_SECRET must be at least 32 characters'],
    [{ STRIDE_TRUST_PROXY: 'maybe' }, 'STRIDE_TRUST_PROXY must be true or false'],
    [{ STRIDE_AUTH_RATE_LIMIT: '0' }, 'STRIDE_AUTH_RATE_LIMIT must be an integer'],
    [
      { STRIDE_MAP_STYLE_URL: 'file:///style.json' },
      'STRIDE_MAP_STYLE_URL must start with http://',
    ],
    [
      { STRIDE_MAP_ORIGINS: 'https://tiles.example.com/tiles/{z}' },
      'STRIDE_MAP_ORIGINS must list origins such as https://tiles.example.com',
    ],
    [{ STRIDE_MAP_ORIGINS: 'ftp://tiles.example.com' }, 'STRIDE_MAP_ORIGINS must list origins'],
  ])('fails fast naming the variable for %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads the scale adapters and limits when set', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@h:5432/db',
      REDIS_URL: 'redis://127.0.0.1:6379',
      STRIDE_AUTH_RATE_LIMIT: '25',
      STRIDE_TRUST_PROXY: 'true',
    });
    expect(c).toMatchObject({ databaseUrl: 'postgres://u@h:5432/db', trustProxy: true });
    expect(c.authRateLimit.max).toBe(25);
  });

  it('draws on OpenFreeMap by default, and on no external map with `none`', () => {
    const c = loadConfig({});
    expect(c.mapStyleUrl).toBe('https://tiles.openfreemap.org/styles/liberty');
    expect(c.mapOrigins).toEqual(['https://tiles.openfreemap.org']);
    const none = loadConfig({
      STRIDE_MAP_STYLE_URL: 'none',
      STRIDE_MAP_ORIGINS: 'https://glyphs.example.org',
    });
    expect(none.mapStyleUrl).toBeUndefined();
    expect(none.mapOrigins).toEqual(['https://glyphs.example.org']);
    // An operator's own style replaces OpenFreeMap's origin in the policy.
    expect(
      loadConfig({ STRIDE_MAP_STYLE_URL: 'https://tiles.example.com/s.json' }).mapOrigins,
    ).toEqual(['https://tiles.example.com']);
  });

  it('lets the map load from its style URL’s origin and the listed origins, once each', () => {
    expect(loadConfig({ STRIDE_MAP_STYLE_URL: 'none' }).mapOrigins).toEqual([]);
    const c = loadConfig({
      STRIDE_MAP_STYLE_URL: 'https://tiles.example.com/styles/liberty.json',
      STRIDE_MAP_ORIGINS: 'https://tiles.example.com, https://glyphs.example.org/',
    });
    expect(c.mapOrigins).toEqual(['https://tiles.example.com', 'https://glyphs.example.org']);
  });
});
