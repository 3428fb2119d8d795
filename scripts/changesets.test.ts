import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Releasing (docs/contributing.md): every user-visible change comes with a changeset, the seven
// library packages are versioned together, and `changeset version` works. The version bump runs on
// a copy of the manifests and changesets, so the tree is never bumped.

const root = join(import.meta.dirname, '..');
const changesetBin = join(root, 'node_modules', '@changesets', 'cli', 'bin.js');
const scratch = mkdtempSync(join(tmpdir(), 'lightattn-changesets-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const LIBRARIES = ['tensor-core', 'kernels-wgsl', 'kernels-wasm', 'autograd', 'light-ops', 'leap-attention', 'gpt2-model'];
const manifest = (dir: string, path: string) => JSON.parse(readFileSync(join(dir, path, 'package.json'), 'utf8'));

function changeset(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [changesetBin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

describe('changesets', () => {
  it('the seven library packages are one fixed group, and apps are never published', () => {
    const config = JSON.parse(readFileSync(join(root, '.changeset', 'config.json'), 'utf8'));
    expect(config.fixed).toEqual([LIBRARIES.map((p) => `@lightattn/${p}`)]);
    for (const app of readdirSync(join(root, 'apps'))) {
      if (existsSync(join(root, 'apps', app, 'package.json'))) expect(manifest(root, join('apps', app)).private, `apps/${app} must be private`).toBe(true);
    }
    expect(config.privatePackages).toMatchObject({ tag: false });
  });

  it('`changeset status` passes: every changed package since the base branch has a changeset', () => {
    // The base branch is `main` (config.json). A CI checkout may only have origin/main, and a
    // shallow one neither: then the changesets are still parsed and checked, against HEAD. (With
    // --since, only changesets committed since that ref count, so it is not used when main exists:
    // a working tree with new, uncommitted changesets would fail.)
    const hasRef = (ref: string) => spawnSync('git', ['rev-parse', '--verify', '--quiet', ref], { cwd: root }).status === 0;
    const args = hasRef('main') ? ['status'] : ['status', `--since=${hasRef('origin/main') ? 'origin/main' : 'HEAD'}`];
    const { status, output } = changeset(root, args);
    expect(status, output).toBe(0);
  }, 60_000);

  it('`changeset version` bumps the library packages together, on a copy of the repository', () => {
    const copy = join(scratch, 'repo');
    mkdirSync(copy);
    for (const f of ['package.json', 'pnpm-workspace.yaml']) cpSync(join(root, f), join(copy, f));
    cpSync(join(root, '.changeset'), join(copy, '.changeset'), { recursive: true });
    const workspaces = ['packages', 'apps']
      .flatMap((top) => readdirSync(join(root, top)).map((d) => join(top, d)))
      .filter((d) => existsSync(join(root, d, 'package.json')));
    for (const d of workspaces) {
      mkdirSync(join(copy, d), { recursive: true });
      cpSync(join(root, d, 'package.json'), join(copy, d, 'package.json'));
    }
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const pending = readdirSync(join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');

    const { status, output } = changeset(copy, ['version']);
    expect(status, output).toBe(0);

    const before = LIBRARIES.map((p) => manifest(root, join('packages', p)).version as string);
    const after = LIBRARIES.map((p) => manifest(copy, join('packages', p)).version as string);
    expect(new Set(before).size, 'the library packages should share one version').toBe(1);
    if (pending.length > 0) {
      expect(new Set(after).size, `fixed group: one version after the bump, got ${after.join(', ')}`).toBe(1);
      expect(after[0]).not.toBe(before[0]);
      for (const p of LIBRARIES) expect(readFileSync(join(copy, 'packages', p, 'CHANGELOG.md'), 'utf8')).toContain(`## ${after[0]}`);
      expect(readdirSync(join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md')).toEqual([]);
    }
    // The tree itself is untouched.
    expect(LIBRARIES.map((p) => manifest(root, join('packages', p)).version)).toEqual(before);
  }, 60_000);
});
