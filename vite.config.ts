import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
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

// The client lives in client/; the server serves the build from dist/client.
export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: { outDir: OUT_DIR, emptyOutDir: true, chunkSizeWarningLimit: 1600 },
  server: {
    proxy: { '/trpc': 'http://127.0.0.1:3000', '/api': 'http://127.0.0.1:3000' },
  },
});
