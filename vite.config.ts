import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { writeStamp } from './server/build/client-build.ts';

/** Where the server (server/env.ts LIFTMAP_CLIENT_DIR) looks for the build. */
const OUT_DIR = join(import.meta.dirname, 'dist', 'client');

/**
 * Every text file of the build written again as .br and .gz beside it, at
 * the highest levels once here rather than on every request: the server
 * (sirv) sends whichever the browser takes. Then the build's stamp: the
 * hash of the sources it was made from (server/build/client-build.ts).
 */
function precompress(): Plugin {
  const text = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  return {
    name: 'liftmap-precompress-and-stamp',
    apply: 'build',
    closeBundle() {
      for (const file of walk(OUT_DIR).filter((f) => text.test(f))) {
        const body = readFileSync(file);
        if (body.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
      // What the build was made from, so npm start rebuilds only when that changed.
      writeStamp(import.meta.dirname, OUT_DIR);
    },
  };
}

/** The built files /canvass needs: from vite's manifest, the entry and the canvass page with every chunk and style they import. */
function canvassFiles(): Set<string> {
  type Chunk = { file: string; imports?: string[]; css?: string[] };
  const chunks = JSON.parse(readFileSync(join(OUT_DIR, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = chunks[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit('index.html');
  visit('pages/canvass-page.tsx');
  if (files.size < 3) throw new Error('vite manifest: no entry or canvass page found; the service worker would precache nothing');
  return files;
}

/**
 * The canvassing app on a phone's home screen, working without signal: its
 * manifest, and a service worker that precaches the app's files and the page
 * of /canvass only. The wall, /admin, /plan and every other page, and every
 * /trpc and /api answer, always come from the network: they are never served
 * stale from a cache. A new deployment waits until the canvasser taps
 * 立即更新 (registerType prompt), so a form being filled in is not reloaded.
 */
const canvassingApp = () =>
  VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    manifest: {
      id: '/canvass',
      name: '加梯作战图 · 入户登记',
      short_name: '加梯登记',
      description: '风荷苑加装电梯：入户走访、签字登记，没有信号也能用',
      lang: 'zh-CN',
      start_url: '/canvass',
      scope: '/',
      display: 'standalone',
      orientation: 'portrait',
      background_color: '#0f1722',
      theme_color: '#f59a23',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      // The manifest and its icons are added by the plugin itself.
      globPatterns: ['assets/*.{js,css}', 'icons/apple-touch-icon-180.png'],
      globIgnores: ['**/index.html', '**/*.br', '**/*.gz'],
      maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      manifestTransforms: [
        (entries) => {
          // Only what /canvass loads (the entry and the canvass page with what they import), not the wall's map or the PDF writer.
          const needed = canvassFiles();
          const kept = entries.filter((e) => needed.has(e.url) || !e.url.startsWith('assets/'));
          // The app's page is precached as /canvass (what the server answers there), never as / (the wall).
          const html = readFileSync(join(OUT_DIR, 'index.html'));
          return { manifest: [...kept, { url: '/canvass', revision: createHash('sha256').update(html).digest('hex').slice(0, 16), size: html.length }], warnings: [] };
        },
      ],
      navigateFallback: '/canvass',
      navigateFallbackAllowlist: [/^\/canvass(\/|\?|$)/],
      cleanupOutdatedCaches: true,
    },
  });

// The client lives in client/; the server serves the build from dist/client.
export default defineConfig({
  root: 'client',
  plugins: [react(), canvassingApp(), precompress()],
  build: { outDir: OUT_DIR, manifest: true, emptyOutDir: true, chunkSizeWarningLimit: 1600 },
  server: {
    proxy: { '/trpc': 'http://127.0.0.1:3000', '/api': 'http://127.0.0.1:3000' },
  },
});
