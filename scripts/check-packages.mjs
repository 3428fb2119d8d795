#!/usr/bin/env node
// Checks the library packages as published: builds them, packs each with pnpm (workspace:* becomes
// the version, as on publish), and runs publint (package.json fields and the files they point at,
// strict: warnings fail) and Are the Types Wrong? (types resolve for ESM consumers: node16 from
// ESM and bundlers; the esm-only profile, since the packages ship no CommonJS) on each tarball,
// plus a check of the tarball's contents. Exits 1 with every problem listed. Run by `pnpm test`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { buildPackages, contentProblems, packedManifest, packPackages } from './lib/build-and-pack.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const attw = join(root, 'node_modules', '.bin', 'attw');

async function main() {
  const started = Date.now();
  const buildMs = buildPackages(root);
  const destination = mkdtempSync(join(tmpdir(), 'lightattn-check-packages-'));
  const problems = [];
  try {
    const packs = packPackages(root, destination);
    for (const pack of packs) {
      const manifest = packedManifest(pack.tarball);
      problems.push(...contentProblems(pack, manifest));

      const tarball = readFileSync(pack.tarball);
      const lint = await publint({
        pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
        strict: true,
        level: 'suggestion',
      });
      for (const message of lint.messages) {
        const text = `${pack.name}: publint ${message.type}: ${formatMessage(message, lint.pkg, { color: false }) ?? message.code}`;
        if (message.type === 'suggestion') console.log(text);
        else problems.push(text);
      }

      try {
        execFileSync(attw, [pack.tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-color', '--no-emoji'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      } catch (error) {
        problems.push(`${pack.name}: attw (--profile esm-only) found problems:\n${String(error.stdout ?? '') + String(error.stderr ?? '')}`);
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (problems.length) {
      console.error(`check-packages: ${problems.length} problem(s) in the packages as published:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
      process.exitCode = 1;
    } else {
      console.log(
        `check-packages: ${packs.length} packages pass publint --strict and attw --profile esm-only (${seconds} s, build ${(buildMs / 1000).toFixed(1)} s)`,
      );
    }
  } finally {
    rmSync(destination, { recursive: true, force: true });
  }
}

await main();
