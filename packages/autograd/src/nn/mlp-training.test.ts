import { describe, expect, it } from 'vitest';
import { createCpuDevice, fromArray, Generator, scope, type Tensor } from '@lightattn/tensor-core';
import { mseLoss } from '../ops-nn.js';
import { AdamW } from '../optim/adamw.js';
import { clipGradNorm } from '../optim/clip.js';
import { cosineDecay, linearWarmup, LRScheduler } from '../optim/schedules.js';
import { SGD } from '../optim/sgd.js';
import { Sequential } from './containers.js';
import { GELU, Linear } from './layers.js';

const device = createCpuDevice({ name: 'cpu-mlp' });

/** y = sin(2x₁) + x₂²/2 on 64 fixed points in [−1, 1]². */
function toyData(): { x: Tensor; y: Tensor } {
  const xs: number[][] = [];
  const ys: number[][] = [];
  for (let i = 0; i < 64; i++) {
    const a = ((i * 37) % 64) / 32 - 1;
    const b = ((i * 11) % 64) / 32 - 1;
    xs.push([a, b]);
    ys.push([Math.sin(2 * a) + (b * b) / 2]);
  }
  return { x: fromArray(xs, { device }), y: fromArray(ys, { device }) };
}

function mlp(seed: number, hidden: number): Sequential {
  return new Sequential(
    new Linear(2, hidden, { device, generator: new Generator(seed) }),
    new GELU(),
    new Linear(hidden, 1, { device, generator: new Generator(seed + 1) }),
  );
}

describe('an MLP on a toy regression (CPU)', () => {
  it('converges with AdamW, warmup + cosine, and clipping; memory stays flat across steps', () => {
    const { x, y } = toyData();
    const model = mlp(1, 64);
    const opt = new AdamW(model.parameters(), { lr: 0.05, weightDecay: 0 });
    const sched = new LRScheduler(opt, linearWarmup(20, cosineDecay(280, { minFactor: 0.05 })));
    const losses: number[] = [];
    let allocatedAfterFirst = 0;
    for (let step = 0; step < 300; step++) {
      scope(() => {
        const loss = mseLoss(model.forward(x) as Tensor, y);
        losses.push(loss.toArraySync()[0]!);
        loss.backward();
        clipGradNorm(model.parameters(), 1);
        opt.step();
        opt.zeroGrad();
        sched.step();
      });
      if (step === 0) allocatedAfterFirst = device.memory.allocated;
    }
    // The loss first plateaus near Var(x₂²/2) ≈ 0.022 (sin learned, the square not yet), then drops.
    expect(losses[losses.length - 1]!).toBeLessThan(0.005);
    // Nothing leaks from step to step: parameters and optimizer state only.
    expect(device.memory.allocated).toBe(allocatedAfterFirst);
  });

  it('converges with SGD and momentum', () => {
    const { x, y } = toyData();
    const model = mlp(5, 32);
    const opt = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
    const losses: number[] = [];
    for (let step = 0; step < 200; step++) {
      scope(() => {
        const loss = mseLoss(model.forward(x) as Tensor, y);
        losses.push(loss.toArraySync()[0]!);
        loss.backward();
        opt.step();
        opt.zeroGrad();
      });
    }
    expect(losses[losses.length - 1]!).toBeLessThan(losses[0]! / 10);
  });
});
