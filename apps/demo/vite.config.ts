import { defaultClientConditions, defineConfig } from 'vite';
import { sizeReport } from './build/size-report.js';

// The workspace packages export their TypeScript through the `source` condition, so the site (and
// its worker) builds and serves from the packages' src/ without building them first.
const conditions = ['source', ...defaultClientConditions];

/**
 * Cross-origin isolation (COOP + COEP), so the page may use SharedArrayBuffer and precise timers.
 * The site loads nothing from other origins, so it costs nothing; a host serving dist/ should send
 * the same two headers (see the README).
 */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // Relative asset paths: dist/ works from any folder of any static host.
  base: './',
  resolve: { conditions },
  worker: { format: 'es' },
  plugins: [sizeReport()],
  build: {
    target: 'es2022',
    // Vite's default: the page's chunks stay well under it. The worker is an asset of the page's
    // build, which this warning never covers: the size report prints it and the budget bounds it.
    chunkSizeWarningLimit: 500,
  },
  server: { host: '127.0.0.1', headers: isolation },
  preview: { host: '127.0.0.1', headers: isolation },
});
