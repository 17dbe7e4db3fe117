import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { webRoot } from '../src/platform/http/web.js';
import { DATABASES, useTestApp } from './adapters.js';

// The web app is built by `npm run build` (the README's test command builds first).
describe.runIf(webRoot())('web app served by the API process', () => {
  const t = useTestApp(DATABASES[0]!);

  it('serves the app shell at / and for client-side routes, but JSON 404s under /api', async () => {
    const root = await t.app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<div id="root">');
    const deep = await t.app.inject({ url: '/activities/123', headers: { accept: 'text/html' } });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<div id="root">');
    const api = await t.app.inject({ url: '/api/v1/nope', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
  });

  it('serves the service worker uncached and hashed assets immutable', async () => {
    const sw = await t.app.inject('/sw.js');
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['cache-control']).toBe('no-cache');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec((await t.app.inject('/')).body)![1]!;
    const res = await t.app.inject(asset);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    expect((await t.app.inject('/manifest.webmanifest')).json().name).toBe('Stride');
  });

  it('sends the build’s compressed copies to clients that accept them', async () => {
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec((await t.app.inject('/')).body)![1]!;
    const plain = await t.app.inject(asset);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await t.app.inject({ url: asset, headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);
    const gz = await t.app.inject({ url: asset, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
  });
});
