import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs module without type declarations
import { documentationFiles, extractExamples, libraryPackages, pointImportsAtSources } from './lib/doc-examples.mjs';

// Every ```ts block of README.md, packages/*/README.md and docs/**/*.md runs here, from source (the
// `source` export condition), each in its own Node process with a timeout, so the examples cannot
// rot. The markers (<!-- not-run -->, <!-- webgpu -->) are described in docs/contributing.md.

interface Example {
  line: number;
  code: string;
  skip: string | null;
  webgpu: boolean;
}
interface LibraryPackage {
  name: string;
  sources: Record<string, string>;
}

const root = join(import.meta.dirname, '..');
const packages = libraryPackages(root) as LibraryPackage[];
const scratch = mkdtempSync(join(tmpdir(), 'lightattn-doc-examples-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const EXAMPLE_TIMEOUT_MS = 90_000;

/** Runs a module file with tsx and the source condition; resolves with its exit code and output. */
function runModule(file: string, timeoutMs: number): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

let counter = 0;
function writeModule(code: string): string {
  // .mts: the scratch folder has no package.json saying "type": "module", and examples use top-level await.
  const file = join(scratch, `example-${++counter}.mts`);
  writeFileSync(file, code);
  return file;
}

let adapter: Promise<string | null> | undefined;
/** null when a WebGPU device can be created here, else why not. Checked once, in a child process. */
function webgpuUnavailable(): Promise<string | null> {
  adapter ??= (async () => {
    const device = pointImportsAtSources(
      "import { createWebGPUDevice } from '@lightattn/kernels-wgsl';\nconst d = await createWebGPUDevice();\nconsole.log(d.info().name);\nprocess.exit(0);\n",
      packages,
    );
    const { code, output } = await runModule(writeModule(device), 60_000);
    return code === 0 ? null : output.trim().split('\n').slice(-3).join(' ');
  })();
  return adapter;
}

describe('the example convention', () => {
  it('finds ts blocks with their lines and markers, and ignores other languages and nested fences', () => {
    const md = [
      '# t', // 1
      '```ts', // 2
      'console.log(1);', // 3
      '```', // 4
      '<!-- not-run: needs ./gpt2 -->', // 5
      '', // 6
      '```ts', // 7
      'load();', // 8
      '```', // 9
      '<!-- webgpu -->', // 10
      '```typescript', // 11
      'gpu();', // 12
      '```', // 13
      '```md', // 14
      '```ts', // 15
      'inside();', // 16
      '```', // 17
      '```sh', // 18
      'ls', // 19
      '```', // 20
      '<!-- not-run -->', // 21
      '```ts', // 22
      'x', // 23
      '```', // 24
    ].join('\n');
    const found = extractExamples(md) as Example[];
    expect(found.map((e) => [e.line, e.code, e.skip, e.webgpu])).toEqual([
      [2, 'console.log(1);\n', null, false],
      [7, 'load();\n', 'needs ./gpt2', false],
      [11, 'gpu();\n', null, true],
      [22, 'x\n', '', false],
    ]);
  });

  it('refuses an unclosed block', () => {
    expect(() => extractExamples('```ts\nconsole.log(1);\n')).toThrow(/unclosed/);
  });

  it('points package imports at the sources, and refuses a subpath no package exports', () => {
    const code = 'import { scope } from \'@lightattn/tensor-core\';\nimport { loadPretrainedFromDir } from "@lightattn/gpt2-model/node";\n';
    const rewritten = pointImportsAtSources(code, packages) as string;
    expect(rewritten).toContain(JSON.stringify(join(root, 'packages', 'tensor-core', 'src', 'index.ts')));
    expect(rewritten).toContain(JSON.stringify(join(root, 'packages', 'gpt2-model', 'src', 'node.ts')));
    expect(() => pointImportsAtSources("import { x } from '@lightattn/tensor-core/src/tensor';", packages)).toThrow(/no package exports/);
  });

  it('fails an example that throws, and one that runs past its timeout', async () => {
    const thrown = await runModule(writeModule("throw new Error('broken example');\n"), 30_000);
    expect(thrown.code).not.toBe(0);
    expect(thrown.output).toContain('broken example');
    const hung = await runModule(writeModule('setInterval(() => {}, 1000);\n'), 2_000);
    expect(hung.timedOut).toBe(true);
  }, 60_000);
});

const documented = (documentationFiles(root) as string[])
  .map((file) => ({ file, examples: extractExamples(readFileSync(join(root, file), 'utf8')) as Example[] }))
  .filter((d) => d.examples.length > 0);

it('every library package README says how to install it and has a runnable example', () => {
  for (const pkg of packages) {
    const file = join('packages', pkg.name.replace('@lightattn/', ''), 'README.md');
    const text = readFileSync(join(root, file), 'utf8');
    expect(text, `${file}: no install command (npm install / pnpm add ${pkg.name})`).toMatch(
      new RegExp(`(npm install|npm i|pnpm add) [^\\n]*${pkg.name.replace('/', '\\/')}(\\s|$)`),
    );
    const readme = documented.find((d) => d.file === file);
    expect(
      readme?.examples.some((e) => e.skip === null),
      `${pkg.name}: README.md has no runnable \`\`\`ts example`,
    ).toBe(true);
  }
});

for (const { file, examples } of documented) {
  describe(file, () => {
    for (const example of examples) {
      const title = `example at line ${example.line}`;
      if (example.skip !== null) {
        it.skip(`${title} (not run${example.skip ? `: ${example.skip}` : ''})`, () => {});
        continue;
      }
      it(
        title,
        async (context) => {
          if (example.webgpu) {
            const why = await webgpuUnavailable();
            if (why) {
              if (process.env.CI === 'true') throw new Error(`CI=true but no WebGPU adapter for this example: ${why}`);
              context.skip(`no WebGPU adapter here (${why})`);
            }
          }
          const { code, output, timedOut } = await runModule(writeModule(pointImportsAtSources(example.code, packages)), EXAMPLE_TIMEOUT_MS);
          expect(timedOut, `${file}:${example.line} ran past ${EXAMPLE_TIMEOUT_MS / 1000} s:\n${output.slice(-2000)}`).toBe(false);
          expect(code, `${file}:${example.line} failed:\n${output.slice(-4000)}`).toBe(0);
        },
        EXAMPLE_TIMEOUT_MS + 65_000,
      );
    }
  });
}
