import { defineConfig } from 'vitest/config';

// One root config; each package (and app) is a project. Tests import sibling packages through the
// `source` export condition, so they run from src/ without a build.
const packages = ['tensor-core', 'kernels-wgsl', 'kernels-wasm', 'autograd', 'light-ops', 'leap-attention', 'gpt2-model'];

export default defineConfig({
  resolve: { conditions: ['source', 'module', 'import', 'default'] },
  ssr: { resolve: { conditions: ['source', 'module', 'import', 'node', 'default'] } },
  test: {
    passWithNoTests: false,
    projects: [
      ...packages.map((name) => ({
        extends: true as const,
        test: {
          name,
          root: `packages/${name}`,
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
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
