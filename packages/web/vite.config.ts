import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The service worker is a second entry (src/sw.ts → /sw.js). After bundling, this plugin
 * writes the list of every emitted file into it, so the worker precaches exactly this build's
 * app shell and a new build gets a new cache.
 */
function precacheManifest(): Plugin {
  return {
    name: 'stride-precache-manifest',
    generateBundle(_options, bundle) {
      const files = [
        ...Object.keys(bundle).filter(
          (f) => f !== 'sw.js' && !f.endsWith('.map') && !f.startsWith('.vite/'),
        ),
        'manifest.webmanifest',
        'icon.svg',
      ];
      const sw = bundle['sw.js'];
      if (sw?.type !== 'chunk') return;
      const version = [...files].sort().join('|');
      let hash = 0;
      for (let i = 0; i < version.length; i++)
        hash = (Math.imul(hash, 31) + version.charCodeAt(i)) | 0;
      sw.code = sw.code
        .replace('"__PRECACHE_FILES__"', JSON.stringify(['/', ...files.map((f) => `/${f}`)]))
        .replace('__PRECACHE_VERSION__', (hash >>> 0).toString(36));
    },
  };
}

/**
 * Writes a Brotli and a gzip copy beside every text file of the build, so the server sends
 * compressed assets without compressing on each request or needing a proxy to do it (the map
 * library is ~1 MB raw, ~0.3 MB compressed).
 */
function precompress(): Plugin {
  const TEXT = /\.(?:js|mjs|css|html|svg|json|webmanifest)$/;
  return {
    name: 'stride-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      for (const [name, file] of Object.entries(bundle)) {
        if (!TEXT.test(name)) continue;
        const bytes = Buffer.from(file.type === 'chunk' ? file.code : file.source);
        if (bytes.length < 1024) continue;
        writeFileSync(
          join(dir, `${name}.br`),
          brotliCompressSync(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        );
        writeFileSync(join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precacheManifest(), precompress()],
  resolve: { conditions: ['@stride/source', 'module', 'browser', 'development|production'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Read by scripts/size.mjs for the bundle size report.
    manifest: true,
    // MapLibre is one ~1 MB chunk, loaded only when a map is shown; scripts/size.mjs guards the
    // first load instead.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: { app: 'index.html', sw: 'src/sw.ts' },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
