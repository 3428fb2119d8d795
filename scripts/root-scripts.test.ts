import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// docs/getting-started.md: "node --conditions=source --import tsx your-script.ts" from a checkout.
// A script in the checkout resolves @lightattn/* through the root package's devDependencies, so
// every library package must be one of them; this runs such a script, as a user would.

const root = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(root, '.root-script-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Each library package's entry points and a value each one exports. */
const IMPORTS = [
  ['@lightattn/tensor-core', 'createCpuDevice'],
  ['@lightattn/tensor-core/testing', 'opTestCases'],
  ['@lightattn/kernels-wgsl', 'createWebGPUDevice'],
  ['@lightattn/autograd', 'AdamW'],
  ['@lightattn/light-ops', 'flashAttention'],
  ['@lightattn/leap-attention', 'leapConfig'],
  ['@lightattn/gpt2-model', 'GPT2LMHeadModel'],
  ['@lightattn/gpt2-model/node', 'loadPretrainedFromDir'],
] as const;

describe('a script at the repository root', () => {
  it('declares every library package in the root devDependencies', () => {
    const rootDeps = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies;
    const libraries = ['tensor-core', 'kernels-wgsl', 'autograd', 'light-ops', 'leap-attention', 'gpt2-model'];
    for (const name of libraries) expect(rootDeps[`@lightattn/${name}`], name).toBe('workspace:*');
  });

  it('imports every package with tsx from source, as getting-started says', { timeout: 120_000 }, () => {
    const script = join(scratch, 'your-script.ts');
    writeFileSync(
      script,
      IMPORTS.map(([spec], i) => `import * as m${i} from '${spec}';`).join('\n') +
        `\nconsole.log(JSON.stringify([${IMPORTS.map(([, name], i) => `typeof m${i}.${name}`).join(', ')}]));\n`,
    );
    const out = execFileSync(process.execPath, ['--conditions=source', '--import', 'tsx', script], { cwd: root, encoding: 'utf8', timeout: 110_000 });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual(IMPORTS.map(() => 'function'));
  });
});
