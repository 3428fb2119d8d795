import { broadcastStrides, fromArray, numel, scope, zeros } from '@lightattn/tensor-core';
import { TestData } from '@lightattn/tensor-core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { KernelCall } from '../../kernel-api.js';
import { webgpuTestDevice } from '../../test/webgpu-test-device.js';
import type { GemmConfig } from './gemm-config.js';
import { gemmSteps, type GemmOptions } from './gemm-steps.js';

/**
 * The GEMM engine with its subgroup-matrix products emulated in plain WGSL (the same generator
 * emits real subgroup matrices on GPUs that have them), against float64 references. Each
 * precision's bound is on the error relative to Σ_k |a_ik·b_kj| (what rounding the operands can
 * move), with f32 accumulation's K·2⁻²³ on top:
 *   'high'   (hi + lo, ~22 bits per operand):  2⁻²⁰ + K·2⁻²³
 *   'medium' (one f16, 11 bits per operand):   2⁻¹⁰ + K·2⁻²³
 */
const device = await webgpuTestDevice();

/** Small tiles (the emulation keeps operands as f32 in workgroup memory): 64×16 and 16×64 blocks, K steps of 32 and 16. */
const TALL: GemmConfig = { gm: 2, gn: 1, sm: 32, sn: 16, bk: 32 };
const WIDE: GemmConfig = { gm: 1, gn: 2, sm: 16, sn: 32, bk: 16 };

interface Case {
  readonly a: readonly number[];
  readonly b: readonly number[];
  readonly transA?: boolean;
  readonly transB?: boolean;
  /** Scale of the inputs (per-matrix power-of-two scaling keeps f16 from clipping). */
  readonly magnitude?: number;
}

/** out[..., i, j] = Σ_k a·b in float64 with broadcast batch dims, and Σ |a·b|. */
function reference(c: Case, a: Float32Array, b: Float32Array): { shape: number[]; sum: Float64Array; abs: Float64Array; k: number } {
  const [ar, ac] = c.a.slice(-2) as [number, number];
  const [br, bc] = c.b.slice(-2) as [number, number];
  const [m, k] = c.transA ? [ac, ar] : [ar, ac];
  const n = c.transB ? br : bc;
  const aBatch = c.a.slice(0, -2);
  const bBatch = c.b.slice(0, -2);
  const rank = Math.max(aBatch.length, bBatch.length);
  const pad = (s: readonly number[]) => [...Array<number>(rank - s.length).fill(1), ...s];
  const batchShape = pad(aBatch).map((x, i) => Math.max(x, pad(bBatch)[i]!));
  const as = broadcastStrides(aBatch, batchShape);
  const bs = broadcastStrides(bBatch, batchShape);
  const batch = numel(batchShape);
  const sum = new Float64Array(batch * m * n);
  const abs = new Float64Array(batch * m * n);
  for (let t = 0; t < batch; t++) {
    let [ia, ib, rest] = [0, 0, t];
    for (let d = rank - 1; d >= 0; d--) {
      const index = rest % batchShape[d]!;
      rest = Math.floor(rest / batchShape[d]!);
      ia += index * as[d]!;
      ib += index * bs[d]!;
    }
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        let x = 0;
        for (let p = 0; p < k; p++) {
          const av = a[ia * m * k + (c.transA ? p * m + i : i * k + p)]!;
          const bv = b[ib * k * n + (c.transB ? j * k + p : p * n + j)]!;
          s += av * bv;
          x += Math.abs(av * bv);
        }
        sum[(t * m + i) * n + j] = s;
        abs[(t * m + i) * n + j] = x;
      }
    }
  }
  return { shape: [...batchShape, m, n], sum, abs, k };
}

describe.skipIf(!device)('GEMM engine on emulated subgroup matrices', () => {
  const d = device!;
  afterAll(() => d.destroy());

  /** Runs the engine on the case; returns the largest error relative to Σ|a·b| over its bound. */
  async function check(o: GemmOptions, c: Case): Promise<number> {
    const data = new TestData(numel(c.a) * 7 + numel(c.b) * 3 + (c.transA ? 1 : 0) + (c.transB ? 2 : 0));
    const r = c.magnitude ?? 1;
    const a = Float32Array.from(data.f32(c.a, -r, r).data);
    const b = Float32Array.from(data.f32(c.b, -1, 1).data);
    const ref = reference(c, a, b);
    const got = await scope(async () => {
      const out = zeros(ref.shape, { device: d });
      const inputs = [fromArray(a, { shape: [...c.a], device: d }), fromArray(b, { shape: [...c.b], device: d })];
      const call = {
        op: 'matmul',
        inputs,
        outputs: [out],
        params: { transA: !!c.transA, transB: !!c.transB },
        device: d.kernelInfo,
        errorTag: 0,
      } as KernelCall<'matmul'>;
      d.runSteps(call, gemmSteps(call, { emulate: true, ...o }));
      return out.toArray();
    });
    const bound = (o.precision === 'high' ? 2 ** -20 : 2 ** -10) + ref.k * 2 ** -23;
    let worst = 0;
    for (let i = 0; i < ref.sum.length; i++) {
      const err = Math.abs(got[i]! - ref.sum[i]!);
      // An all-zero row of products (K = 0) must give exactly 0.
      worst = Math.max(worst, ref.abs[i]! === 0 ? (err === 0 ? 0 : Infinity) : err / ref.abs[i]! / bound);
    }
    expect(worst, `${JSON.stringify(o)} ${JSON.stringify(c)}`).toBeLessThanOrEqual(1);
    return worst;
  }

  const both = async (c: Case, config: GemmConfig = TALL) => {
    await check({ precision: 'high', config }, c);
    await check({ precision: 'medium', config }, c);
  };

  it('edge sizes 1, 15, 16, 17, 63, 65, 127 in M, N and K, both precisions', { timeout: 300_000 }, async () => {
    await both({ a: [1, 1], b: [1, 1] });
    await both({ a: [15, 16], b: [16, 17] });
    await both({ a: [17, 63], b: [63, 15] }, WIDE);
    await both({ a: [63, 17], b: [17, 65] });
    await both({ a: [65, 127], b: [127, 1] });
    await both({ a: [127, 15], b: [15, 16] }, WIDE);
    await both({ a: [16, 0], b: [0, 17] });
  });

  it('all four transposes, tiles whole and at the edges', { timeout: 300_000 }, async () => {
    for (const [transA, transB] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      const a = transA ? [65, 64] : [64, 65];
      const b = transB ? [32, 65] : [65, 32];
      await both({ a, b, transA, transB });
      await both({ a: transA ? [17, 63] : [63, 17], b: transB ? [15, 17] : [17, 15], transA, transB }, WIDE);
    }
  });

  it('batched products with broadcast batch dims', { timeout: 300_000 }, async () => {
    await both({ a: [2, 3, 17, 16], b: [3, 16, 15] });
    await both({ a: [2, 1, 15, 33], b: [1, 3, 33, 17], transA: false, transB: false });
    await both({ a: [16, 17], b: [4, 17, 20] }, WIDE);
    await both({ a: [3, 20, 16], b: [17, 20], transA: true, transB: true });
  });

  it('the 50257-wide LM head (x·Wᵀ, W [V, C]) and its weight gradient (dYᵀ·x)', { timeout: 300_000 }, async () => {
    await both({ a: [2, 3], b: [50257, 3], transB: true }, WIDE);
    await both({ a: [2, 50257], b: [2, 3], transA: true });
  });

  it('scales each operand matrix by a power of two: magnitudes far outside f16 keep their relative error', { timeout: 300_000 }, async () => {
    await both({ a: [2, 17, 33], b: [2, 33, 15], magnitude: 1e6 });
    await both({ a: [17, 33], b: [33, 15], magnitude: 1e-7 });
  });

  it("'high' is about 2¹¹ times more accurate than 'medium'", { timeout: 120_000 }, async () => {
    const c: Case = { a: [33, 64], b: [64, 31] };
    const high = await check({ precision: 'high', config: TALL }, c);
    const medium = await check({ precision: 'medium', config: TALL }, c);
    // Both measured against their own bounds (2⁻²⁰ + K·2⁻²³ and 2⁻¹⁰ + K·2⁻²³): 'medium' uses a
    // sizeable share of its bound; 'high' far less of its tighter one than f16 rounding would need.
    expect(medium).toBeGreaterThan(0.05);
    expect(high * (2 ** -20 + 64 * 2 ** -23)).toBeLessThan((medium * (2 ** -10 + 64 * 2 ** -23)) / 100);
  });
});
