import { createCpuDevice, fromArray, runOp, scope, zeros, type Tensor } from '@lightattn/tensor-core';
import { assertAllClose, TestData, toleranceFor, type HostTensor } from '@lightattn/tensor-core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { KernelCall, KernelDeviceInfo } from '../../kernel-api.js';
import { webgpuTestDevice } from '../../test/webgpu-test-device.js';
import { matmulConfigFits, matmulDispatch, MATMUL_CONFIGS, selectMatmulConfig } from './matmul.js';

const device = await webgpuTestDevice();
const cpu = createCpuDevice();

type ConfigName = keyof typeof MATMUL_CONFIGS;

interface Case {
  readonly a: readonly number[];
  readonly b: readonly number[];
  readonly transA?: boolean;
  readonly transB?: boolean;
  /** Element offsets of a, b and out in their storage (non-multiples of 4 force scalar loads). */
  readonly offsets?: readonly [number, number, number];
  /** Flat positions of a set to NaN / +Inf. */
  readonly special?: boolean;
}

describe('matmul tile selection', () => {
  const h100 = { limits: { maxComputeInvocationsPerWorkgroup: 1024, maxComputeWorkgroupStorageSize: 49152 } } as KernelDeviceInfo;
  const swiftshader = { limits: { maxComputeInvocationsPerWorkgroup: 256, maxComputeWorkgroupStorageSize: 32768 } } as KernelDeviceInfo;
  it('takes 128×128 tiles for large products, 64×64 for mid-sized, 32×32 for small ones', () => {
    expect(selectMatmulConfig(4096, 4096, 1, h100)).toBe(MATMUL_CONFIGS['128x128x8']);
    expect(selectMatmulConfig(8192, 3072, 1, h100)).toBe(MATMUL_CONFIGS['128x128x8']);
    expect(selectMatmulConfig(1024, 1024, 1, h100)).toBe(MATMUL_CONFIGS['64x64x16']);
    expect(selectMatmulConfig(1024, 64, 48, h100)).toBe(MATMUL_CONFIGS['128x128x8']);
    expect(selectMatmulConfig(65, 64, 1, h100)).toBe(MATMUL_CONFIGS['32x32x16']);
  });
  it('checks workgroup memory and invocation limits', () => {
    expect(matmulConfigFits(MATMUL_CONFIGS['128x128x16'], h100)).toBe(true);
    expect(matmulConfigFits(MATMUL_CONFIGS['128x128x16'], swiftshader)).toBe(false);
    for (const name of ['128x128x8', '64x64x16', '32x32x16'] as const) expect(matmulConfigFits(MATMUL_CONFIGS[name], swiftshader)).toBe(true);
  });
});

describe.skipIf(!device)('matmul tile configurations on WebGPU', () => {
  const d = device!;
  afterAll(() => d.destroy());

  /** Runs `config` on the case and compares with the CPU device on the same inputs. */
  async function check(config: ConfigName, c: Case): Promise<void> {
    const data = new TestData(c.a.length * 131 + c.b.length);
    const a = data.f32(c.a);
    const b = data.f32(c.b);
    const aData = a.data.slice();
    if (c.special) {
      aData[5] = NaN;
      aData[aData.length - 3] = Infinity;
    }
    const params = { transA: !!c.transA, transB: !!c.transB };
    const [oa, ob, oc] = c.offsets ?? [0, 0, 0];
    const label = `${config} a ${JSON.stringify(c.a)} b ${JSON.stringify(c.b)} ${JSON.stringify(params)} offsets ${oa},${ob},${oc}`;
    await scope(async () => {
      const expected = runOp('matmul', [fromArray(aData, { shape: a.shape, device: cpu }), fromArray(b.data, { shape: b.shape, device: cpu })], params)[0]!;
      const k = c.transA ? c.a[c.a.length - 2]! : c.a[c.a.length - 1]!;
      // Views into larger storages, so kernels must add each offset.
      const view = (h: readonly number[], shape: readonly number[], offset: number): Tensor =>
        fromArray([...new Array<number>(offset).fill(NaN), ...h, NaN], { shape: [offset + h.length + 1], device: d }).view(shape, offset);
      const out = zeros([oc + expected.numel + 1], { device: d }).view(expected.shape, oc);
      const call = {
        op: 'matmul',
        inputs: [view(aData, a.shape, oa), view(b.data, b.shape, ob)],
        outputs: [out],
        params,
        device: d.kernelInfo,
        errorTag: 0,
      } as KernelCall<'matmul'>;
      d.runSteps(call, matmulDispatch(call, MATMUL_CONFIGS[config]));
      assertAllClose(await out.toArray(), await expected.toArray(), toleranceFor('matmul', { k }), label);
    });
  }

  it('128×128×8 (the large-product tiles): all four transposes with vec4 loads, tile edges, K = 0 and NaN/Inf', async () => {
    for (const [transA, transB] of [
      [false, false],
      [false, true],
      [true, false],
      [true, true],
    ] as const) {
      // M 132, K 36, N 136: two tiles per side with ragged edges, several k-tiles.
      await check('128x128x8', { a: transA ? [36, 132] : [132, 36], b: transB ? [136, 36] : [36, 136], transA, transB, special: !transA });
    }
    await check('128x128x8', { a: [130, 0], b: [0, 132] });
    await check('128x128x8', { a: [3, 130, 20], b: [20, 8], offsets: [4, 8, 12] });
  }, 30_000);

  it('64×64×16, unrolled (mid-sized products): scalar paths for odd sizes and offsets, broadcast batches', async () => {
    await check('64x64x16', { a: [65, 33], b: [33, 67] });
    await check('64x64x16', { a: [33, 65], b: [67, 33], transA: true, transB: true, offsets: [1, 2, 3] });
    await check('64x64x16', { a: [2, 1, 70, 40], b: [3, 40, 68], offsets: [4, 4, 4] });
    await check('64x64x16', { a: [2, 1, 70, 41], b: [3, 41, 68], offsets: [1, 0, 0] });
  }, 30_000);

  it('the other benchmarked shapes: 128-wide unrolled, 64-wide looped, thin tiles with fewer loads than invocations', async () => {
    await check('128x128x8-unrolled', { a: [130, 24], b: [24, 132], transB: false });
    await check('64x64x16-loop', { a: [20, 66], b: [20, 70], transA: true });
    await check('128x64x8', { a: [136, 17], b: [68, 17], transB: true });
  }, 30_000);
});
