import { backward, noGrad, withLedger, type SavedBytesLedger } from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import { createMetaDevice, type MetaDevice, type Tensor } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { attention } from './attention.js';
import type { AttentionOptions } from './attention-options.js';
import { chunkPlan } from './chunked-attention.js';

// What each implementation keeps for the backward, measured by autograd's saved-bytes ledger on the
// meta device (shapes and bytes only), against the formula each implementation documents.

const F32 = 4;

interface Case {
  B: number;
  H: number;
  T: number;
  D: number;
}

function leaves(device: MetaDevice, { B, H, T, D }: Case): Tensor[] {
  return [0, 1, 2].map(() => {
    const t = tc.zeros([B, H, T, D], { device });
    t.requiresGrad = true;
    return t;
  });
}

/** Saved bytes of one forward, and the ledger (closed after). */
function saved(c: Case, options: AttentionOptions, mask?: (device: MetaDevice) => Tensor): { total: number; ledger: SavedBytesLedger } {
  const device = createMetaDevice();
  const [q, k, v] = leaves(device, c);
  const m = mask?.(device) ?? null;
  const { result, ledger } = withLedger(() => attention(q!, k!, v!, { ...options, mask: m }));
  const total = ledger.total;
  // The backward releases every saved storage: nothing stays live.
  backward(result, tc.zeros(result.shape, { device }));
  expect(ledger.live).toBe(0);
  ledger.close();
  for (const t of [q!, k!, v!, result, m]) t?.dispose();
  return { total, ledger };
}

describe('saved bytes by the ledger equal each implementation’s formula', () => {
  const shapes: Case[] = [
    { B: 2, H: 3, T: 64, D: 16 },
    { B: 1, H: 12, T: 1024, D: 64 },
    { B: 3, H: 1, T: 7, D: 24 },
  ];
  for (const c of shapes) {
    const { B, H, T, D } = c;
    const n2 = B * H * T * T; // elements of one [B, H, T, T] tensor
    const nd = B * H * T * D; // elements of one [B, H, T, D] tensor
    describe(`B ${B}, H ${H}, T ${T}, D ${D}`, () => {
      it('vanilla: scores S, probabilities P, dropped P (f32) + the bool dropout mask + q, k, v', () => {
        expect(saved(c, { impl: 'vanilla', causal: true, dropout: 0.1 }).total).toBe(3 * F32 * n2 + 1 * n2 + 3 * F32 * nd);
      });
      it('vanilla without dropout: S and P (the dropped P is P) + q, k, v', () => {
        expect(saved(c, { impl: 'vanilla', causal: true }).total).toBe(2 * F32 * n2 + 3 * F32 * nd);
      });
      it('vanilla + use_lightsoftmax: P, dropped P and the mask (no S)', () => {
        expect(saved(c, { impl: 'vanilla', causal: true, dropout: 0.1, useLightSoftmax: true }).total).toBe(2 * F32 * n2 + n2 + 3 * F32 * nd);
      });
      it('vanilla + use_dropmatmul: S and P, no dropped P and no mask', () => {
        expect(saved(c, { impl: 'vanilla', causal: true, dropout: 0.1, useDropMatmul: true }).total).toBe(2 * F32 * n2 + 3 * F32 * nd);
      });
      it('light: one B·H·T² f32 tensor (P), the pre-scaled q and k, v — mask regenerated (0 bytes)', () => {
        const { total, ledger } = saved(c, { impl: 'light', causal: true, dropout: 0.1 });
        expect(total).toBe(1 * F32 * n2 + 3 * F32 * nd);
        // By function: LightSoftmax keeps P; DropMatmul keeps v (P is the same storage, counted once); the matmul q·kᵀ keeps qs, ks.
        const rows = Object.fromEntries(
          ledger
            .byFunction()
            .filter((r) => r.bytes > 0)
            .map((r) => [r.function, r.bytes]),
        );
        expect(rows).toEqual({ lightSoftmax: F32 * n2, dropMatmul: F32 * nd, matmul: 2 * F32 * nd });
      });
      it('light with a packed mask: + 4·⌈B·H·T²/32⌉ bytes (1 bit per element)', () => {
        expect(saved(c, { impl: 'light', causal: true, dropout: 0.1, maskStorage: 'packed' }).total).toBe(F32 * n2 + 4 * Math.ceil(n2 / 32) + 3 * F32 * nd);
      });
      it('chunked: O(T·d) — each chunk keeps only its inputs (its rows of q·d^-¼, k·d^-¼, v)', () => {
        expect(saved(c, { impl: 'chunked', causal: true, dropout: 0.1, maxChunkSizeMb: (F32 * n2) / 4e6 }).total).toBe(3 * F32 * nd);
      });
      it('flash: O(T·d) — q, k, v, O and L (B·H·T floats)', () => {
        expect(saved(c, { impl: 'flash', causal: true, dropout: 0.1 }).total).toBe(4 * F32 * nd + F32 * B * H * T);
      });
    });
  }

  it('a [B, 1, 1, T] padding mask is saved by chunked and flash (B·T bytes), not by vanilla or light', () => {
    const c = { B: 2, H: 2, T: 16, D: 8 };
    const nd = 2 * 2 * 16 * 8;
    const n2 = 2 * 2 * 16 * 16;
    const mask = (device: MetaDevice) => tc.full([2, 1, 1, 16], 1, { dtype: 'bool', device });
    expect(saved(c, { impl: 'vanilla', causal: true }, mask).total).toBe(2 * F32 * n2 + 3 * F32 * nd);
    expect(saved(c, { impl: 'light', causal: true }, mask).total).toBe(F32 * n2 + 3 * F32 * nd);
    expect(saved(c, { impl: 'chunked', causal: true, maxChunkSizeMb: 1e-3 }, mask).total).toBe(3 * F32 * nd + 2 * 16);
    expect(saved(c, { impl: 'flash', causal: true }, mask).total).toBe(4 * F32 * nd + F32 * 2 * 2 * 16 + 2 * 16);
  });
});

/** Runs `fn` on a fresh meta device and reports the sizes of all allocations and the peak above the starting bytes. */
function allocations(fn: (device: MetaDevice) => void): { sizes: number[]; transientPeak: number } {
  const device = createMetaDevice();
  const sizes: number[] = [];
  const onAllocate = device.memory.onAllocate.bind(device.memory);
  device.memory.onAllocate = (a) => {
    sizes.push(a.byteLength);
    onAllocate(a);
  };
  const before = { allocated: device.memory.allocated };
  device.memory.resetPeak();
  fn(device);
  const transientPeak = device.memory.peak - before.allocated;
  return { sizes, transientPeak };
}

describe('transient memory on the meta device', () => {
  it('chunked attention: the forward peak stays under 2 × the chunk logits + its keep mask + O(T·d), and each logits tensor under the cap + one row', () => {
    const [B, H, T, D] = [1, 2, 512, 16];
    const capMb = 0.1;
    const plan = chunkPlan(B, H, T, T, capMb);
    expect(plan.numChunks).toBe(Math.floor((B * H * T * T * F32) / (capMb * 1e6)) + 1); // dm-haiku's formula: 21
    const rows = Math.max(...plan.sizes);
    const chunkLogits = B * H * rows * T * F32;
    const rowBytes = B * H * T * F32;
    expect(chunkLogits).toBeLessThanOrEqual(capMb * 1e6 + rowBytes);
    const nd = B * H * T * D * F32;
    let inputs = 0;
    const { sizes, transientPeak } = allocations((device) => {
      const [q, k, v] = [0, 1, 2].map(() => tc.zeros([B, H, T, D], { device }));
      inputs = 3 * nd;
      device.memory.resetPeak();
      const out = noGrad(() => attention(q!, k!, v!, { impl: 'chunked', causal: true, dropout: 0.1, maxChunkSizeMb: capMb }));
      for (const t of [q, k, v, out]) t!.dispose();
    });
    // Working set: scores + probabilities of one chunk, its [rows, T] keep mask (bool) and the causal
    // mask's index vectors; plus O(T·d): q·d^-¼, k·d^-¼, a chunk of q, the chunk outputs and their concat.
    const bound = 2 * chunkLogits + rows * T + (rows + T) * 4 + 5 * nd;
    expect(transientPeak - inputs).toBeLessThanOrEqual(bound);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(chunkLogits);
    // Unchunked light attention needs the whole logits twice over.
    const whole = allocations((device) => {
      const [q, k, v] = [0, 1, 2].map(() => tc.zeros([B, H, T, D], { device }));
      device.memory.resetPeak();
      const out = noGrad(() => attention(q!, k!, v!, { impl: 'light', causal: true, dropout: 0.1 }));
      for (const t of [q, k, v, out]) t!.dispose();
    });
    expect(whole.transientPeak).toBeGreaterThan(2 * B * H * T * T * F32);
    expect(transientPeak).toBeLessThan(whole.transientPeak / 5);
  });

  it('pre-scaling: light attention allocates two T×T f32 tensors (scores, probabilities); vanilla three (its scaled copy of the scores)', () => {
    const [B, H, T, D] = [2, 2, 64, 16];
    const tt = B * H * T * T * F32;
    const count = (impl: 'light' | 'vanilla') =>
      allocations((device) => {
        const [q, k, v] = [0, 1, 2].map(() => {
          const t = tc.zeros([B, H, T, D], { device });
          t.requiresGrad = true;
          return t;
        });
        const out = attention(q!, k!, v!, { impl });
        for (const t of [q, k, v, out]) t!.dispose();
      }).sizes.filter((s) => s === tt).length;
    expect(count('light')).toBe(2);
    expect(count('vanilla')).toBe(3);
  });

  it('flash attention allocates no T×T tensor at all, forward or backward', () => {
    const [B, H, T, D] = [1, 2, 256, 16];
    const { sizes } = allocations((device) => {
      const [q, k, v] = [0, 1, 2].map(() => {
        const t = tc.zeros([B, H, T, D], { device });
        t.requiresGrad = true;
        return t;
      });
      const out = attention(q!, k!, v!, { impl: 'flash', causal: true, dropout: 0.1 });
      backward(out, tc.zeros(out.shape, { device }));
      for (const t of [q, k, v, out]) t!.dispose();
    });
    expect(Math.max(...sizes)).toBeLessThan(B * H * T * T);
  });
});
