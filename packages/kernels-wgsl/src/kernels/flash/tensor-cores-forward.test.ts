import { createCpuDevice, fromArray, runOp, scope, zeros, type OpParams } from '@lightattn/tensor-core';
import { assertAllClose } from '@lightattn/tensor-core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { KernelCall } from '../../kernel-api.js';
import { attentionCaseData, type AttentionCase } from '../../test/attention-case.js';
import { webgpuTestDevice } from '../../test/webgpu-test-device.js';
import { flashAttentionTensorCoreForwardSteps, tensorCoreForwardBytes, type TensorCoreForwardOptions } from './tensor-cores-forward.js';
import { TENSOR_CORE_FORWARD } from './select.js';

/**
 * The shipped tensor-core forward (one pass, one f16 per operand, staged k and v) with its
 * subgroup-matrix products emulated in plain WGSL, so it runs on any WebGPU device; on a GPU with
 * subgroup matrices the same generator emits real ones (lab/flash/tensor-cores-forward-bench.ts
 * checks them against the CPU there).
 */
const device = await webgpuTestDevice();
const cpu = createCpuDevice();

describe('tensor-core forward tile', () => {
  it("the device's tile fits 48 KiB of workgroup memory up to head size 128", () => {
    expect(tensorCoreForwardBytes(TENSOR_CORE_FORWARD, 2, 64)).toBeLessThanOrEqual(49152);
    expect(tensorCoreForwardBytes(TENSOR_CORE_FORWARD, 2, 128)).toBeLessThanOrEqual(49152);
  });
});

describe.skipIf(!device)('tensor-core flash attention forward, emulated on WebGPU', () => {
  const d = device!;
  afterAll(() => d.destroy());
  const tile = (subgroups: number, rows: number, bc: number): TensorCoreForwardOptions => ({ emulate: true, subgroups, rows, bc });

  async function check(o: TensorCoreForwardOptions, c: AttentionCase): Promise<void> {
    const { Dv, q, k, v, mask, params } = attentionCaseData(c, c.Tq * 13 + c.Tk * 5 + c.D);
    const label = `${JSON.stringify(o)} ${JSON.stringify(c)}`;
    await scope(async () => {
      const on = (dev: typeof d | typeof cpu) => [
        fromArray(q.data, { shape: q.shape, device: dev }),
        fromArray(k.data, { shape: k.shape, device: dev }),
        fromArray(v.data, { shape: v.shape, device: dev }),
        fromArray(mask.data, { shape: mask.shape, dtype: 'bool', device: dev }),
      ];
      const [ro, rl] = runOp('flashAttention', on(cpu), params);
      const out = zeros([c.B, c.H, c.Tq, Dv], { device: d });
      const lse = zeros([c.B, c.H, c.Tq], { device: d });
      const call = { op: 'flashAttention', inputs: on(d), outputs: [out, lse], params, device: d.kernelInfo, errorTag: 0 } as KernelCall<'flashAttention'>;
      d.runSteps(call, flashAttentionTensorCoreForwardSteps(call, o));
      // One f16 per operand keeps 11 bits: about 1e-3.
      const tol = { rtol: 4e-3, atol: 4e-3 };
      assertAllClose(await out.toArray(), await ro!.toArray(), tol, `${label} o`);
      assertAllClose(await lse.toArray(), await rl!.toArray(), tol, `${label} lse`);
    });
  }

  it(
    'matches the f32 reference: causal tile edges, padding masks, dropout, query chunks, Dv ≠ D, 16 or 32 rows per subgroup',
    { timeout: 240_000 },
    async () => {
      await check(tile(2, 16, 16), { B: 1, H: 2, Tq: 37, Tk: 37, D: 16, params: { causal: true } });
      await check(tile(1, 32, 32), { B: 2, H: 1, Tq: 19, Tk: 19, D: 32, padded: true, params: { causal: true, p: 0.25, seed: 9, offset: 2 } });
      await check(tile(2, 16, 16), { B: 1, H: 1, Tq: 9, Tk: 20, D: 18, Dv: 12 });
      await check(tile(1, 32, 16), { B: 1, H: 2, Tq: 7, Tk: 30, D: 16, params: { causal: true, rowOffset: 5, rows: 30 } });
    },
  );

  it('rescales the accumulators when a row maximum grows along the keys', { timeout: 240_000 }, async () => {
    // Keys scaled up along the sequence: every tile raises the row maxima by more than the margin,
    // and the scores reach ±60, far from where they start.
    await check(tile(2, 16, 16), { B: 1, H: 1, Tq: 70, Tk: 70, D: 16, keyRamp: 12, params: { causal: true } });
    await check(tile(1, 32, 16), { B: 1, H: 1, Tq: 23, Tk: 90, D: 32, keyRamp: 8, padded: true, params: { p: 0.5, seed: 3, offset: 1 } });
  });

  it('a fully masked row gives zeros and L = −Inf', { timeout: 60_000 }, async () => {
    for (const form of [tile(1, 16, 16), tile(1, 32, 16)]) {
      await scope(async () => {
        const q = fromArray(new Array(2 * 3 * 16).fill(0.5), { shape: [2, 1, 3, 16], device: d });
        const k = fromArray(new Array(2 * 4 * 16).fill(0.25), { shape: [2, 1, 4, 16], device: d });
        const v = fromArray(new Array(2 * 4 * 16).fill(1), { shape: [2, 1, 4, 16], device: d });
        const mask = fromArray([1, 1, 0, 1, 0, 0, 0, 0], { shape: [2, 1, 1, 4], dtype: 'bool', device: d });
        const out = zeros([2, 1, 3, 16], { device: d });
        const lse = zeros([2, 1, 3], { device: d });
        const params: OpParams<'flashAttention'> = { causal: false, scale: 0.25, p: 0, seed: 0, offset: 0, rowOffset: 0, rows: 3 };
        const call = {
          op: 'flashAttention',
          inputs: [q, k, v, mask],
          outputs: [out, lse],
          params,
          device: d.kernelInfo,
          errorTag: 0,
        } as KernelCall<'flashAttention'>;
        d.runSteps(call, flashAttentionTensorCoreForwardSteps(call, form));
        const o = await out.toArray();
        expect(o.slice(0, 48).every((x) => Math.abs(x - 1) < 1e-6)).toBe(true);
        expect(o.slice(48).every((x) => x === 0)).toBe(true);
        expect(Array.from(await lse.toArray()).slice(3)).toEqual([-Infinity, -Infinity, -Infinity]);
      });
    }
  });

  it('an input beyond f16 range is reported at the next sync, not turned into Inf', { timeout: 60_000 }, async () => {
    await expect(check(tile(1, 16, 16), { B: 1, H: 1, Tq: 5, Tk: 5, D: 16, scaleUp: 1e6 })).rejects.toThrow(/65504/);
  });
});
