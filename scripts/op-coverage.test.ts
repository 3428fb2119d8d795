import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { opCoverageMarkdown } from './op-coverage.js';

describe('docs/op-coverage.md', () => {
  it('is what scripts/op-coverage.ts generates from the kernel tables (regenerate it if this fails)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', 'docs', 'op-coverage.md'), 'utf8');
    expect(committed).toBe(opCoverageMarkdown());
  });

  it('shows every op implemented on CPU and WebGPU', () => {
    expect(opCoverageMarkdown()).not.toMatch(/✗/);
  });
});
