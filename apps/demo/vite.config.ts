import { defaultClientConditions, defineConfig } from 'vite';

// The workspace packages export their TypeScript through the `source` condition, so the site (and
// its worker) builds and serves from the packages' src/ without building them first.
const conditions = ['source', ...defaultClientConditions];

export default defineConfig({
  base: './',
  resolve: { conditions },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // The worker carries the whole stack (kernels, autograd, models and GPT-2's BPE ranks).
    chunkSizeWarningLimit: 4096,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
