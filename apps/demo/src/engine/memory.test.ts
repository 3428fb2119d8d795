import { createCpuDevice, createMetaDevice } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { curveSeqs, growthPerDoubling, labelOf, MEMORY_CASES, measureCase, memoryCurve } from './memory.js';

const small = { size: 'gpt2-tiny' as const, batch: 2, dropout: 0.1, maxChunkSizeMb: 0.01, vocabSize: 65 };

describe('memory explorer measurements', () => {
  it('measures every case on the meta device, with the attention core inside the activations', async () => {
    const meta = createMetaDevice();
    for (const c of MEMORY_CASES) {
      const m = await measureCase(c, { ...small, seq: 64 }, meta, { backward: true });
      expect(m.activations, c.id).toBeGreaterThan(0);
      expect(m.attention, c.id).toBeGreaterThan(0);
      expect(m.attention, c.id).toBeLessThan(m.activations);
      expect(m.peak!, c.id).toBeGreaterThan(m.parameters);
      expect(m.reserved).toBeNull();
    }
    expect(meta.memory.allocated, 'everything freed').toBe(0);
  });

  it('is quadratic in T for the T×T implementations and linear for flash and LEAP', async () => {
    const curves = await memoryCurve(MEMORY_CASES, small, [256, 512, 1024, 2048], createMetaDevice());
    const growth = Object.fromEntries(curves.map((c) => [c.id, growthPerDoubling(c.points.map((p) => ({ seq: p.seq, bytes: p.attention })))!]));
    expect(growth.vanilla).toBeGreaterThan(3.5);
    expect(growth['vanilla-flags']).toBeGreaterThan(3.5);
    expect(growth.light).toBeGreaterThan(3.5);
    for (const id of ['flash', 'leap', 'chunked']) expect(growth[id], id).toBeCloseTo(2, 1);
    const at = (id: string) => curves.find((c) => c.id === id)!.points.at(-1)!.attention;
    expect(at('flash')).toBeLessThan(at('light'));
    expect(at('light')).toBeLessThan(at('vanilla'));
  });

  it('allocates the same bytes on the CPU device as the meta device predicts', async () => {
    for (const id of ['vanilla', 'flash', 'leap']) {
      const c = MEMORY_CASES.find((x) => x.id === id)!;
      const setting = { ...small, seq: 17 };
      const [meta, cpu] = [
        await measureCase(c, setting, createMetaDevice(), { backward: true }),
        await measureCase(c, setting, createCpuDevice(), { backward: true }),
      ];
      expect({ ...cpu, device: '' }, id).toEqual({ ...meta, device: '' });
    }
  });

  it('labels the chunked case with its cap', () => {
    expect(
      labelOf(
        MEMORY_CASES.find((c) => c.id === 'chunked')!,
        { maxChunkSizeMb: 64 },
      ),
    ).toBe('chunked (64 MB)');
    expect(labelOf(MEMORY_CASES[0]!, { maxChunkSizeMb: 64 })).toBe('vanilla');
  });
});

describe('growthPerDoubling', () => {
  it('reads ×2 for linear and ×4 for quadratic points, from the last two', () => {
    expect(
      growthPerDoubling([
        { seq: 1, bytes: 9 },
        { seq: 64, bytes: 64 },
        { seq: 128, bytes: 128 },
      ]),
    ).toBeCloseTo(2, 10);
    expect(
      growthPerDoubling([
        { seq: 100, bytes: 1e4 },
        { seq: 400, bytes: 16e4 },
      ]),
    ).toBeCloseTo(4, 10);
  });

  it('is null without two positive points', () => {
    expect(growthPerDoubling([])).toBeNull();
    expect(growthPerDoubling([{ seq: 8, bytes: 1 }])).toBeNull();
    expect(
      growthPerDoubling([
        { seq: 8, bytes: 0 },
        { seq: 16, bytes: 4 },
      ]),
    ).toBeNull();
    expect(
      growthPerDoubling([
        { seq: 16, bytes: 4 },
        { seq: 16, bytes: 4 },
      ]),
    ).toBeNull();
  });
});

describe('the curve follows the chosen T', () => {
  it('runs from 128 to T, powers of two and T itself, at least to 1024', () => {
    expect(curveSeqs(16384)).toEqual([128, 256, 512, 1024, 2048, 4096, 8192, 16384]);
    expect(curveSeqs(3000)).toEqual([128, 256, 512, 1024, 2048, 3000]);
    expect(curveSeqs(64)).toEqual([128, 256, 512, 1024]);
  });
});
