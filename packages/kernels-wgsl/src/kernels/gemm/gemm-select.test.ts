import { fromArray, runOp } from '@lightattn/tensor-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KernelCall, KernelDeviceInfo } from '../../kernel-api.js';
import { webgpuTestDevice } from '../../test/webgpu-test-device.js';
import { createWebGPUDevice } from '../../webgpu-device.js';
import { GEMM_CONFIGS, gemmConfigFits, selectGemmConfig } from './gemm-config.js';
import { checkMatmulPrecision, resolveMatmulPrecision } from './gemm-precision.js';
import { selectGemm } from './gemm-steps.js';

const h100 = (matmulPrecision?: 'highest' | 'high' | 'medium', binding = 2 ** 31): KernelDeviceInfo =>
  ({
    limits: { maxComputeInvocationsPerWorkgroup: 1024, maxComputeWorkgroupStorageSize: 49152, maxStorageBufferBindingSize: binding },
    matmulPrecision,
  }) as unknown as KernelDeviceInfo;

/** A matmul call on shapes only (selection reads shapes, never data). */
function call(a: number[], b: number[], out: number[], info: KernelDeviceInfo, transB = false): KernelCall<'matmul'> {
  const t = (shape: number[]) => ({ shape, offset: 0, dtype: 'f32' });
  return {
    op: 'matmul',
    inputs: [t(a), t(b)],
    outputs: [t(out)],
    params: { transA: false, transB },
    device: info,
    errorTag: 0,
  } as unknown as KernelCall<'matmul'>;
}

describe('GEMM engine selection', () => {
  it("runs the engine only for 'high' and 'medium', in the precision asked", () => {
    expect(selectGemm(call([64, 64], [64, 64], [64, 64], h100()))).toBeNull();
    expect(selectGemm(call([64, 64], [64, 64], [64, 64], h100('highest')))).toBeNull();
    expect(selectGemm(call([64, 64], [64, 64], [64, 64], h100('high')))).toEqual({ precision: 'high' });
    expect(selectGemm(call([64, 64], [64, 64], [64, 64], h100('medium')))).toEqual({ precision: 'medium' });
  });

  it('falls back to the f32 kernels when a staged f16 copy would exceed one storage binding', () => {
    // The LM head's weight gradient at B·T 8192: B staged as 50304 × 8192 halves, twice when split (1.6 GB).
    const lmHead = (info: KernelDeviceInfo) => call([768, 8192], [8192, 50257], [768, 50257], info);
    expect(selectGemm(lmHead(h100('high')))).toEqual({ precision: 'high' });
    expect(selectGemm(lmHead(h100('high', 2 ** 30)))).toBeNull();
    expect(selectGemm(lmHead(h100('medium', 2 ** 30)))).toEqual({ precision: 'medium' });
  });

  it('takes 128×128 blocks for large one-f16 products, 64×128 for large split ones, 64×64 for small products', () => {
    const info = h100();
    expect(selectGemmConfig(4096, 4096, 1, false, false, info)).toBe(GEMM_CONFIGS['128x128x32']);
    expect(selectGemmConfig(4096, 4096, 1, true, false, info)).toBe(GEMM_CONFIGS['64x128x32']);
    expect(selectGemmConfig(512, 512, 1, false, false, info)).toBe(GEMM_CONFIGS['64x64x32']);
    expect(selectGemmConfig(512, 512, 1, true, false, info)).toBe(GEMM_CONFIGS['64x64x32']);
    expect(gemmConfigFits(GEMM_CONFIGS['128x128x64'], true, false, info)).toBe(false);
    const swiftshader = { limits: { maxComputeInvocationsPerWorkgroup: 256, maxComputeWorkgroupStorageSize: 32768 } } as KernelDeviceInfo;
    expect(selectGemmConfig(64, 64, 1, true, true, swiftshader)).toEqual({ gm: 2, gn: 2, sm: 16, sn: 16, bk: 32 });
    expect(() =>
      selectGemmConfig(64, 64, 1, true, true, { limits: { maxComputeInvocationsPerWorkgroup: 64, maxComputeWorkgroupStorageSize: 16384 } } as KernelDeviceInfo),
    ).toThrow(/no tile fits/);
  });

  it("resolves to 'highest' with a notice where tensor cores are missing, and checks the name", () => {
    expect(resolveMatmulPrecision('high', null, 'webgpu:0')).toEqual({ precision: 'high', notice: null });
    expect(resolveMatmulPrecision('highest', 'this adapter lacks shader-f16', 'webgpu:0')).toEqual({ precision: 'highest', notice: null });
    const r = resolveMatmulPrecision('medium', 'this adapter (SwiftShader) lacks chromium-experimental-subgroup-matrix', 'webgpu:0');
    expect(r.precision).toBe('highest');
    expect(r.notice).toMatch(
      /webgpu:0: matmulPrecision 'medium' needs tensor cores .* lacks chromium-experimental-subgroup-matrix; running every matmul in f32 \('highest'\) instead/,
    );
    expect(() => checkMatmulPrecision('tf32', 'createWebGPUDevice')).toThrow(/must be one of 'highest', 'high', 'medium', got "tf32"/);
  });
});

const device = await webgpuTestDevice();

describe.skipIf(!device)('matmulPrecision on a WebGPU device without subgroup matrices (SwiftShader)', () => {
  afterEach(() => vi.restoreAllMocks());

  it("says so once and runs 'highest', and matmuls still compute", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const d = await createWebGPUDevice({ matmulPrecision: 'high', name: 'precision-test' });
    try {
      expect(d.info().matmulPrecision).toBe('highest');
      expect(d.kernelInfo.matmulPrecision).toBe('highest');
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(/precision-test: matmulPrecision 'high' needs tensor cores/);
      expect(selectGemm(call([3, 5], [5, 2], [3, 2], d.kernelInfo))).toBeNull();
      const a = fromArray([1, 2, 3, 4, 5, 6], { shape: [3, 2], device: d });
      const b = fromArray([1, 0, 0, 1], { shape: [2, 2], device: d });
      expect(await runOp('matmul', [a, b], { transA: false, transB: false })[0]!.toArray()).toEqual(new Float32Array([1, 2, 3, 4, 5, 6]));
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      d.destroy();
    }
    await expect(createWebGPUDevice({ matmulPrecision: 'fast' as 'high' })).rejects.toThrow(/matmulPrecision must be one of/);
    device!.destroy();
  });
});
