#!/usr/bin/env node
// Proves each library package installs and works on its own, as a user would get it: builds and
// packs the seven packages (`pnpm pack` rewrites workspace:* to versions, as publishing does),
// installs the tarballs with plain npm into a scratch project in the system temp folder — outside
// the workspace, so nothing resolves to the checkout — with third-party dependencies (webgpu,
// gpt-tokenizer) from the npm registry, and runs the first runnable ```ts example of each
// package's README there with plain `node` (the TypeScript is transpiled to JavaScript first,
// types only; no `source` condition). Run by `pnpm test`; `--keep` leaves the scratch project.
//
// A README example marked <!-- webgpu --> needs an adapter: without one it is skipped with a
// notice, except with CI=true, where that fails (as the WebGPU tests do).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { buildPackages, packPackages } from './lib/build-and-pack.mjs';
import { extractExamples } from './lib/doc-examples.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');
const EXAMPLE_TIMEOUT_MS = 120_000;

/** TypeScript to an ES module, types erased; top-level await and `import type` are kept as they are. */
function toJavaScript(code, fileName) {
  return ts.transpileModule(code, {
    fileName,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
    reportDiagnostics: false,
  }).outputText;
}

function run(file, cwd) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [file], { cwd, encoding: 'utf8', timeout: EXAMPLE_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  return { ...result, ms: Date.now() - started };
}

function main() {
  const started = Date.now();
  const buildMs = buildPackages(root);
  const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'lightattn-pack-install-')));
  const failures = [];
  const notes = [];
  try {
    const packs = packPackages(root, scratch);

    // A project of its own: no workspace above it, dependencies from the tarballs and the registry.
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'lightattn-install-check', private: true, type: 'module' }, null, 2));
    const installStarted = Date.now();
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline', ...packs.map((p) => p.tarball)], {
      cwd: scratch,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const installMs = Date.now() - installStarted;

    // Every package resolves to the installed copy (and its built dist/), never to the checkout.
    const resolveProbe = join(scratch, 'resolve-probe.mjs');
    writeFileSync(resolveProbe, `console.log(JSON.stringify(${JSON.stringify(packs.map((p) => p.name))}.map((n) => import.meta.resolve(n))));\n`);
    const resolved = JSON.parse(execFileSync(process.execPath, [resolveProbe], { cwd: scratch, encoding: 'utf8' }));
    packs.forEach((pack, i) => {
      const path = fileURLToPath(resolved[i]);
      if (!path.startsWith(join(scratch, 'node_modules', pack.name, 'dist') + sep))
        failures.push(`${pack.name} resolves to ${path}, not to the installed package's dist/`);
    });

    let adapter; // undefined until needed; then null (found) or why not
    const webgpuUnavailable = () => {
      if (adapter === undefined) {
        const probe = join(scratch, 'webgpu-probe.mjs');
        writeFileSync(
          probe,
          "import { createWebGPUDevice } from '@lightattn/kernels-wgsl';\nconst d = await createWebGPUDevice();\nconsole.log(d.info().name);\nprocess.exit(0);\n",
        );
        const r = run(probe, scratch);
        adapter = r.status === 0 ? null : `${r.stderr || r.stdout}`.trim().split('\n').slice(-2).join(' ');
      }
      return adapter;
    };

    for (const pack of packs) {
      const readme = readFileSync(join(root, 'packages', pack.dir, 'README.md'), 'utf8');
      const example = extractExamples(readme).find((e) => e.skip === null);
      if (!example) {
        failures.push(`${pack.name}: README.md has no runnable \`\`\`ts example`);
        continue;
      }
      if (example.webgpu) {
        const why = webgpuUnavailable();
        if (why) {
          if (process.env.CI === 'true') failures.push(`${pack.name}: CI=true but no WebGPU adapter for its README example: ${why}`);
          else notes.push(`${pack.name}: README example skipped, no WebGPU adapter here (${why})`);
          continue;
        }
      }
      const file = join(scratch, `readme-${pack.dir}.mjs`);
      writeFileSync(file, toJavaScript(example.code, `readme-${pack.dir}.ts`));
      const r = run(file, scratch);
      if (r.error?.code === 'ETIMEDOUT' || r.signal)
        failures.push(`${pack.name}: README example (line ${example.line}) ran past ${EXAMPLE_TIMEOUT_MS / 1000} s`);
      else if (r.status !== 0)
        failures.push(
          `${pack.name}: README example (line ${example.line}) failed in the installed package:\n${`${r.stdout}\n${r.stderr}`.trim().slice(-3000)}`,
        );
      else notes.push(`${pack.name}: README example ran from the installed tarball (${(r.ms / 1000).toFixed(1)} s)`);
    }

    for (const n of notes) console.log(`pack-install-test: ${n}`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (failures.length) {
      console.error(`pack-install-test: ${failures.length} failure(s):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
      if (keep) console.error(`scratch project kept in ${scratch}`);
      process.exitCode = 1;
    } else {
      console.log(
        `pack-install-test: ${packs.length} packages packed, installed with npm outside the workspace and their README examples run (${seconds} s: build ${(buildMs / 1000).toFixed(1)} s, npm install ${(installMs / 1000).toFixed(1)} s)`,
      );
      if (keep) console.log(`scratch project kept in ${scratch}`);
    }
  } finally {
    if (!keep) rmSync(scratch, { recursive: true, force: true });
  }
}

main();
