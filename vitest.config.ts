import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One root config; each package (and app) is a project. Tests import sibling packages through the
// `source` export condition, so they run from src/ without a build.
const packages = ['tensor-core', 'kernels-wgsl', 'kernels-wasm', 'autograd', 'light-ops', 'leap-attention', 'gpt2-model'];

export default defineConfig({
  resolve: { conditions: ['source', 'module', 'import', 'default'] },
  ssr: { resolve: { conditions: ['source', 'module', 'import', 'node', 'default'] } },
  test: {
    passWithNoTests: false,
    // toBeAllClose for every project (@lightattn/tensor-core/testing/vitest).
    setupFiles: [fileURLToPath(new URL('./packages/tensor-core/src/testing/vitest-setup.ts', import.meta.url))],
    projects: [
      ...packages.map((name) => ({
        extends: true as const,
        test: {
          name,
          root: `packages/${name}`,
          // lab/: kernel variants no device selects, kept with their tests and benches (kernels-wgsl).
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'lab/**/*.test.ts'],
        },
      })),
      {
        extends: true as const,
        test: { name: 'repo', root: '.', include: ['scripts/**/*.test.ts'] },
      },
      { extends: true as const, test: { name: 'demo', root: 'apps/demo', include: ['test/**/*.test.ts', 'src/**/*.test.ts'] } },
      { extends: true as const, test: { name: 'trainer', root: 'apps/trainer', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } },
    ],
  },
});
