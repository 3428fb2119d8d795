import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs module without type declarations
import { documentationFiles } from './lib/doc-examples.mjs';

// Relative links in the documentation point at files that exist, and #anchors at headings that
// exist (GitHub's slugs), so moving or renaming a page or a heading cannot leave a dead link.

const root = join(import.meta.dirname, '..');

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2, … */
function headingSlugs(markdown: string): Set<string> {
  const slugs = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = m[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    slugs.add(n === 0 ? base : `${base}-${n}`);
  }
  return slugs;
}

/** The link targets of a Markdown text outside code fences and code spans. */
function linkTargets(markdown: string): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const text = line.replace(/`[^`]*`/g, '');
    for (const m of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) out.push(m[1]!);
  }
  return out;
}

describe('documentation links', () => {
  it('computes GitHub anchors and finds links', () => {
    expect([...headingSlugs('# A `b` (c), d\n## Measured (H200, WebGPU through Dawn/Vulkan)\n```\n# not a heading\n```\n## A b c d\n')]).toEqual([
      'a-b-c-d',
      'measured-h200-webgpu-through-dawnvulkan',
      'a-b-c-d-1',
    ]);
    expect(linkTargets('see [x](a.md#b) and `[y](no.md)`, ![f](memory.svg "t")\n```\n[z](code.md)\n```\n')).toEqual(['a.md#b', 'memory.svg']);
  });

  const appReadmes = readdirSync(join(root, 'apps')).map((app) => join('apps', app, 'README.md'));
  const files = [...(documentationFiles(root) as string[]), ...appReadmes].filter((f) => existsSync(join(root, f)));
  it.each(files)('%s', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const problems: string[] = [];
    for (const target of linkTargets(text)) {
      if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const resolved = path ? join(root, dirname(file), decodeURIComponent(path)) : join(root, file);
      if (!existsSync(resolved)) {
        problems.push(`${target}: ${relative(root, resolved)} does not exist`);
        continue;
      }
      if (anchor && resolved.endsWith('.md') && statSync(resolved).isFile() && !headingSlugs(readFileSync(resolved, 'utf8')).has(anchor)) {
        problems.push(`${target}: no heading with the anchor #${anchor} in ${relative(root, resolved)}`);
      }
    }
    expect(problems, `${file} has dead links`).toEqual([]);
  });
});
