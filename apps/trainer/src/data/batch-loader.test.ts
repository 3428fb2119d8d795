import { describe, expect, it } from 'vitest';
import { CliError } from '../errors.js';
import { BatchLoader, evalWindows } from './batch-loader.js';

const tokens = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe('BatchLoader', () => {
  it('cuts epoch 0 at multiples of seq and visits every window once per epoch', () => {
    const loader = new BatchLoader(tokens(10 * 8 + 3), 2, 8, 7);
    const starts: number[] = [];
    for (let b = 0; b < loader.batchesPerEpoch; b++) {
      const batch = loader.next();
      for (let r = 0; r < 2; r++) {
        const row = batch.subarray(r * 8, r * 8 + 8);
        expect([...row]).toEqual(Array.from({ length: 8 }, (_, i) => row[0]! + i)); // contiguous text
        starts.push(row[0]!);
      }
    }
    expect(starts.every((s) => s % 8 === 0)).toBe(true);
    expect(new Set(starts).size).toBe(starts.length);
    expect(loader.position).toEqual({ epoch: 0, batch: loader.batchesPerEpoch });
    loader.next();
    expect(loader.position).toEqual({ epoch: 1, batch: 1 });
  });

  it('depends only on the seed and the position: a loader restored mid-run continues identically', () => {
    const a = new BatchLoader(tokens(1000), 3, 16, 42);
    const run = Array.from({ length: 40 }, () => [...a.next()]);
    const b = new BatchLoader(tokens(1000), 3, 16, 42);
    for (let i = 0; i < 17; i++) b.next();
    const c = new BatchLoader(tokens(1000), 3, 16, 42);
    c.position = { ...b.position };
    for (let i = 17; i < 40; i++) expect([...c.next()]).toEqual(run[i]);
    const other = new BatchLoader(tokens(1000), 3, 16, 43);
    expect([...other.next()]).not.toEqual(run[0]);
  });

  it('shifts the cut in later epochs without losing a batch', () => {
    const loader = new BatchLoader(tokens(16 * 9), 4, 16, 1);
    expect(loader.batchesPerEpoch).toBe(2); // 9 windows, 8 usable after a shift
    const starts = new Set<number>();
    for (let i = 0; i < 40; i++) {
      const batch = loader.next();
      for (let r = 0; r < 4; r++) {
        expect(batch[r * 16]! + 15).toBeLessThan(16 * 9);
        starts.add(batch[r * 16]! % 16);
      }
    }
    expect(starts.size).toBeGreaterThan(1);
  });

  it('with exactly batch windows, every epoch uses all of them unshifted', () => {
    const loader = new BatchLoader(tokens(2 * 5), 2, 5, 3);
    expect(loader.batchesPerEpoch).toBe(1);
    for (let i = 0; i < 5; i++) expect([...loader.next()].sort((x, y) => x - y)).toEqual([...tokens(10)]);
  });

  it('refuses data smaller than one batch, saying what to change', () => {
    expect(() => new BatchLoader(tokens(0), 1, 4, 0)).toThrow(CliError);
    expect(() => new BatchLoader(tokens(63), 2, 32, 0)).toThrow(/63 tokens: 1 window of --seq 32, fewer than --batch 2/);
    expect(() => new BatchLoader(tokens(64), 2, 32, 0)).not.toThrow();
  });
});

describe('evalWindows', () => {
  it('covers consecutive windows, the last batch short, and respects maxBatches', () => {
    const all = [...evalWindows(tokens(65), 8, 3)];
    expect(all.map((b) => b.rows)).toEqual([3, 3, 2]);
    expect([...all[2]!.ids]).toEqual(Array.from({ length: 16 }, (_, i) => 48 + i));
    expect([...evalWindows(tokens(65), 8, 3, 1)]).toHaveLength(1);
    expect([...evalWindows(tokens(7), 8, 3)]).toHaveLength(0);
  });
});
