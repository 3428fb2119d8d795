import { createCpuDevice, fromArray, zeros, type OpParams } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import type { KernelCall, KernelDeviceInfo } from '../../src/kernel-api.js';
import { workgroupBytes } from '../../src/test/workgroup-bytes.js';
import { flashAttentionTensorCoreDirectSteps, type DirectOptions } from './tensor-cores-direct.js';

// The rule src/kernels/flash/tensor-core-workgroup-layout.test.ts checks for the shipped kernels
// (every workgroup variable a multiple of 16 bytes), for every form of the lab's direct forward.
const cpu = createCpuDevice();
const info = {
  limits: { maxComputeWorkgroupStorageSize: 49152, maxComputeInvocationsPerWorkgroup: 1024, maxStorageBuffersPerShaderStage: 16 },
  tensorCores: true,
} as unknown as KernelDeviceInfo;

describe('lab tensor-core forward forms: workgroup memory layout', () => {
  it('declares only 16-byte multiples (one and two passes, split or not, staged and direct)', () => {
    const T = 70;
    const params: OpParams<'flashAttention'> = { causal: true, scale: 0.125, p: 0.1, seed: 1, offset: 0, rowOffset: 0, rows: T };
    const t = () => zeros([1, 2, T, 64], { device: cpu });
    const mask = fromArray([1], { shape: [1, 1, 1, 1], dtype: 'bool', device: cpu });
    const forward = {
      op: 'flashAttention',
      inputs: [t(), t(), t(), mask],
      outputs: [t(), zeros([1, 2, T], { device: cpu })],
      params,
      device: info,
      errorTag: 0,
    } as KernelCall<'flashAttention'>;
    const checked: string[] = [];
    for (const onePass of [false, true]) {
      for (const split of [false, true]) {
        for (const [subgroups, rows, bc, kv] of [
          [8, 16, 16, 'staged'],
          [4, 32, 16, 'staged'],
          [2, 16, 32, 'direct'],
        ] as const) {
          const o: DirectOptions = { emulate: false, split, subgroups, rows, bc, kv, onePass, separateCross: split && rows === 32 };
          for (const step of flashAttentionTensorCoreDirectSteps(forward, o)) {
            for (const v of workgroupBytes(step.source())) {
              expect(v.bytes % 16, `${JSON.stringify(o)}: ${v.name} is ${v.bytes} bytes`).toBe(0);
              checked.push(v.name);
            }
          }
        }
      }
    }
    expect(checked).toContain('raise_flag');
    expect(checked).toContain('kv_lo');
  });
});
