import { describe, expect, it } from 'vitest';
import { DATABASES, useTestApp } from './adapters.js';

// Configuration only: one database is enough.
describe('client configuration for the web app', () => {
  describe('on defaults', () => {
    const t = useTestApp(DATABASES[0]!);

    it('answers without a token: OpenFreeMap’s street style and the upload limit', async () => {
      const res = await t.app.inject('/api/v1/client-config');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        map_style_url: 'https://tiles.openfreemap.org/styles/liberty',
        max_upload_bytes: t.config.maxUploadBytes,
      });
      expect(res.headers['cache-control']).toContain('max-age=');
    });

    it('is described in the OpenAPI document', async () => {
      const doc = (await t.app.inject('/docs/json')).json();
      expect(doc.paths['/api/v1/client-config/']).toBeDefined();
    });
  });

  describe('with STRIDE_MAP_STYLE_URL=none', () => {
    const t = useTestApp(DATABASES[0]!, { STRIDE_MAP_STYLE_URL: 'none' });

    it('answers no style: the app draws its built-in world map', async () => {
      const res = await t.app.inject('/api/v1/client-config');
      expect(res.json().map_style_url).toBeNull();
    });
  });

  describe('with a map style and a smaller upload limit', () => {
    const t = useTestApp(DATABASES[0]!, {
      STRIDE_MAP_STYLE_URL: 'https://tiles.example.org/style.json',
      STRIDE_MAX_UPLOAD_BYTES: '2048',
    });

    it('passes the operator’s style URL and limit to the app', async () => {
      expect((await t.app.inject('/api/v1/client-config')).json()).toEqual({
        map_style_url: 'https://tiles.example.org/style.json',
        max_upload_bytes: 2048,
      });
    });
  });
});
