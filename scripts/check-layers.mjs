#!/usr/bin/env node
// Fails when a dependency edge goes against the layer order
//   tensor-core ← kernels-wgsl ← kernels-wasm ← autograd ← light-ops ← leap-attention ← gpt2-model ← apps
// A package may depend only on packages earlier in that list. Both package.json dependencies and
// the `@lightattn/*` specifiers actually imported in source are checked, and an import must use a
// package's public entry point (no deep paths into another package) and be declared in package.json.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAYERS = ['tensor-core', 'kernels-wgsl', 'kernels-wasm', 'autograd', 'light-ops', 'leap-attention', 'gpt2-model'];
const APPS_RANK = LAYERS.length;

function rankOf(workspaceName) {
  const short = workspaceName.replace(/^@lightattn\//, '');
  const i = LAYERS.indexOf(short);
  return i;
}

function* sourceFiles(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) yield* sourceFiles(p);
    else if (/\.(ts|tsx|mts|js|mjs|vue|svelte)$/.test(entry)) yield p;
  }
}

/** Whether `spec` (e.g. @lightattn/tensor-core/testing) is a subpath that the target package exports. */
function isDeclaredSubpath(root, target, spec) {
  const pkgJson = join(root, 'packages', target.replace('@lightattn/', ''), 'package.json');
  if (!existsSync(pkgJson)) return false;
  const exportsMap = JSON.parse(readFileSync(pkgJson, 'utf8')).exports ?? {};
  return Object.prototype.hasOwnProperty.call(exportsMap, '.' + spec.slice(target.length));
}

export function checkLayers(root) {
  const problems = [];
  const units = [];
  for (const group of ['packages', 'apps']) {
    const base = join(root, group);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base)) {
      const dir = join(base, name);
      if (!existsSync(join(dir, 'package.json'))) continue;
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      let rank;
      if (group === 'apps') rank = APPS_RANK;
      else {
        rank = rankOf(pkg.name);
        if (rank < 0) problems.push(`${pkg.name} (${relative(root, dir)}) is not in the layer order ${LAYERS.join(' ← ')}`);
      }
      units.push({ dir, pkg, rank });
    }
  }
  for (const { dir, pkg, rank } of units) {
    const declared = { ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.devDependencies };
    for (const dep of Object.keys(declared)) {
      if (!dep.startsWith('@lightattn/')) continue;
      const r = rankOf(dep);
      if (r < 0) problems.push(`${pkg.name} depends on ${dep}, which is not a library layer`);
      else if (r >= rank) problems.push(`${pkg.name} depends on ${dep}: against the layer order (${LAYERS.join(' ← ')} ← apps)`);
    }
    const importRe = /(?:from\s+|import\s*\(\s*|import\s+)['"](@lightattn\/[^'"]+)['"]/g;
    for (const file of sourceFiles(dir)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(importRe)) {
        const spec = m[1];
        const parts = spec.split('/');
        const target = parts.slice(0, 2).join('/');
        const where = relative(root, file);
        if (target === pkg.name) {
          problems.push(`${where} imports its own package by name (${spec}); use a relative import`);
          continue;
        }
        if (parts.length > 2 && !isDeclaredSubpath(root, target, spec))
          problems.push(`${where} imports ${spec}: use the public entry point ${target} (or a subpath its package.json exports)`);
        const r = rankOf(target);
        if (r < 0) problems.push(`${where} imports ${target}, which is not a library layer`);
        else if (r >= rank) problems.push(`${where} imports ${target}: against the layer order`);
        if (!(target in declared)) problems.push(`${where} imports ${target}, which ${pkg.name}'s package.json does not declare`);
      }
    }
  }
  return { problems, checked: units.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(fileURLToPath(import.meta.url), '..', '..');
  const { problems, checked } = checkLayers(root);
  if (problems.length) {
    console.error(`layer check failed (${problems.length}):\n  ` + problems.join('\n  '));
    process.exit(1);
  }
  console.log(`layer check: ${checked} workspace packages follow ${LAYERS.join(' ← ')} ← apps`);
}
