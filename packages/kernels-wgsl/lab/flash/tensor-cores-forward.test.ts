import { createCpuDevice, DeviceError, fromArray, runOp, scope, zeros, type OpParams } from '@lightattn/tensor-core';
import { assertAllClose, toleranceFor } from '@lightattn/tensor-core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { KernelCall, KernelDeviceInfo } from '../../src/kernel-api.js';
import { attentionCaseData, type AttentionCase } from '../../src/test/attention-case.js';
import { webgpuTestDevice } from '../../src/test/webgpu-test-device.js';
import { directForwardBytes, flashAttentionTensorCoreDirectSteps, type DirectOptions } from './tensor-cores-direct.js';
import { flashAttentionTensorCoreDispatch, selectTensorCoreTile, tensorCoreForwardBytes, type TensorCoreOptions } from './tensor-cores-two-stage.js';
import { MatrixEmitter } from '../../src/kernels/wgsl/subgroup-matrix.js';

/**
 * The tensor-core forward's logic (staging as f16 hi/lo, scores per subgroup, the two stages, masks,
 * dropout, edges) runs here with its subgroup-matrix products emulated in plain WGSL, on any WebGPU
 * device; on a GPU machine the same generator emits real subgroup matrices
 * (bench/flash-attention-tensor-cores-bench.ts checks them against the CPU there).
 */
const device = await webgpuTestDevice();
const cpu = createCpuDevice();

describe('tensor-core tile selection', () => {
  const info = (storage: number) => ({ limits: { maxComputeWorkgroupStorageSize: storage, maxComputeInvocationsPerWorkgroup: 1024 } }) as KernelDeviceInfo;
  it('fits 64 query rows × 32 keys of split f16 operands for head size 64 in 48 KiB, and fewer rows for 128', () => {
    expect(selectTensorCoreTile(64, 64, 2, true, info(49152))).toEqual({ subgroups: 4, bc: 32 });
    const t128 = selectTensorCoreTile(128, 128, 2, true, info(49152));
    expect(tensorCoreForwardBytes(t128, 128, 128, 2, true)).toBeLessThanOrEqual(49152);
    expect(() => selectTensorCoreTile(128, 128, 4, true, info(8192))).toThrow(DeviceError);
  });
  it('emits the split product as scaled cross terms, then the hi·hi terms', () => {
    const e = new MatrixEmitter(false, true);
    const op = (array: string) => () => ({ array, offset: '0u', colMajor: false, stride: 16 });
    const code = e.product('acc', 1, op('a'), op('b'));
    const order = [
      'subgroupMatrixScalarMultiply(acc, 2048.0)',
      'mm_lhi, mm_rlo',
      'mm_llo, mm_rhi',
      'subgroupMatrixScalarMultiply(acc, 0.00048828125)',
      'mm_lhi, mm_rhi',
    ].map((s) => code.indexOf(s));
    expect(order.every((x) => x >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

/** Either form of the tensor-core forward: staged (lab/flash/tensor-cores-two-stage.ts) or direct (…-direct.ts). */
type Form = TensorCoreOptions | (DirectOptions & { direct: true });
const steps = (call: KernelCall<'flashAttention'>, o: Form) =>
  'direct' in o ? flashAttentionTensorCoreDirectSteps(call, o) : flashAttentionTensorCoreDispatch(call, o);

describe.skipIf(!device)('tensor-core flash attention forward, emulated on WebGPU', () => {
  const d = device!;
  afterAll(() => d.destroy());

  async function check(o: Form, c: AttentionCase): Promise<void> {
    const { Dv, q, k, v, mask, params } = attentionCaseData(c, c.Tq * 13 + c.Tk * 5 + c.D);
    const [maskShape, maskData] = [mask.shape, mask.data];
    const label = `${JSON.stringify(o)} ${JSON.stringify(c)}`;
    await scope(async () => {
      const on = (dev: typeof d | typeof cpu) => [
        fromArray(q.data, { shape: q.shape, device: dev }),
        fromArray(k.data, { shape: k.shape, device: dev }),
        fromArray(v.data, { shape: v.shape, device: dev }),
        fromArray(maskData, { shape: maskShape, dtype: 'bool', device: dev }),
      ];
      const [ro, rl] = runOp('flashAttention', on(cpu), params);
      const out = zeros([c.B, c.H, c.Tq, Dv], { device: d });
      const lse = zeros([c.B, c.H, c.Tq], { device: d });
      const call = { op: 'flashAttention', inputs: on(d), outputs: [out, lse], params, device: d.kernelInfo, errorTag: 0 } as KernelCall<'flashAttention'>;
      d.runSteps(call, steps(call, o));
      // Split operands keep ~22 bits: f32 tolerances. One f16 per operand keeps 11: about 1e-3.
      const tol = o.split ? toleranceFor('flashAttention', { k: c.Tk + c.D }) : { rtol: 4e-3, atol: 4e-3 };
      assertAllClose(await out.toArray(), await ro!.toArray(), tol, `${label} o`);
      assertAllClose(await lse.toArray(), await rl!.toArray(), tol, `${label} lse`);
    });
  }

  const tile = (split: boolean, subgroups = 2, bc = 16): TensorCoreOptions => ({ emulate: true, split, subgroups, bc });
  const direct = (
    split: boolean,
    subgroups: number,
    rows: number,
    bc: number,
    kv: 'direct' | 'staged' = 'direct',
    separateCross = false,
    onePass = false,
  ): Form => ({ direct: true, emulate: true, split, subgroups, rows, bc, kv, separateCross, onePass });
  const edgeCases = (form: (split: boolean, n: number) => Form) => async () => {
    await check(form(true, 0), { B: 1, H: 2, Tq: 37, Tk: 37, D: 16, params: { causal: true } });
    await check(form(true, 1), { B: 2, H: 1, Tq: 19, Tk: 19, D: 32, padded: true, params: { causal: true, p: 0.25, seed: 9, offset: 2 } });
    await check(form(true, 0), { B: 1, H: 1, Tq: 9, Tk: 20, D: 18, Dv: 12 });
    await check(form(true, 1), { B: 1, H: 2, Tq: 7, Tk: 30, D: 16, params: { causal: true, rowOffset: 5, rows: 30 } });
    await check(form(true, 2), { B: 1, H: 1, Tq: 21, Tk: 50, D: 64 });
  };

  it(
    'split operands match the f32 reference: causal tile edges, padding masks, dropout, query chunks, Dv ≠ D',
    { timeout: 120_000 },
    edgeCases((split, n) => [tile(split), tile(split), tile(split, 1, 16)][n]!),
  );

  it('the direct form (f16 copies in storage, fragments loaded from them) matches too, with 16 or 32 rows per subgroup', { timeout: 180_000 }, async () => {
    expect(directForwardBytes({ subgroups: 4, rows: 16, bc: 64 }, 2, true)).toBeLessThanOrEqual(49152);
    await edgeCases((split, n) => [direct(split, 2, 16, 16), direct(split, 1, 32, 32), direct(split, 1, 16, 48)][n]!)();
    await check(direct(false, 2, 32, 16), { B: 1, H: 2, Tq: 70, Tk: 70, D: 16, params: { causal: true } });
  });

  it('the direct form with k and v tiles staged in workgroup memory matches too', { timeout: 180_000 }, async () => {
    expect(directForwardBytes({ subgroups: 4, rows: 32, bc: 32, kv: 'staged' }, 2, true, 64)).toBeLessThanOrEqual(49152);
    await edgeCases((split, n) => [direct(split, 2, 16, 16, 'staged'), direct(split, 1, 32, 32, 'staged'), direct(split, 2, 16, 16, 'staged')][n]!)();
    await check(direct(false, 2, 32, 16, 'staged'), { B: 1, H: 2, Tq: 70, Tk: 70, D: 16, Dv: 32, params: { causal: true } });
  });

  it('split products with separate cross-term accumulators (added when read back) match too', { timeout: 180_000 }, async () => {
    expect(directForwardBytes({ subgroups: 8, rows: 16, bc: 16, kv: 'staged', separateCross: true }, 2, true, 64)).toBeLessThanOrEqual(49152);
    await edgeCases(
      (split, n) => [direct(split, 2, 16, 16, 'staged', true), direct(split, 1, 32, 32, 'direct', true), direct(split, 2, 16, 16, 'staged', true)][n]!,
    )();
  });

  it('one pass (accumulators rescaled when a row maximum grows) matches too, with maxima growing along the keys', { timeout: 240_000 }, async () => {
    expect(directForwardBytes({ subgroups: 8, rows: 16, bc: 16, kv: 'staged', onePass: true }, 2, false, 64)).toBeLessThanOrEqual(49152);
    const one = (split: boolean, n: number) =>
      [direct(split, 2, 16, 16, 'staged', false, true), direct(split, 1, 32, 32, 'direct', true, true), direct(split, 1, 16, 16, 'staged', true, true)][n]!;
    await edgeCases(one)();
    // Keys scaled up along the sequence: every tile raises the row maxima by more than the margin,
    // and the scores reach ±60, far from where they start.
    for (const n of [0, 1, 2]) {
      await check(one(true, n), { B: 1, H: 1, Tq: 70, Tk: 70, D: 16, keyRamp: 12, params: { causal: true } });
      await check(one(true, n), { B: 1, H: 1, Tq: 23, Tk: 90, D: 32, keyRamp: 8, padded: true, params: { p: 0.5, seed: 3, offset: 1 } });
    }
    await check(direct(false, 2, 16, 16, 'staged', false, true), { B: 1, H: 2, Tq: 70, Tk: 70, D: 16, keyRamp: 12, params: { causal: true } });
  });

  it('one f16 per operand matches to f16 precision; a fully masked row gives zeros and L = −Inf', { timeout: 60_000 }, async () => {
    await check(tile(false), { B: 1, H: 2, Tq: 33, Tk: 33, D: 16, params: { causal: true } });
    // Causal with more rows than keys visible: rowOffset −… is not allowed, so mask every key of batch 1 instead.
    for (const form of [tile(true), direct(true, 1, 16, 16), direct(true, 1, 16, 16, 'staged', false, true), direct(true, 1, 32, 16, 'direct', false, true)]) {
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
        d.runSteps(call, steps(call, form));
        const o = await out.toArray();
        expect(o.slice(0, 48).every((x) => Math.abs(x - 1) < 1e-6)).toBe(true);
        expect(o.slice(48).every((x) => x === 0)).toBe(true);
        expect(Array.from(await lse.toArray()).slice(3)).toEqual([-Infinity, -Infinity, -Infinity]);
      });
    }
  });

  it('an input beyond f16 range is reported at the next sync, not turned into Inf', { timeout: 60_000 }, async () => {
    await expect(check(tile(true), { B: 1, H: 1, Tq: 5, Tk: 5, D: 16, scaleUp: 1e6 })).rejects.toThrow(/65504/);
    await expect(check(direct(true, 1, 16, 16), { B: 1, H: 1, Tq: 5, Tk: 5, D: 16, scaleUp: 1e6 })).rejects.toThrow(/65504/);
  });
});
