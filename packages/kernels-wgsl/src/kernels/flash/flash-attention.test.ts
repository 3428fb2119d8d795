import { createCpuDevice, fromArray, runOp, scope, zeros, type OpParams, type Tensor } from '@lightattn/tensor-core';
import { assertAllClose, toleranceFor } from '@lightattn/tensor-core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { KernelCall, KernelDeviceInfo, KernelDispatch } from '../../kernel-api.js';
import { attentionCaseData, type AttentionCase } from '../../test/attention-case.js';
import { webgpuTestDevice } from '../../test/webgpu-test-device.js';
import { flashAttentionDispatch } from './forward.js';
import { flashAttentionBackwardSteps } from './backward.js';
import { flashSharedBytes, flashTileFits, selectFlashConfig, type FlashTile } from './config.js';

const device = await webgpuTestDevice();
const cpu = createCpuDevice();

const limits = (storage: number, invocations: number) =>
  ({ limits: { maxComputeWorkgroupStorageSize: storage, maxComputeInvocationsPerWorkgroup: invocations } }) as KernelDeviceInfo;
const h200 = limits(49152, 1024);
const swiftshader = limits(32768, 256);
const BUCKETS = [16, 32, 64, 128, 256];

describe('flash attention tile selection', () => {
  it('picks tiles that fit, for every pair of head-size buckets', () => {
    for (const info of [h200, swiftshader]) {
      for (const db of BUCKETS) {
        for (const dvb of BUCKETS) {
          const config = selectFlashConfig(db, dvb, info);
          for (const kind of ['forward', 'dq', 'dkdv'] as const) expect(flashTileFits(kind, config[kind], db, dvb, info), `${kind} ${db}/${dvb}`).toBe(true);
        }
      }
    }
  });
  it('takes the large tiles on 48 KiB devices and ~8 KiB ones elsewhere (SwiftShader compiles slower with more)', () => {
    expect(selectFlashConfig(64, 64, h200).forward).toMatchObject({ br: 32, bc: 32, unroll: true, prefetch: true });
    for (const db of BUCKETS) expect(flashSharedBytes('forward', selectFlashConfig(db, db, swiftshader).forward, db, db)).toBeLessThanOrEqual(12 * 1024);
  });
});

/** q at an element offset in its storage (3: scalar loads). */
type Case = AttentionCase & { qOffset?: number };

describe.skipIf(!device)('flash attention tiles on WebGPU', () => {
  const d = device!;
  afterAll(() => d.destroy());

  /** Runs the forward and backward with the given tiles and compares with the CPU device. */
  async function check(tiles: { forward: FlashTile; dq: FlashTile; dkdv: FlashTile }, c: Case): Promise<void> {
    const { Dv, q, k, v, g, mask, params } = attentionCaseData(c, c.Tq * 31 + c.Tk * 7 + c.D);
    const [maskShape, maskData] = [mask.shape, mask.data];
    const label = `${JSON.stringify(tiles)} ${JSON.stringify(c)}`;
    await scope(async () => {
      const on = (dev: typeof d | typeof cpu) => ({
        q: fromArray(q.data, { shape: q.shape, device: dev }),
        k: fromArray(k.data, { shape: k.shape, device: dev }),
        v: fromArray(v.data, { shape: v.shape, device: dev }),
        g: fromArray(g.data, { shape: g.shape, device: dev }),
        mask: fromArray(maskData, { shape: maskShape, dtype: 'bool', device: dev }),
      });
      const ref = on(cpu);
      const [ro, rl] = runOp('flashAttention', [ref.q, ref.k, ref.v, ref.mask], params);
      const [rdq, rdk, rdv] = runOp('flashAttentionBackward', [ref.q, ref.k, ref.v, ref.mask, ro!, rl!, ref.g], params);
      const x = on(d);
      // q as a view at an offset: the kernels must add it (and fall back to scalar loads when it is not a multiple of 4).
      const qv: Tensor = c.qOffset
        ? fromArray([...new Array<number>(c.qOffset).fill(NaN), ...q.data], { shape: [c.qOffset + q.data.length], device: d }).view(q.shape, c.qOffset)
        : x.q;
      const o = zeros([c.B, c.H, c.Tq, Dv], { device: d });
      const lse = zeros([c.B, c.H, c.Tq], { device: d });
      const [dq, dk, dv] = [zeros(q.shape, { device: d }), zeros(k.shape, { device: d }), zeros(v.shape, { device: d })];
      const fwd = {
        op: 'flashAttention',
        inputs: [qv, x.k, x.v, x.mask],
        outputs: [o, lse],
        params,
        device: d.kernelInfo,
        errorTag: 0,
      } as KernelCall<'flashAttention'>;
      d.runSteps(fwd, flashAttentionDispatch(fwd, tiles.forward));
      const bwd = {
        op: 'flashAttentionBackward',
        inputs: [qv, x.k, x.v, x.mask, o, lse, x.g],
        outputs: [dq, dk, dv],
        params,
        device: d.kernelInfo,
        errorTag: 0,
      } as KernelCall<'flashAttentionBackward'>;
      d.runSteps(bwd, flashAttentionBackwardSteps(bwd, tiles));
      const fwdTol = toleranceFor('flashAttention', { k: c.Tk + c.D });
      assertAllClose(await o.toArray(), await ro!.toArray(), fwdTol, `${label} o`);
      assertAllClose(await lse.toArray(), await rl!.toArray(), fwdTol, `${label} lse`);
      const bwdTol = toleranceFor('flashAttentionBackward', { k: c.Tq + c.Tk + c.D });
      for (const [name, a, e] of [
        ['dq', dq, rdq],
        ['dk', dk, rdk],
        ['dv', dv, rdv],
      ] as const)
        assertAllClose(await a.toArray(), await e!.toArray(), bwdTol, `${label} ${name}`);
    });
  }

  const small = (br: number, bc: number, threads: number, unroll = false, prefetch = false) => ({ br, bc, threads, unroll, prefetch });

  it('small tiles with uniform loops: causal tile edges, dropout, padding, scalar loads, cross-attention chunks', { timeout: 120_000 }, async () => {
    const t = { forward: small(16, 16, 32), dq: small(16, 8, 32), dkdv: small(8, 16, 32) };
    await check(t, { B: 1, H: 2, Tq: 33, Tk: 33, D: 16, params: { causal: true } });
    await check(t, { B: 2, H: 1, Tq: 17, Tk: 17, D: 16, padded: true, params: { causal: true, p: 0.25, seed: 9, offset: 2 } });
    // D 18 (not a multiple of 4) and q at offset 3: scalar loads and stores.
    await check(t, { B: 1, H: 1, Tq: 9, Tk: 20, D: 18, Dv: 12, qOffset: 3 });
    // Rows 5…11 of 30 against 30 keys: the causal shift of a query chunk.
    await check(t, { B: 1, H: 2, Tq: 7, Tk: 30, D: 16, params: { causal: true, rowOffset: 5, rows: 30 } });
  });

  it('unrolled loops and register prefetch (the real-GPU variants): constant trip counts over zero-padded tiles', { timeout: 120_000 }, async () => {
    // 24 invocations: staging leaves some idle in its last round, and the splits use fewer than all.
    const t = { forward: small(16, 16, 24, true, true), dq: small(16, 8, 24, true, true), dkdv: small(8, 16, 24, true, true) };
    await check(t, { B: 1, H: 2, Tq: 33, Tk: 33, D: 12, Dv: 16, params: { causal: true } });
    await check(t, { B: 1, H: 1, Tq: 9, Tk: 20, D: 18, padded: true, params: { p: 0.3, seed: 4, offset: 1 } });
  });

  it("the H200's head-size-64 tiles (their thread splits), at head size 16 so they fit SwiftShader", { timeout: 120_000 }, async () => {
    const large = selectFlashConfig(64, 64, h200);
    await check(large, { B: 1, H: 1, Tq: 70, Tk: 70, D: 16, params: { causal: true } });
    const loops = (t: FlashTile) => ({ ...t, unroll: false, prefetch: false });
    await check({ forward: loops(large.forward), dq: loops(large.dq), dkdv: loops(large.dkdv) }, { B: 1, H: 1, Tq: 40, Tk: 45, D: 16, padded: true });
    // The forward's tile fits SwiftShader at head size 64 itself.
    const small = selectFlashConfig(64, 64, swiftshader);
    await check({ forward: large.forward, dq: small.dq, dkdv: small.dkdv }, { B: 1, H: 2, Tq: 37, Tk: 37, D: 64, params: { causal: true } });
  });

  it('every large tile of every head size compiles to valid WGSL (SwiftShader cannot run them: too much workgroup memory)', { timeout: 60_000 }, async () => {
    for (const db of BUCKETS) {
      const config = selectFlashConfig(db, db, h200);
      const shape = [1, 1, 5, db];
      const t = (s: number[], dtype: 'f32' | 'bool' = 'f32') => ({ shape: s, dtype, offset: 0 }) as unknown as Tensor;
      const params: OpParams<'flashAttention'> = { causal: true, scale: 0.125, p: 0.1, seed: 1, offset: 0, rowOffset: 0, rows: 5 };
      const fwd = {
        op: 'flashAttention',
        inputs: [t(shape), t(shape), t(shape), t([1, 1, 1, 1], 'bool')],
        outputs: [t(shape), t([1, 1, 5])],
        params,
        device: h200,
        errorTag: 0,
      } as unknown as KernelCall<'flashAttention'>;
      const bwd = {
        ...fwd,
        op: 'flashAttentionBackward',
        inputs: [...fwd.inputs, t(shape), t([1, 1, 5]), t(shape)],
        outputs: [t(shape), t(shape), t(shape)],
      } as unknown as KernelCall<'flashAttentionBackward'>;
      for (const unroll of [false, true]) {
        const v = { unroll, prefetch: unroll };
        const steps = [
          flashAttentionDispatch(fwd, { ...config.forward, ...v }),
          ...flashAttentionBackwardSteps(bwd, { dq: { ...config.dq, ...v }, dkdv: { ...config.dkdv, ...v } }),
        ] as KernelDispatch[];
        for (const step of steps) {
          const module = d.gpuDevice.createShaderModule({ code: step.source() });
          const errors = (await module.getCompilationInfo()).messages.filter((m) => m.type === 'error');
          expect(errors.map((m) => `${step.key}: ${m.message}`)).toEqual([]);
        }
      }
    }
  });
});
