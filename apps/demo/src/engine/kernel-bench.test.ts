import { createCpuDevice } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { benchCase, caseFlops, caseLabel, parseSizeList, type KernelCase } from './kernel-bench.js';

const attn: KernelCase = { op: 'attention', batch: 2, heads: 3, seq: 16, headDim: 8, impl: 'flash', backward: false };

describe('kernel benchmarks', () => {
  it('counts 2n³ for a matmul and 2·B·H·T²·D for causal attention (3.5× with the backward)', () => {
    expect(caseFlops({ op: 'matmul', n: 64 })).toBe(2 * 64 ** 3);
    expect(caseFlops(attn)).toBe(2 * 2 * 3 * 16 * 16 * 8);
    expect(caseFlops({ ...attn, backward: true })).toBe(3.5 * caseFlops(attn));
    expect(caseLabel({ op: 'matmul', n: 5 })).toBe('matmul 5×5×5');
    expect(caseLabel({ ...attn, backward: true })).toBe('attention flash fwd+bwd B2 H3 T16 D8');
  });

  it('times matmul and every attention implementation on the CPU device, forward and backward', async () => {
    const cpu = createCpuDevice();
    const cases: KernelCase[] = [
      { op: 'matmul', n: 1 },
      { op: 'matmul', n: 33 },
      ...(['vanilla', 'light', 'chunked', 'flash'] as const).map((impl) => ({ ...attn, impl, backward: impl === 'light' })),
    ];
    for (const c of cases) {
      const r = await benchCase(cpu, c, { budgetMs: 20, maxRuns: 3 });
      expect(r.ms, r.label).toBeGreaterThan(0);
      expect(r.runs).toBeGreaterThanOrEqual(1);
      expect(r.runs).toBeLessThanOrEqual(3);
      expect(r.gflops).toBeCloseTo(r.flops / (r.ms * 1e6), 6);
      expect(r.device).toBe('cpu');
    }
    expect(cpu.memory.allocated, 'inputs, outputs and gradients freed').toBe(0);
  });

  it('refuses empty or huge shapes, naming the field', async () => {
    const cpu = createCpuDevice();
    await expect(benchCase(cpu, { op: 'matmul', n: 0 })).rejects.toThrow(/n must be an integer in \[1, 16384\], got 0/);
    await expect(benchCase(cpu, { ...attn, seq: 1e6 })).rejects.toThrow(/seq must be an integer/);
  });

  it('reads the typed size list', () => {
    expect(parseSizeList(' 64, 128 256,')).toEqual([64, 128, 256]);
    expect(parseSizeList('1')).toEqual([1]);
    for (const bad of ['', '0', '64, x', '1.5', '20000']) expect(() => parseSizeList(bad), bad).toThrow(/matmul sizes must be integers/);
  });
});
