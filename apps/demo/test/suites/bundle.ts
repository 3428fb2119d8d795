import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { checkSizes, SIZE_BUDGET } from '../../build/size-report.js';
import type { Shared } from '../browser.test.js';
import { ARTIFACTS } from '../harness.js';

export function bundleSuite(shared: Shared): void {
  const dist = join(ARTIFACTS, 'site');

  it('keeps to its size budget, with the worker in a chunk of its own', () => {
    const files = readdirSync(join(dist, 'assets')).map((f) => ({ file: `assets/${f}`, content: readFileSync(join(dist, 'assets', f)) }));
    const { files: sized, totals, over } = checkSizes(files);
    expect(over, JSON.stringify(totals)).toEqual([]);
    const workers = sized.filter((f) => f.kind === 'worker');
    const pages = sized.filter((f) => f.kind === 'page');
    expect(workers.length, 'one worker chunk').toBe(1);
    // The page must not carry the stack: that is the worker's, fetched when the site starts it.
    for (const p of pages) {
      const code = readFileSync(join(dist, p.file), 'utf8');
      for (const marker of ['createMetaDevice', '@group(0) @binding(0)', 'GPT2LMHeadModel'])
        expect(code.includes(marker), `${p.file} has ${marker}`).toBe(false);
    }
    expect(totals.worker).toBeLessThanOrEqual(SIZE_BUDGET.worker);
  });

  it('is static with relative paths, and is served cross-origin isolated', async () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(1);
    for (const r of refs) expect(r, 'a relative or in-page reference').toMatch(/^(\.\/|#|data:)/);
    const response = await fetch(shared.site.url);
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });
}
