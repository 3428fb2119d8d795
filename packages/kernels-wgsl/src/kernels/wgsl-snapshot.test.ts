import { CpuDevice, type OpName, type OpParams, type TensorRef } from '@lightattn/tensor-core';
import { opTestCases } from '@lightattn/tensor-core/testing';
import { describe, expect, it } from 'vitest';
import type { KernelCall, KernelDeviceInfo, KernelDispatch, KernelStep } from '../kernel-api.js';
import { WGSL_KERNELS } from './index.js';

/**
 * The generated WGSL of every kernel variant the WebGPU device ships, one file per op under
 * test-data/wgsl/ (generated data, kept out of src/), so that a change to a generator shows in review as a WGSL diff. The variants are the
 * ones the device-agnostic op suite reaches (its edge sizes, dropout, masks, offsets), built for two
 * devices: one with subgroups (a 32-wide GPU with 48 KiB of workgroup memory) and the same device
 * created with `tensorCores` (the f16 flash kernels, as emitted for real subgroup matrices).
 * After an intended change: `npx vitest run --project kernels-wgsl -u src/kernels/wgsl-snapshot.test.ts`.
 */
const LIMITS = {
  maxComputeInvocationsPerWorkgroup: 1024,
  maxComputeWorkgroupStorageSize: 49152,
  maxComputeWorkgroupSizeX: 1024,
  maxComputeWorkgroupSizeY: 1024,
  maxComputeWorkgroupSizeZ: 64,
  maxComputeWorkgroupsPerDimension: 65535,
  maxStorageBuffersPerShaderStage: 16,
  maxStorageBufferBindingSize: 2 ** 31,
};
const GPU: KernelDeviceInfo = { limits: LIMITS, features: { subgroups: true, shaderF16: true }, subgroupMinSize: 32, subgroupMaxSize: 32 };
const DEVICES: readonly [string, KernelDeviceInfo][] = [
  ['subgroups', GPU],
  ['tensor-cores', { ...GPU, tensorCores: true }],
];

/** A CPU device that computes every op as usual and records the WGSL dispatches the WebGPU device would run for the same call. */
class RecordingDevice extends CpuDevice {
  readonly sources = new Map<OpName, Map<string, string>>();

  override run<K extends OpName>(op: K, inputs: readonly TensorRef[], outputs: readonly TensorRef[], params: OpParams<K>): void {
    for (const [, info] of DEVICES) {
      const call: KernelCall<K> = { op, inputs, outputs, params, device: info, errorTag: 0 };
      const steps = ([] as KernelStep[]).concat(WGSL_KERNELS[op](call));
      const byKey = this.sources.get(op) ?? new Map<string, string>();
      this.sources.set(op, byKey);
      for (const s of steps) if (s.kind === 'dispatch' && !byKey.has(s.key)) byKey.set(s.key, (s as KernelDispatch).source());
    }
    super.run(op, inputs, outputs, params);
  }
}

describe('generated WGSL of the shipped kernels', async () => {
  const device = new RecordingDevice();
  for (const c of opTestCases()) await c.run(device);

  for (const [op, byKey] of [...device.sources].sort(([a], [b]) => a.localeCompare(b))) {
    it(`${op}: ${byKey.size} variants`, async () => {
      const text = [...byKey]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, source]) => `// ---- ${key}\n${source.trim()}\n`)
        .join('\n');
      await expect(text).toMatchFileSnapshot(`../../test-data/wgsl/${op}.wgsl.snap`);
    });
  }
});
