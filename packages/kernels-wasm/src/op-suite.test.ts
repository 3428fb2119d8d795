import { opTestCases } from '@lightattn/tensor-core/testing';
import { OP_NAMES } from '@lightattn/tensor-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createWasmDevice } from './wasm-device.js';

// The device-agnostic op suite (the cases the CPU and WebGPU devices pass), on one thread and on
// two, so both the inline path and the worker path run every op.
const cases = opTestCases();

for (const threads of [1, 2]) {
  describe(`op suite on the WebAssembly device, ${threads} thread(s)`, async () => {
    const device = await createWasmDevice({ threads });
    afterAll(() => device.destroy());
    it('covers every op of the op set', () => {
      expect(new Set(cases.map((c) => c.op))).toEqual(new Set(OP_NAMES));
      expect(device.threads).toBe(threads);
    });
    for (const c of cases) {
      it(`${c.op}: ${c.name}`, async () => {
        await c.run(device);
      });
    }
  });
}
