import { opTestCases } from '@lightattn/tensor-core/testing';
import { OP_NAMES } from '@lightattn/tensor-core';
import { afterAll, describe, expect, it } from 'vitest';
import { webgpuTestDevice } from './test/webgpu-test-device.js';

// The device-agnostic op suite (the same cases the CPU device passes), on WebGPU: every op.
const device = await webgpuTestDevice();
const cases = opTestCases();

describe.skipIf(!device)('op suite on WebGPU', () => {
  afterAll(() => device?.destroy());
  it('covers every op of the op set', () => {
    expect(new Set(cases.map((c) => c.op))).toEqual(new Set(OP_NAMES));
  });
  // SwiftShader runs ~0.1 GFLOP/s: the attention cases take seconds there.
  for (const c of cases) {
    it(`${c.op}: ${c.name}`, { timeout: 120_000 }, async () => {
      await c.run(device!);
    });
  }
});
