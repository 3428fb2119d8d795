import { backward, noGrad, withLedger } from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import { CpuDevice, createMetaDevice, type Device, type Tensor } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { attention } from './attention.js';
import type { AttentionOptions } from './attention-options.js';
import { chunkPlan } from './chunked-attention.js';

// On a device that holds no data, chunked attention runs two chunks of each size and accounts the
// others' bytes at once (chunkPieces): the bytes must equal those of running every chunk, which the
// CPU device does (its accountant counts exactly as the meta device's), and the work must not grow
// with the number of chunks.

interface Trace {
  forward: { allocated: number; peak: number };
  ledger: { total: number; peak: number; byFunction: { function: string; bytes: number }[]; byModule: { module: string; bytes: number }[] };
  backward: { allocated: number; peak: number };
  end: number;
}

interface Setup {
  B: number;
  H: number;
  T: number;
  D: number;
  options: AttentionOptions;
  /** Which of q, k, v require grad; none: a forward without recording. */
  grads: readonly boolean[];
  /** A [B, 1, T, T] mask that varies over query rows (so each chunk narrows its rows). */
  mask?: boolean;
}

function run(device: Device, s: Setup): Trace {
  const { B, H, T, D } = s;
  const [q, k, v] = [0, 1, 2].map((i) => {
    const t = tc.randn([B, H, T, D], { device, seed: i + 1 });
    t.requiresGrad = s.grads[i]!;
    return t;
  }) as [Tensor, Tensor, Tensor];
  const mask = s.mask ? tc.scope(() => tc.gt(tc.rand([B, 1, T, T], { device, seed: 9 }), tc.full([], 0.2, { device }))) : null;
  device.memory.resetPeak();
  const recording = s.grads.some((g) => g);
  const { result: out, ledger } = withLedger(() =>
    recording ? attention(q, k, v, { ...s.options, mask }) : noGrad(() => attention(q, k, v, { ...s.options, mask })),
  );
  const forward = { allocated: device.memory.allocated, peak: device.memory.peak };
  const data = ledger.data();
  device.memory.resetPeak();
  const dOut = tc.onesLike(out);
  if (recording) backward(out, dOut);
  const after = { allocated: device.memory.allocated, peak: device.memory.peak };
  dOut.dispose();
  ledger.close();
  for (const t of [q, k, v]) t.grad?.dispose();
  for (const t of [q, k, v, out, mask]) t?.dispose();
  return {
    forward,
    ledger: {
      total: data.total,
      peak: data.peak,
      byFunction: data.byFunction.map(({ function: f, bytes }) => ({ function: f, bytes })),
      byModule: data.byModule.map(({ module, bytes }) => ({ module, bytes })),
    },
    backward: after,
    end: device.memory.allocated,
  };
}

// 29 query rows in 8 chunks: five of 4 rows, then three of 3, so both runs of equal chunks are
// longer than the two chunks run for real.
const [B, H, T, D] = [1, 2, 29, 4];
const cap = (B * H * T * T * 4) / 7.5 / 1e6;

describe('chunked attention on the meta device', () => {
  it('splits the test case into 5 chunks of 4 rows and 3 of 3', () => {
    expect(chunkPlan(B, H, T, T, cap).sizes).toEqual([4, 4, 4, 4, 4, 3, 3, 3]);
  });

  const setups: [string, Setup][] = [
    [
      'causal, dropout 0.1 (rng mask), all inputs require grad',
      { B, H, T, D, grads: [true, true, true], options: { impl: 'chunked', causal: true, dropout: 0.1, maxChunkSizeMb: cap } },
    ],
    [
      'non-causal, a query-varying mask, only q requires grad',
      { B, H, T, D, grads: [true, false, false], mask: true, options: { impl: 'chunked', maxChunkSizeMb: cap } },
    ],
    [
      'causal with a mask, only k and v require grad',
      { B, H, T, D, grads: [false, true, true], mask: true, options: { impl: 'chunked', causal: true, maxChunkSizeMb: cap } },
    ],
    [
      'B·H = 1 (each chunk of q is a view)',
      { B: 1, H: 1, T, D, grads: [true, true, true], options: { impl: 'chunked', causal: true, maxChunkSizeMb: cap / 2 } },
    ],
    ['one row per chunk', { B, H, T, D, grads: [true, true, true], options: { impl: 'chunked', causal: true, maxChunkSizeMb: 1e-9 } }],
    ['a forward without recording', { B, H, T, D, grads: [false, false, false], mask: true, options: { impl: 'chunked', causal: true, maxChunkSizeMb: cap } }],
  ];
  for (const [name, setup] of setups) {
    it(`accounts the bytes of running every chunk (CPU device): ${name}`, () => {
      const cpu = run(new CpuDevice(), setup);
      const meta = run(createMetaDevice(), setup);
      expect(meta).toEqual(cpu);
      expect(cpu.forward.peak).toBeGreaterThan(0);
    });
  }

  it('does the same work for 10 chunks as for 10,000: the op count does not grow with the chunks', () => {
    const opsFor = (chunks: number) => {
      const device = createMetaDevice();
      const [b, h, t, d] = [1, 2, 10_000, 8];
      const [q, k, v] = [0, 1, 2].map(() => {
        const x = tc.zeros([b, h, t, d], { device });
        x.requiresGrad = true;
        return x;
      }) as [Tensor, Tensor, Tensor];
      // The haiku rule gives ⌊bytes / cap⌋ + 1 chunks: a cap a little above bytes / (chunks − 1).
      const maxChunkSizeMb = (b * h * t * t * 4) / (chunks - 0.5) / 1e6;
      expect(chunkPlan(b, h, t, t, maxChunkSizeMb).numChunks).toBe(chunks);
      const before = device.opsRun;
      const out = attention(q, k, v, { impl: 'chunked', causal: true, dropout: 0.1, maxChunkSizeMb });
      const dOut = tc.onesLike(out);
      backward(out, dOut);
      dOut.dispose();
      const ops = device.opsRun - before;
      for (const x of [q, k, v]) x.grad?.dispose();
      for (const x of [q, k, v, out]) x.dispose();
      expect(device.memory.allocated).toBe(0);
      return ops;
    };
    const few = opsFor(10);
    expect(few).toBeGreaterThan(0);
    expect(opsFor(10_000)).toBe(few);
  });
});
