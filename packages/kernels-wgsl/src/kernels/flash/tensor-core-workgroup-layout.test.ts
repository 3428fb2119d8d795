import { createCpuDevice, fromArray, zeros, type OpParams } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import type { KernelCall, KernelDeviceInfo, KernelDispatch } from '../../kernel-api.js';
import { flashAttentionTensorCoreBackwardSteps } from './tensor-cores-backward.js';
import { workgroupBytes } from '../../test/workgroup-bytes.js';
import { flashAttentionTensorCoreForwardSteps, type TensorCoreForwardOptions } from './tensor-cores-forward.js';

/**
 * On an H100 (driver 580.159) a 4-byte workgroup variable declared after the staged k and v tiles
 * left them misaligned for the subgroup-matrix loads, which then read the first two halves of every
 * row wrong (docs/benchmarks-history.md, "One pass"). SwiftShader runs the emulated kernels right either
 * way, so this checks the rule the real kernels keep instead: every workgroup variable of the
 * tensor-core kernels, as emitted for real subgroup matrices, is a multiple of 16 bytes.
 */
const cpu = createCpuDevice();
const info = {
  limits: { maxComputeWorkgroupStorageSize: 49152, maxComputeInvocationsPerWorkgroup: 1024, maxStorageBuffersPerShaderStage: 16 },
  tensorCores: true,
} as unknown as KernelDeviceInfo;

function sources(steps: KernelDispatch[]): string[] {
  return steps.map((s) => s.source());
}

describe('tensor-core kernels: workgroup memory layout', () => {
  const T = 70;
  const D = 64;
  const params: OpParams<'flashAttention'> = { causal: true, scale: 0.125, p: 0.1, seed: 1, offset: 0, rowOffset: 0, rows: T };
  const t = () => zeros([1, 2, T, D], { device: cpu });
  const mask = () => fromArray([1], { shape: [1, 1, 1, 1], dtype: 'bool', device: cpu });

  it('declares only 16-byte multiples, forward (16 or 32 rows per subgroup) and backward', () => {
    const forward = {
      op: 'flashAttention',
      inputs: [t(), t(), t(), mask()],
      outputs: [t(), zeros([1, 2, T], { device: cpu })],
      params,
      device: info,
      errorTag: 0,
    } as KernelCall<'flashAttention'>;
    const tiles: TensorCoreForwardOptions[] = [
      { emulate: false, subgroups: 8, rows: 16, bc: 16 },
      { emulate: false, subgroups: 4, rows: 32, bc: 16 },
      { emulate: false, subgroups: 2, rows: 16, bc: 32 },
    ];
    const checked: string[] = [];
    for (const o of tiles) {
      for (const source of sources(flashAttentionTensorCoreForwardSteps(forward, o))) {
        for (const v of workgroupBytes(source)) {
          expect(v.bytes % 16, `${JSON.stringify(o)}: ${v.name} is ${v.bytes} bytes`).toBe(0);
          checked.push(v.name);
        }
      }
    }
    // The flag of one pass and the staged tiles are among what was checked.
    expect(checked).toContain('raise_flag');
    expect(checked).toContain('k_tile_hi');

    const backward = {
      op: 'flashAttentionBackward',
      inputs: [t(), t(), t(), mask(), t(), zeros([1, 2, T], { device: cpu }), t()],
      outputs: [t(), t(), t()],
      params,
      device: info,
      errorTag: 0,
    } as unknown as KernelCall<'flashAttentionBackward'>;
    for (const split of [false, true]) {
      for (const source of sources(flashAttentionTensorCoreBackwardSteps(backward, { emulate: false, split, subgroups: 4, bc: 16 }))) {
        for (const v of workgroupBytes(source)) expect(v.bytes % 16, `backward split ${split}: ${v.name} is ${v.bytes} bytes`).toBe(0);
      }
    }
  });

  it('the size check can fail: a lone u32 is 4 bytes', () => {
    expect(workgroupBytes('var<workgroup> flag: u32;\nvar<workgroup> tile: array<f16, 1152>;')).toEqual([
      { name: 'flag', bytes: 4 },
      { name: 'tile', bytes: 2304 },
    ]);
  });
});
