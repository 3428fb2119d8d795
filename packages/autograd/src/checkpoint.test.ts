import { describe, expect, it } from 'vitest';
import { createCpuDevice, Generator, randn, scope, type Tensor } from '@lightattn/tensor-core';
import { checkpoint } from './checkpoint.js';
import { dropout } from './dropout.js';
import { param } from './functional.js';
import { gradcheck, randomInput } from './gradcheck.js';
import { noGrad } from './grad-mode.js';
import { withLedger } from './ledger.js';
import { Linear } from './nn/layers.js';
import { gelu, mul, square } from './ops-elementwise.js';
import { sum } from './ops-reduce.js';

const device = createCpuDevice({ name: 'cpu-checkpoint' });
const N = 4,
  C = 6,
  H = 12;

function makeBlock() {
  const gen = new Generator(42);
  const fc = new Linear(C, H, { generator: new Generator(1), device });
  const proj = new Linear(H, C, { generator: new Generator(2), device });
  const block = (x: Tensor) => scope(() => proj.forward(dropout(gelu(fc.forward(x)), 0.3, { generator: gen })));
  const params = [fc.weight, fc.bias!, proj.weight, proj.bias!];
  return { gen, block, params };
}

const read = (t: Tensor | null) => Array.from(t!.toArraySync());

describe('checkpoint', () => {
  it('keeps only the inputs saved: the block inside saves nothing until backward', () => {
    const { block } = makeBlock();
    const x = param(randn([N, C], { device, seed: 3 }));
    const plain = withLedger(() => block(x)).ledger;
    // Without checkpointing: x (N·C·4 = 96) for fc's matmul, gelu's input (N·H·4 = 192) and the
    // dropout output (192) for proj's matmul; weights are parameters, dropout saves only its RNG state.
    expect(plain.total).toBe(N * C * 4 + 2 * N * H * 4);
    const ckpt = withLedger(() => checkpoint(block, x)).ledger;
    expect(ckpt.total).toBe(N * C * 4);
    expect(ckpt.byFunction()).toEqual([{ function: 'checkpoint', bytes: 96, calls: 1 }]);
    plain.close();
    ckpt.close();
  });

  it('gives the same loss and gradients as the plain block, dropout masks included', () => {
    const { gen, block, params } = makeBlock();
    const x = param(randn([N, C], { device, seed: 5 }));
    const run = (f: (x: Tensor) => Tensor) => {
      gen.setState({ seed: 42, offset: 0 });
      const loss = scope(() => sum(square(f(x))));
      loss.backward();
      const out = { loss: read(loss), grads: [x, ...params].map((p) => read(p.grad)), genAfter: gen.getState() };
      for (const p of [x, ...params]) p.grad = null;
      return out;
    };
    const plain = run(block);
    const ckpt = run((v) => checkpoint(block, v));
    expect(ckpt.loss).toEqual(plain.loss);
    expect(ckpt.grads).toEqual(plain.grads);
    // The recomputation replays the generator and puts it back: later draws are unaffected.
    expect(ckpt.genAfter).toEqual({ seed: 42, offset: 1 });
    expect(plain.grads[0]!.some((g) => g !== 0)).toBe(true);
  });

  it('reaches parameters inside even when no input requires grad', () => {
    const { gen, block, params } = makeBlock();
    const x = randn([N, C], { device, seed: 7 });
    gen.setState({ seed: 42, offset: 0 });
    scope(() => sum(block(x))).backward();
    const plain = params.map((p) => read(p.grad));
    for (const p of params) p.grad = null;
    gen.setState({ seed: 42, offset: 0 });
    scope(() => sum(checkpoint(block, x))).backward();
    expect(params.map((p) => read(p.grad))).toEqual(plain);
  });

  it('supports several outputs and non-tensor arguments, and passes gradcheck', async () => {
    const f = (a: Tensor, k: number, b: Tensor) => [mul(gelu(a), k), mul(a, b)] as const;
    await gradcheck((a, b) => [...checkpoint(f, a!, 3, b!)], [randomInput([2, 3]), randomInput([3], { seed: 2 })]);
    await gradcheck((a) => checkpoint((v: Tensor) => dropout(gelu(v), 0.5, { generator: new Generator(9) }), a!), [randomInput([3, 3])]);
  });

  it('records one checkpoint node, and runs the function plainly when recording is off', () => {
    const x = param(randn([2], { device, seed: 1 }));
    const on = withLedger(() => checkpoint((v: Tensor) => gelu(v), x));
    expect(on.ledger.entries.map((e) => e.function)).toEqual(['checkpoint']);
    const off = withLedger(() => noGrad(() => checkpoint((v: Tensor) => gelu(v), x)));
    expect(off.ledger.entries).toEqual([]);
    expect(off.result.requiresGrad).toBe(false);
    on.ledger.close();
    off.ledger.close();
  });
});
