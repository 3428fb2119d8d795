import { describe, expect, it } from 'vitest';
import * as tc from '@lightattn/tensor-core';
import { createCpuDevice, fromArray, scope, type Tensor } from '@lightattn/tensor-core';
import { backward, gradients, releaseGraph } from './engine.js';
import { AutogradError } from './errors.js';
import { enableGrad, isGradEnabled, noGrad } from './grad-mode.js';
import { detach, grad, param, valueAndGrad } from './functional.js';
import { add, exp, mul, sin, sub } from './ops-elementwise.js';
import { reshape } from './ops-layout.js';
import { matmul, sum } from './ops-reduce.js';

const values = (t: Tensor | null) => Array.from(t!.toArraySync());

describe('backward', () => {
  it('computes the gradient of a scalar and stores it on leaves only', () => {
    const x = param(fromArray([1, 2, 3]));
    const y = mul(x, x); // d/dx Σx² = 2x
    const loss = sum(y);
    loss.backward();
    expect(values(x.grad)).toEqual([2, 4, 6]);
    expect(y.grad).toBeNull();
    expect(y.requiresGrad).toBe(true);
  });

  it('accumulates gradients for a tensor used twice and across backward calls', () => {
    const x = param(fromArray([1, -2]));
    // L = Σ(x·3 + x·x) → dL/dx = 3 + 2x
    sum(add(mul(x, 3), mul(x, x))).backward();
    expect(values(x.grad)).toEqual([5, -1]);
    sum(mul(x, 3)).backward();
    expect(values(x.grad)).toEqual([8, 2]);
  });

  it('handles a diamond: both paths reach the shared node before it runs', () => {
    const x = param(fromArray([0.5]));
    const h = exp(x);
    const loss = sum(mul(sin(h), h)); // d/dx = (cos(h)·h + sin(h))·h
    loss.backward();
    const hv = Math.exp(0.5);
    expect(values(x.grad)[0]).toBeCloseTo((Math.cos(hv) * hv + Math.sin(hv)) * hv, 5);
  });

  it('runs a chain of 20 000 functions without recursion', () => {
    const x = param(fromArray([1]));
    let h: Tensor = x;
    scope(() => {
      for (let i = 0; i < 20000; i++) h = add(h, 1);
      tc.keep(h);
    });
    sum(h).backward();
    expect(values(x.grad)).toEqual([1]);
  });

  it('takes an explicit gradient for a non-scalar output', () => {
    const x = param(
      fromArray([
        [1, 2],
        [3, 4],
      ]),
    );
    const y = mul(x, 2);
    y.backward(
      fromArray([
        [1, 0],
        [0, 1],
      ]),
    );
    expect(values(x.grad)).toEqual([2, 0, 0, 2]);
  });

  it('backpropagates through views', () => {
    const x = param(fromArray([1, 2, 3, 4, 5, 6]));
    const m = reshape(x, [2, 3]);
    const w = fromArray([[1], [10], [100]]);
    sum(matmul(m, w)).backward();
    expect(values(x.grad)).toEqual([1, 10, 100, 1, 10, 100]);
  });

  it('survives user scopes disposing the intermediates', () => {
    const x = param(fromArray([2]));
    const loss = scope(() => sum(mul(exp(x), x)));
    loss.backward(); // d(x·eˣ) = eˣ(1 + x)
    expect(values(x.grad)[0]).toBeCloseTo(Math.exp(2) * 3, 4);
  });
});

describe('bad input', () => {
  it('refuses a non-scalar without a gradient and says what to do', () => {
    const y = mul(param(fromArray([1, 2])), 2);
    expect(() => y.backward()).toThrow(/has 2 elements.*pass its gradient/);
  });

  it('refuses a tensor that does not require grad', () => {
    const y = mul(fromArray([1, 2]), 2);
    expect(() => backward(sum(y))).toThrow(/does not require grad.*param\(t\)/);
    expect(() => sum(y).backward()).toThrow(/requiresGrad/);
  });

  it('refuses a gradient of the wrong shape or device', () => {
    const y = mul(param(fromArray([1, 2])), 2);
    expect(() => y.backward(fromArray([1, 2, 3]))).toThrow(/does not match/);
    const other = createCpuDevice({ name: 'cpu-other' });
    expect(() => y.backward(fromArray([1, 2], { device: other }))).toThrow(/same device/);
  });

  it('refuses mismatched devices in the forward', () => {
    const other = createCpuDevice({ name: 'cpu-second' });
    expect(() => add(param(fromArray([1])), fromArray([1], { device: other }))).toThrow(/different devices/);
  });

  it('refuses a second backward after the saved tensors were released, and allows it with retainGraph', () => {
    const x = param(fromArray([3]));
    const loss = sum(mul(x, x));
    loss.backward(undefined, { retainGraph: true });
    loss.backward();
    expect(values(x.grad)).toEqual([12]);
    expect(() => loss.backward()).toThrow(AutogradError);
    expect(() => loss.backward()).toThrow(/retainGraph: true/);
  });

  it('allows a second backward through functions that saved nothing', () => {
    const x = param(fromArray([3]));
    const loss = sum(add(x, 1));
    loss.backward();
    loss.backward();
    expect(values(x.grad)).toEqual([2]);
  });
});

describe('graph release', () => {
  it('frees saved tensors as backward proceeds (accountant)', () => {
    const device = createCpuDevice({ name: 'cpu-release' });
    const x = param(fromArray(new Float32Array(1000).fill(0.5), { device }));
    const before = device.memory.allocated;
    const loss = scope(() => sum(mul(exp(x), exp(x))));
    // Alive now: the two saved exp outputs (4000 B each, held by the mul node), exp's saved x is the leaf, loss (4 B).
    expect(device.memory.allocated - before).toBe(2 * 4000 + 4);
    loss.backward();
    // Left: x.grad (4000 B) and loss.
    expect(device.memory.allocated - before).toBe(4000 + 4);
  });

  it('releaseGraph frees the saves without a backward', () => {
    const device = createCpuDevice({ name: 'cpu-release-2' });
    const x = param(fromArray([1, 2, 3, 4], { device }));
    const before = device.memory.allocated;
    const loss = scope(() => sum(mul(exp(x), x)));
    expect(device.memory.allocated - before).toBe(16 + 4);
    releaseGraph(loss);
    expect(device.memory.allocated - before).toBe(4);
    expect(() => loss.backward()).toThrow(/already released/);
  });
});

describe('modes and functional forms', () => {
  it('noGrad records nothing; enableGrad turns recording back on', () => {
    const x = param(fromArray([1]));
    const y = noGrad(() => mul(x, x));
    expect(y.requiresGrad).toBe(false);
    expect(y.gradFn).toBeNull();
    noGrad(() => {
      expect(isGradEnabled()).toBe(false);
      const z = enableGrad(() => mul(x, x));
      expect(z.gradFn?.name).toBe('mul');
    });
    expect(isGradEnabled()).toBe(true);
  });

  it('detach cuts the graph', () => {
    const x = param(fromArray([2]));
    const d = detach(mul(x, x));
    expect(d.requiresGrad).toBe(false);
    expect(d.gradFn).toBeNull();
    const loss = sum(mul(d, x)); // d is a constant 4: dL/dx = 4
    loss.backward();
    expect(values(x.grad)).toEqual([4]);
  });

  it('grad and valueAndGrad differentiate a function without touching .grad', () => {
    const w = param(fromArray([3]));
    const f = (x: Tensor) => sum(mul(mul(x, x), w)); // d/dx = 2xw
    const g = grad(f)(fromArray([1, 2]));
    expect(values(g)).toEqual([6, 12]);
    expect(w.grad).toBeNull();
    const both = valueAndGrad((a: Tensor, b: Tensor) => sum(mul(a, b)), { argnums: [0, 1] })(fromArray([1, 2]), fromArray([5, 7]));
    expect(values(both.value)).toEqual([19]);
    expect(both.grad.map(values)).toEqual([
      [5, 7],
      [1, 2],
    ]);
    expect(both.value.requiresGrad).toBe(false);
  });

  it('grad gives zeros for an argument the value does not depend on', () => {
    const g = grad((_a: Tensor, b: Tensor) => sum(b), { argnums: [0, 1] })(fromArray([1, 2]), fromArray([3]));
    expect(g.map(values)).toEqual([[0, 0], [1]]);
  });

  it('gradients returns d(outputs)/d(inputs) for intermediate tensors too', () => {
    const x = param(fromArray([2]));
    const h = mul(x, x);
    const y = sum(sub(mul(h, 3), x));
    const [dh, dx] = gradients(y, [h, x]);
    expect(values(dh!)).toEqual([3]);
    expect(values(dx!)).toEqual([11]); // 6x − 1
    expect(x.grad).toBeNull();
  });
});
