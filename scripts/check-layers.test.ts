import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs script without type declarations
import { checkLayers } from './check-layers.mjs';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function fakeRepo(
  pkgs: Record<string, { deps?: string[]; source?: string; exports?: Record<string, unknown> }>,
  apps: Record<string, { deps?: string[]; source?: string }> = {},
): string {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  roots.push(root);
  const write = (dir: string, name: string, spec: { deps?: string[]; source?: string; exports?: Record<string, unknown> }) => {
    mkdirSync(join(dir, 'src'), { recursive: true });
    const dependencies = Object.fromEntries((spec.deps ?? []).map((d) => [`@lightattn/${d}`, 'workspace:*']));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, dependencies, exports: spec.exports ?? { '.': './src/index.ts' } }));
    writeFileSync(join(dir, 'src', 'index.ts'), spec.source ?? 'export {};\n');
  };
  for (const [short, spec] of Object.entries(pkgs)) write(join(root, 'packages', short), `@lightattn/${short}`, spec);
  for (const [short, spec] of Object.entries(apps)) write(join(root, 'apps', short), short, spec);
  return root;
}

describe('check-layers', () => {
  it('passes on this repository', () => {
    const { problems } = checkLayers(join(import.meta.dirname, '..'));
    expect(problems).toEqual([]);
  });

  it('accepts downward edges', () => {
    const root = fakeRepo(
      { 'tensor-core': {}, autograd: { deps: ['tensor-core'], source: "import { Tensor } from '@lightattn/tensor-core';\n" } },
      { trainer: { deps: ['autograd'], source: "import { x } from '@lightattn/autograd';\n" } },
    );
    expect(checkLayers(root).problems).toEqual([]);
  });

  it('rejects an upward dependency in package.json', () => {
    const root = fakeRepo({ 'tensor-core': { deps: ['autograd'] }, autograd: { deps: ['tensor-core'] } });
    expect(checkLayers(root).problems.join('\n')).toMatch(/@lightattn\/tensor-core depends on @lightattn\/autograd: against the layer order/);
  });

  it('rejects an upward or undeclared import in source', () => {
    const root = fakeRepo({ 'tensor-core': { source: "import { x } from '@lightattn/light-ops';\n" }, 'light-ops': {} });
    const text = checkLayers(root).problems.join('\n');
    expect(text).toMatch(/imports @lightattn\/light-ops: against the layer order/);
    expect(text).toMatch(/does not declare/);
  });

  it('rejects deep imports unless the subpath is exported', () => {
    const root = fakeRepo({
      'tensor-core': { exports: { '.': './src/index.ts', './testing': './src/testing.ts' } },
      autograd: {
        deps: ['tensor-core'],
        source: "import { a } from '@lightattn/tensor-core/testing';\nimport { b } from '@lightattn/tensor-core/src/tensor';\n",
      },
    });
    const problems = checkLayers(root).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/tensor-core\/src\/tensor: use the public entry point/);
  });

  it('rejects packages outside the layer order', () => {
    const root = fakeRepo({ 'mystery-layer': {} });
    expect(checkLayers(root).problems.join('\n')).toMatch(/is not in the layer order/);
  });
});
