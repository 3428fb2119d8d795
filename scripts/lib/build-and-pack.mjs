// Builds the library packages and packs them as they would be published, for
// scripts/check-packages.mjs and scripts/pack-install-test.mjs.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The folders of the library packages (packages/*), sorted. */
export function libraryDirs(root) {
  return readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** `turbo run build` over packages/* (cached by turbo, so a second call in one test run is instant). */
export function buildPackages(root) {
  const started = Date.now();
  execFileSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=./packages/*', '--output-logs=errors-only'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return Date.now() - started;
}

/**
 * `pnpm pack` of every library package into `destination`: pnpm rewrites `workspace:*` to the
 * packages' versions, as `pnpm publish` does. Returns name, folder, tarball path and file list.
 */
export function packPackages(root, destination) {
  return libraryDirs(root).map((dir) => {
    const out = execFileSync('pnpm', ['pack', '--json', '--pack-destination', destination], {
      cwd: join(root, 'packages', dir),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const info = JSON.parse(out.slice(out.indexOf('{')));
    return { dir, name: info.name, version: info.version, tarball: info.filename, files: info.files.map((f) => f.path) };
  });
}

/** The package.json inside a tarball, as published. */
export function packedManifest(tarball) {
  return JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
}

/** Problems with what a tarball contains: required files missing, test files or workspace: ranges shipped. */
export function contentProblems(pack, manifest) {
  const problems = [];
  for (const required of ['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts']) {
    if (!pack.files.includes(required)) problems.push(`${pack.name}: the tarball has no ${required}`);
  }
  for (const f of pack.files) {
    if (/\.test\.ts$/.test(f) || f.startsWith('test-data/')) problems.push(`${pack.name}: the tarball ships ${f}`);
  }
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:')) problems.push(`${pack.name}: ${field}.${dep} is still ${range} in the tarball`);
    }
  }
  return problems;
}
