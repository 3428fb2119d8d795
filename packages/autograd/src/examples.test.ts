import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const blocks = [...readFileSync(join(here, '..', 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('README', () => {
  it('has TypeScript examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });

  it.each(blocks.map((code, i) => [i, code]))('example %d runs', async (_i, code) => {
    const dir = mkdtempSync(join(tmpdir(), 'autograd-readme-'));
    const file = join(dir, 'example.ts');
    const source = code
      .replaceAll("'@lightattn/autograd'", JSON.stringify(join(here, 'index.ts')))
      .replaceAll("'@lightattn/tensor-core'", JSON.stringify(join(here, '..', '..', 'tensor-core', 'src', 'index.ts')));
    writeFileSync(file, source);
    const logs: unknown[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => void logs.push(args);
    try {
      await import(pathToFileURL(file).href);
    } finally {
      console.log = log;
      rmSync(dir, { recursive: true, force: true });
    }
    if (code.includes('checkpointed.ledger.total < ledger.total')) expect(logs).toContainEqual([true]);
  });
});
