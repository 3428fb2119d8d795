import { describe, expect, it } from 'vitest';
import { PassTimes } from './profiler.js';

const ns = (...v: number[]) => BigInt64Array.from(v.map((x) => BigInt(x)));

describe('PassTimes', () => {
  it('sums kernels by name and spans from the first begin to the last end, gaps included', () => {
    const t = new PassTimes();
    // Batch 1: a 1 ms kernel then a 2 ms one; batch 2, after a 0.5 ms idle gap: the first kernel again.
    t.add(['a', 'b'], ns(1_000_000, 2_000_000, 2_000_000, 4_000_000));
    t.add(['a'], ns(4_500_000, 5_500_000));
    const r = t.result();
    expect(r.kernels).toEqual([
      { name: 'a', count: 2, totalMs: 2 },
      { name: 'b', count: 1, totalMs: 2 },
    ]);
    expect(r.totalMs).toBe(4);
    expect(r.spanMs).toBe(4.5);
    expect(r.timeline).toEqual([
      { name: 'a', startMs: 0, endMs: 1 },
      { name: 'b', startMs: 1, endMs: 3 },
      { name: 'a', startMs: 3.5, endMs: 4.5 },
    ]);
  });

  it('takes the earliest begin and latest end whatever order the batches are read back in', () => {
    const t = new PassTimes();
    t.add(['late'], ns(9_000_000, 10_000_000));
    t.add(['early'], ns(3_000_000, 3_250_000));
    expect(t.result().spanMs).toBe(7);
    expect(t.result().timeline.map((p) => p.name)).toEqual(['early', 'late']);
  });

  it('counts a quantised negative pass as 0 and gives 0 for nothing timed', () => {
    const t = new PassTimes();
    expect(t.result()).toEqual({ kernels: [], totalMs: 0, spanMs: 0, timeline: [] });
    t.add(['tiny'], ns(5_000, 4_000));
    expect(t.result().kernels[0]!.totalMs).toBe(0);
  });
});
