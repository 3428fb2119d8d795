import { createCpuDevice, fromArray, runOp, scope, zeros } from '@lightattn/tensor-core';
import { assertAllClose, toleranceFor } from '@lightattn/tensor-core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { KernelCall } from '../../kernel-api.js';
import { attentionCaseData, type AttentionCase } from '../../test/attention-case.js';
import { webgpuTestDevice } from '../../test/webgpu-test-device.js';
import { flashAttentionTensorCoreBackwardSteps, tensorCoreBackwardBytes, type TensorCoreBackwardOptions } from './tensor-cores-backward.js';

/**
 * The tensor-core backward's logic (f16 copies, D, dQ over key tiles, dK/dV over query tiles,
 * masks, dropout, causal skipping, edges) with its subgroup-matrix products emulated in plain WGSL;
 * bench/flash-attention-tensor-cores-bench.ts runs the real ones on a GPU machine.
 */
const device = await webgpuTestDevice();
const cpu = createCpuDevice();

describe('tensor-core backward workgroup memory', () => {
  it('fits 4 subgroups × 16 rows and tiles of 16 with split operands for head size 64 in 48 KiB', () => {
    expect(tensorCoreBackwardBytes({ subgroups: 4, bc: 16 }, 2, true, 64, 64)).toBeLessThanOrEqual(49152);
    expect(tensorCoreBackwardBytes({ subgroups: 8, bc: 32 }, 2, true, 64, 64)).toBeGreaterThan(49152);
  });
});

describe.skipIf(!device)('tensor-core flash attention backward, emulated on WebGPU', () => {
  const d = device!;
  afterAll(() => d.destroy());

  /** The CPU forward's O and L feed both backwards; dq, dk, dv are compared with the CPU's. */
  /** `gScale` multiplies the output gradient (training's are about 1/(B·T)); outputs are compared divided by it. */
  async function check(o: TensorCoreBackwardOptions, c: AttentionCase, gScale = 1, vScale = 1): Promise<void> {
    const { q, k, v: v1, g: g1, mask, params } = attentionCaseData(c, c.Tq * 17 + c.Tk * 3 + c.D);
    const v = { shape: v1.shape, data: v1.data.map((x) => x * vScale) };
    const g = { shape: g1.shape, data: g1.data.map((x) => x * gScale) };
    const [maskShape, maskData] = [mask.shape, mask.data];
    await scope(async () => {
      const on = (dev: typeof d | typeof cpu) => [q, k, v].map((x) => fromArray(x.data, { shape: x.shape, device: dev }));
      const [cq, ck, cv] = on(cpu);
      const cmask = fromArray(maskData, { shape: maskShape, dtype: 'bool', device: cpu });
      const cg = fromArray(g.data, { shape: g.shape, device: cpu });
      const [ro, rl] = runOp('flashAttention', [cq!, ck!, cv!, cmask], params);
      const [rdq, rdk, rdv] = runOp('flashAttentionBackward', [cq!, ck!, cv!, cmask, ro!, rl!, cg], params);
      const [xq, xk, xv] = on(d);
      const inputs = [
        xq!,
        xk!,
        xv!,
        fromArray(maskData, { shape: maskShape, dtype: 'bool', device: d }),
        fromArray(await ro!.toArray(), { shape: ro!.shape, device: d }),
        fromArray(await rl!.toArray(), { shape: rl!.shape, device: d }),
        fromArray(g.data, { shape: g.shape, device: d }),
      ];
      const outputs = [zeros(q.shape, { device: d }), zeros(k.shape, { device: d }), zeros(v.shape, { device: d })];
      const call = { op: 'flashAttentionBackward', inputs, outputs, params, device: d.kernelInfo, errorTag: 0 } as KernelCall<'flashAttentionBackward'>;
      d.runSteps(call, flashAttentionTensorCoreBackwardSteps(call, o));
      // Split operands keep ~22 bits: f32 tolerances. One f16 per operand keeps 11.
      const tol = o.split ? toleranceFor('flashAttentionBackward', { k: c.Tq + c.Tk + c.D }) : { rtol: 1e-2, atol: 1e-2 };
      const label = `${JSON.stringify(o)} ${JSON.stringify(c)}`;
      for (const [name, a, e] of [
        ['dq', outputs[0]!, rdq!],
        ['dk', outputs[1]!, rdk!],
        ['dv', outputs[2]!, rdv!],
      ] as const) {
        const unscale = (x: ArrayLike<number>) => Array.from(x, (y) => y / gScale);
        assertAllClose(unscale(await a.toArray()), unscale(await e.toArray()), tol, `${label} ${name} (gradient ×${gScale})`);
      }
    });
  }

  const tile = (split: boolean, subgroups: number, bc: number): TensorCoreBackwardOptions => ({ emulate: true, split, subgroups, bc });

  it(
    'split operands match the f32 reference: causal tile edges, padding masks, dropout, query chunks, Dv ≠ D, cross-attention',
    { timeout: 240_000 },
    async () => {
      await check(tile(true, 2, 16), { B: 1, H: 2, Tq: 37, Tk: 37, D: 16, params: { causal: true } });
      await check(tile(true, 1, 16), { B: 2, H: 1, Tq: 19, Tk: 19, D: 32, padded: true, params: { causal: true, p: 0.25, seed: 9, offset: 2 } });
      await check(tile(true, 1, 32), { B: 1, H: 1, Tq: 9, Tk: 20, D: 18, Dv: 12 });
      await check(tile(true, 1, 16), { B: 1, H: 2, Tq: 7, Tk: 30, D: 16, params: { causal: true, rowOffset: 5, rows: 30 } });
    },
  );

  it('one f16 per operand matches to f16 precision', { timeout: 120_000 }, async () => {
    await check(tile(false, 2, 16), { B: 1, H: 1, Tq: 33, Tk: 33, D: 16, params: { causal: true } });
  });

  it('output gradients far below or above f16 normals (training has dO ≈ 1/(B·T)) are scaled into range per matrix', { timeout: 240_000 }, async () => {
    await check(tile(false, 2, 16), { B: 2, H: 1, Tq: 21, Tk: 21, D: 16, params: { causal: true } }, 1);
    await check(tile(false, 2, 16), { B: 2, H: 1, Tq: 21, Tk: 21, D: 16, params: { causal: true } }, 1e-7);
    await check(tile(false, 2, 16), { B: 1, H: 2, Tq: 21, Tk: 21, D: 16 }, 3e4);
    await check(tile(true, 1, 16), { B: 1, H: 1, Tq: 17, Tk: 17, D: 16, params: { causal: true } }, 1e-7);
    // Over 16384 elements per matrix: the maximum is taken in two levels.
    await check(tile(false, 2, 16), { B: 1, H: 2, Tq: 300, Tk: 40, D: 64, Dv: 64 }, 1e-6);
  });

  it(
    'a score gradient beyond f16 range (dO·vᵀ with values of v in the tens of thousands) is reported at the next sync, not turned into Inf',
    { timeout: 60_000 },
    async () => {
      await expect(check(tile(false, 1, 16), { B: 1, H: 1, Tq: 9, Tk: 9, D: 16 }, 1, 30000)).rejects.toThrow(/score gradient dS .* reached magnitude 65504/);
    },
  );
});
