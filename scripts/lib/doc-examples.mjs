// Code examples in Markdown, for the tests that run them (scripts/doc-examples.test.ts and
// scripts/pack-install-test.mjs). The convention, documented in docs/contributing.md:
//
// - every ```ts block runs, as a module of its own, with a timeout;
// - `<!-- not-run -->` (or `<!-- not-run: why -->`) on the line before the fence skips a block: a
//   fragment, or something that needs files, a network or a GPU the tests do not have;
// - `<!-- webgpu -->` on the line before the fence marks a block that needs a WebGPU adapter: it runs
//   where one is found (SwiftShader in CI) and is reported as skipped elsewhere, except with CI=true,
//   where a missing adapter fails it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const FENCE_OPEN = /^```(ts|typescript)\s*$/;
const NOT_RUN = /^<!--\s*not-run(?::\s*(.*?))?\s*-->$/;
const WEBGPU = /^<!--\s*webgpu\s*-->$/;

/**
 * The ```ts blocks of one Markdown text, in order, with the 1-based line of each fence and its
 * marker: `skip` is the not-run reason ('' when none is given) or null, `webgpu` whether it needs
 * an adapter.
 */
export function extractExamples(markdown) {
  const lines = markdown.split('\n');
  const examples = [];
  for (let i = 0; i < lines.length; i++) {
    if (!FENCE_OPEN.test(lines[i])) {
      // Skip over other fenced blocks whole, so a ```ts inside a ```md block is not taken.
      if (/^```/.test(lines[i])) {
        const close = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
        if (close > i) i = close;
      }
      continue;
    }
    const close = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (close < 0) throw new Error(`unclosed \`\`\`ts block at line ${i + 1}`);
    let k = i - 1;
    while (k >= 0 && lines[k].trim() === '') k--;
    const marker = k >= 0 ? lines[k].trim() : '';
    const notRun = NOT_RUN.exec(marker);
    examples.push({
      line: i + 1,
      code: lines.slice(i + 1, close).join('\n') + '\n',
      skip: notRun ? (notRun[1] ?? '') : null,
      webgpu: WEBGPU.test(marker),
    });
    i = close;
  }
  return examples;
}

function markdownUnder(dir, out) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'api' && entry.name !== 'node_modules') markdownUnder(path, out);
    } else if (entry.name.endsWith('.md')) out.push(path);
  }
  return out;
}

/** The Markdown files whose examples run: README.md, packages/*\/README.md and docs/**\/*.md (not the generated docs/api). */
export function documentationFiles(root) {
  const files = [join(root, 'README.md')];
  for (const pkg of readdirSync(join(root, 'packages')).sort()) {
    const readme = join(root, 'packages', pkg, 'README.md');
    if (existsSync(readme)) files.push(readme);
    const lab = join(root, 'packages', pkg, 'lab', 'README.md');
    if (existsSync(lab)) files.push(lab);
  }
  markdownUnder(join(root, 'docs'), files);
  return files.map((f) => relative(root, f));
}

/** The library packages: short name, package name, and each export subpath with its `source` file. */
export function libraryPackages(root) {
  return readdirSync(join(root, 'packages'))
    .sort()
    .filter((dir) => existsSync(join(root, 'packages', dir, 'package.json')))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
      const sources = {};
      for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
        if (target && typeof target === 'object' && typeof target.source === 'string') {
          sources[subpath === '.' ? manifest.name : `${manifest.name}${subpath.slice(1)}`] = join(root, 'packages', dir, target.source);
        }
      }
      return { dir, name: manifest.name, version: manifest.version, sources };
    });
}

/**
 * Rewrites `from '@lightattn/…'` (and `import('@lightattn/…')`) to the packages' source files, so an
 * example written against the published names runs from a checkout without a build.
 */
export function pointImportsAtSources(code, packages) {
  const sources = Object.assign({}, ...packages.map((p) => p.sources));
  return code.replace(/(from\s+|import\s*\(\s*)(['"])(@lightattn\/[^'"]+)\2/g, (whole, lead, quote, specifier) => {
    const file = sources[specifier];
    if (!file) throw new Error(`example imports ${specifier}, which no package exports`);
    return `${lead}${JSON.stringify(file)}`;
  });
}
