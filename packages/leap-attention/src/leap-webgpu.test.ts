import { backward, Generator } from '@lightattn/autograd';
import { WGSL_KERNELS } from '@lightattn/kernels-wgsl';
import { createCpuDevice, fromArray, scope, type Device, type OpName } from '@lightattn/tensor-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { LeapActivation, LeapVariant } from './config.js';
import { LeapBlock } from './leap-block.js';
import { maskBias } from './leap-core.js';
import { maxRelativeError } from '@lightattn/tensor-core/testing';
import { checkAgainstReference } from './testing/layer-check.js';
import { uniformData } from './testing/random.js';
import { openTestDevice } from '@lightattn/tensor-core/testing/vitest';
import { createWebGPUDevice } from '@lightattn/kernels-wgsl';

// The same checks as on the CPU, on WebGPU (SwiftShader here: small shapes). A LEAP layer needs the
// reduction, layer-norm and matmul kernels besides leapScan; until kernels-wgsl has them these tests
// say which are missing and skip.
// Without an adapter the suite is skipped (the reason printed); with CI=true it fails instead.
const webgpu = await openTestDevice({ name: 'webgpu', create: () => createWebGPUDevice() });
if (webgpu.skip) console.warn(`[leap-attention] skipping WebGPU tests: ${webgpu.skip}`);
const gpu = webgpu.device;
const NEEDED: OpName[] = ['leapScan', 'reduce', 'layerNorm', 'layerNormBackward', 'matmul', 'concat', 'slice', 'permute'];
const missing = NEEDED.filter((op) => WGSL_KERNELS[op] === undefined);
if (gpu && missing.length) console.warn(`[leap-attention] WebGPU layer tests skipped: kernels-wgsl has no kernel yet for ${missing.join(', ')}`);
const run = !!gpu && missing.length === 0;

describe.skipIf(!run)('LEAP on WebGPU', () => {
  afterAll(() => gpu?.destroy());

  for (const variant of ['seed', 'v2'] as const) {
    for (const window of ['global', 4] as const) {
      it(`${variant}, window ${window}: float64 reference at T = 300 (padding at both ends)`, () => checkAgainstReference(gpu!, variant, window, 300), 60_000);
    }
    it(`${variant}: block gradients equal the CPU's`, async () => {
      const [cpuGrads, gpuGrads] = [await blockGradients(createCpuDevice(), variant), await blockGradients(gpu!, variant)];
      for (const [name, g] of cpuGrads) expect(maxRelativeError(gpuGrads.get(name)!, g, g.length), name).toBeLessThan(1e-4);
    }, 60_000);
    it(`${variant}: the recurrent form equals the parallel form (40 steps, window 3)`, async () => {
      const [T, B, d] = [40, 2, 8];
      const block = new LeapBlock({ hidden_size: d, n_heads: 2, n_layer: 1, variant, window_sizes: [3], initializer_range: 0.5 }, 0, {
        device: gpu!,
        generator: new Generator(4),
      }).eval();
      const xs = uniformData(B * T * d, 8, -2, 2);
      const parallel = await scope(() => block.forward(fromArray(xs, { shape: [B, T, d], device: gpu! })).toArray());
      const state = block.initState(B);
      for (let t = 0; t < T; t++) {
        const xt = Array.from({ length: B * d }, (_, i) => xs[(Math.floor(i / d) * T + t) * d + (i % d)]!);
        const out = await scope(() => state.step(fromArray(xt, { shape: [B, d], device: gpu! })).toArray());
        const expected = Array.from({ length: B * d }, (_, i) => parallel[(Math.floor(i / d) * T + t) * d + (i % d)]!);
        expect(maxRelativeError(out, expected, d)).toBeLessThan(2e-5);
      }
      state.dispose();
    }, 120_000);
  }
  it("v2 with the original's exact GELU (hidden_act 'gelu'): block gradients equal the CPU's", async () => {
    const [cpuGrads, gpuGrads] = [await blockGradients(createCpuDevice(), 'v2', 'gelu'), await blockGradients(gpu!, 'v2', 'gelu')];
    for (const [name, g] of cpuGrads) expect(maxRelativeError(gpuGrads.get(name)!, g, g.length), name).toBeLessThan(1e-4);
  }, 60_000);
});

/** Every parameter's gradient of Σ r·block(x) on `device`, with the same weights and inputs. */
async function blockGradients(device: Device, variant: LeapVariant, hiddenAct: LeapActivation = 'gelu_pytorch_tanh'): Promise<Map<string, Float32Array>> {
  const [B, T, d] = [2, 70, 8];
  const block = new LeapBlock({ hidden_size: d, n_heads: 2, n_layer: 2, variant, initializer_range: 0.3, hidden_act: hiddenAct }, 0, {
    device,
    generator: new Generator(6),
  }).eval();
  await scope(async () => {
    const mask = Array.from({ length: B * T }, (_, i) => (i >= 2 * T - 9 ? 0 : 1));
    const out = block.forward(fromArray(uniformData(B * T * d, 1, -2, 2), { shape: [B, T, d], device }), maskBias(fromArray(mask, { shape: [B, T], device })));
    backward(out, fromArray(uniformData(B * T * d, 2), { shape: [B, T, d], device }));
  });
  const grads = new Map<string, Float32Array>();
  for (const [name, p] of block.namedParameters()) grads.set(name, (await p.grad!.toArray()) as Float32Array);
  return grads;
}
