import { createWebGPUDevice } from '@lightattn/kernels-wgsl';
import { createCpuDevice, fromArray, Generator, scope, type Tensor } from '@lightattn/tensor-core';
import { describeEachDevice, type TestDeviceSpec } from '@lightattn/tensor-core/testing/vitest';
import { expect, it } from 'vitest';
import { mseLoss } from '../ops-nn.js';
import { AdamW } from '../optim/adamw.js';
import { Sequential } from './containers.js';
import { GELU, Linear } from './layers.js';

// The same training loop on every device: the CPU reference and WebGPU (SwiftShader in CI; without
// an adapter the WebGPU suite shows as skipped with the reason, and fails with CI=true).
const DEVICES: TestDeviceSpec[] = [
  { name: 'cpu', create: () => createCpuDevice({ name: 'cpu-mlp-each' }) },
  { name: 'webgpu', create: () => createWebGPUDevice() },
];

describeEachDevice('an MLP on a toy regression', DEVICES, (d) => {
  it('converges with AdamW (one fused adamwUpdate kernel per parameter) and keeps memory flat', { timeout: 120_000 }, async () => {
    // y = sin(2x₁) + x₂²/2 on 64 fixed points in [−1, 1]², as in the CPU test.
    const xs: number[][] = [];
    const ys: number[][] = [];
    for (let i = 0; i < 64; i++) {
      const a = ((i * 37) % 64) / 32 - 1;
      const b = ((i * 11) % 64) / 32 - 1;
      xs.push([a, b]);
      ys.push([Math.sin(2 * a) + (b * b) / 2]);
    }
    const x = fromArray(xs, { device: d });
    const y = fromArray(ys, { device: d });
    const model = new Sequential(
      new Linear(2, 32, { device: d, generator: new Generator(3) }),
      new GELU(),
      new Linear(32, 1, { device: d, generator: new Generator(4) }),
    );
    const opt = new AdamW(model.parameters(), { lr: 0.03, weightDecay: 0 });
    const step = () =>
      scope(() => {
        const loss = mseLoss(model.forward(x) as Tensor, y);
        loss.backward();
        opt.step();
        opt.zeroGrad();
        return loss;
      });
    const first = step();
    const initial = await first.item();
    first.dispose();
    const allocated = d.memory.allocated;
    for (let i = 0; i < 150; i++) step().dispose();
    const last = step();
    const final = await last.item();
    last.dispose();
    expect(initial).toBeGreaterThan(0.05);
    expect(final).toBeLessThan(initial / 5);
    expect(d.memory.allocated).toBe(allocated);
  });
});
