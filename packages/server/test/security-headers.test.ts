import { describe, expect, it } from 'vitest';
import { webRoot } from '../src/platform/http/web.js';
import { DATABASES, useTestApp } from './adapters.js';

/** A Content-Security-Policy header as directive → sources. */
function parseCsp(header: unknown): Record<string, string[]> {
  expect(typeof header, 'content-security-policy header').toBe('string');
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('security headers', () => {
  const t = useTestApp(DATABASES[0]!, {
    STRIDE_MAP_STYLE_URL: 'https://tiles.example.com/styles/liberty.json',
    STRIDE_MAP_ORIGINS: 'https://sprites.example.org',
  });

  const expectStrictPolicy = (headers: Record<string, unknown>) => {
    const csp = parseCsp(headers['content-security-policy']);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(headers['referrer-policy']).toBe('no-referrer');
    return csp;
  };

  it('sends a strict policy on API answers, errors included, allowing the map’s origins', async () => {
    for (const url of ['/api/v1/client-config', '/api/v1/activities', '/health', '/api/v1/nope']) {
      const res = await t.app.inject(url);
      const csp = expectStrictPolicy(res.headers);
      expect(csp['style-src'], url).toEqual(["'self'"]);
      for (const directive of ['connect-src', 'img-src']) {
        expect(csp[directive], `${url} ${directive}`).toEqual(
          expect.arrayContaining([
            "'self'",
            'https://tiles.example.com',
            'https://sprites.example.org',
          ]),
        );
      }
      expect(csp['worker-src']).toEqual(["'self'"]);
    }
  });

  describe('on the default map', () => {
    const d = useTestApp(DATABASES[0]!);
    it('allows OpenFreeMap’s origin, which serves its style, tiles, glyphs and sprites', async () => {
      const csp = parseCsp(
        (await d.app.inject('/api/v1/client-config')).headers['content-security-policy'],
      );
      for (const directive of ['connect-src', 'img-src'])
        expect(csp[directive], directive).toContain('https://tiles.openfreemap.org');
    });
  });

  describe('with STRIDE_MAP_STYLE_URL=none', () => {
    const n = useTestApp(DATABASES[0]!, { STRIDE_MAP_STYLE_URL: 'none' });
    it('allows no map origin at all', async () => {
      const csp = parseCsp(
        (await n.app.inject('/api/v1/client-config')).headers['content-security-policy'],
      );
      expect(csp['connect-src']).toEqual(["'self'"]);
    });
  });

  it('gives Swagger UI at /docs its own policy, strict for scripts', async () => {
    for (const url of ['/docs/', '/docs/static/swagger-ui-bundle.js']) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      const csp = expectStrictPolicy(res.headers);
      expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp['connect-src']).toEqual(["'self'"]);
    }
  });

  it.runIf(webRoot())('sends the strict policy with the web app', async () => {
    for (const url of ['/', '/activities/123']) {
      const res = await t.app.inject({ url, headers: { accept: 'text/html' } });
      expect(res.statusCode, url).toBe(200);
      expect(parseCsp(res.headers['content-security-policy'])['style-src']).toEqual(["'self'"]);
      expectStrictPolicy(res.headers);
    }
  });
});
