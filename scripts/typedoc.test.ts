import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The API reference (`pnpm docs:api`, typedoc over the seven library packages into docs/api/) must
// build without a warning: typedoc.json asks for TSDoc on every exported function, class,
// interface, type and constant, for links that resolve, and for no public signature that uses a
// type the package does not export, and treats warnings as errors.

const root = join(import.meta.dirname, '..');
const typedocBin = join(root, 'node_modules', 'typedoc', 'bin', 'typedoc');
const scratch = mkdtempSync(join(tmpdir(), 'lightattn-typedoc-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function typedoc(cwd: string, args: string[]): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [typedocBin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

describe('typedoc', () => {
  it('documents every public export of the seven packages, without a warning', () => {
    const { status, output } = typedoc(root, ['--emit', 'none']);
    expect(output).not.toMatch(/\[warning\]|\[error\]/);
    expect(status, output).toBe(0);
  }, 240_000);

  /** typedoc with this repository's options on a one-file fixture package. */
  function typedocOnFixture(name: string, source: string): { status: number | null; output: string } {
    const config = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8'));
    const dir = join(scratch, name);
    const pkg = join(dir, 'packages', 'fixture');
    mkdirSync(join(pkg, 'src'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'fixture', version: '0.0.0', type: 'module' }));
    writeFileSync(
      join(pkg, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler', target: 'ES2022', types: [] }, include: ['src'] }),
    );
    writeFileSync(join(pkg, 'src', 'index.ts'), source);
    writeFileSync(join(dir, 'README.md'), '# fixture\n');
    writeFileSync(join(dir, 'typedoc.json'), JSON.stringify({ ...config, entryPoints: ['packages/fixture'], readme: 'README.md', out: 'api' }));
    return typedoc(dir, ['--emit', 'none']);
  }

  it('fails on an undocumented export (the same options, on a fixture package)', () => {
    const { status, output } = typedocOnFixture(
      'undocumented',
      '/** Adds one. */\nexport const addOne = (x: number): number => x + 1;\nexport function undocumented(): void {}\n',
    );
    expect(output).toMatch(/undocumented \(\w+\), defined in .* does not have any documentation/);
    expect(status).not.toBe(0);
  }, 120_000);

  it('fails on a link that does not resolve', () => {
    const { status, output } = typedocOnFixture('broken-link', '/** Adds one; see {@link nowhere}. */\nexport const addOne = (x: number): number => x + 1;\n');
    expect(output).toMatch(/Failed to resolve link to "nowhere"/);
    expect(status).not.toBe(0);
  }, 120_000);

  it('fails on a public signature that uses a type the package does not export', () => {
    const { status, output } = typedocOnFixture(
      'not-exported',
      'interface Hidden {\n  x: number;\n}\n/** Makes one. */\nexport function make(): Hidden {\n  return { x: 1 };\n}\n',
    );
    expect(output).toMatch(/Hidden, defined in .* is referenced by make.* but not included in the documentation/);
    expect(status).not.toBe(0);
  }, 120_000);
});
