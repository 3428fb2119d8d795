import { describe, expect, it } from 'vitest';
import * as tc from '@lightattn/tensor-core';
import { fromArray, type Tensor } from '@lightattn/tensor-core';
import { AutogradError } from './errors.js';
import { defineFunction } from './function.js';
import { param } from './functional.js';
import { gradcheck, randomInput } from './gradcheck.js';
import { withLedger } from './ledger.js';
import { sum } from './ops-reduce.js';

/** (x, w) ↦ (x·w, argmax-like index) with a non-differentiable second output: d(x·w) = (g·w, g·x). */
const scaleAndIndex = defineFunction({
  name: 'scaleAndIndex',
  forward(ctx, x: Tensor, w: Tensor, label: string) {
    ctx.save({ inputs: ctx.needsInputGrad[0] ? [1] : [], tensors: ctx.needsInputGrad[1] ? { x } : {}, values: { label } });
    ctx.markNonDifferentiable(1);
    return [tc.mul(x, w), tc.mul(x, 2)];
  },
  backward: ({ saved, needsInputGrad }, [g]) => [
    needsInputGrad[0] ? tc.mul(g!, saved.input(1)) : null,
    needsInputGrad[1] ? tc.mul(g!, saved.tensor('x')) : null,
    null,
  ],
});

describe('defineFunction', () => {
  it('passes gradcheck and saves only what needsInputGrad asked for', async () => {
    await gradcheck((x, w) => scaleAndIndex(x!, w!, 'a')[0]!, [randomInput([3]), randomInput([3], { seed: 2 })]);
    const x = param(fromArray([1, 2, 3]));
    const w = fromArray([4, 5, 6]); // no gradient: x is not kept
    const { result, ledger } = withLedger(() => scaleAndIndex(x, w, 'b'));
    expect(ledger.total).toBe(12); // w only
    expect(result[0]!.requiresGrad).toBe(true);
    expect(result[1]!.requiresGrad).toBe(false);
    sum(result[0]!).backward();
    expect(Array.from(x.grad!.toArraySync())).toEqual([4, 5, 6]);
    ledger.close();
  });

  it('turns an input returned as an output into a view', () => {
    const identity = defineFunction({ name: 'identity', forward: (_ctx, x: Tensor) => x, backward: (_c, [g]) => [g] });
    const x = param(fromArray([1, 2]));
    const y = identity(x);
    expect(y).not.toBe(x);
    expect(y.storage).toBe(x.storage);
    sum(y).backward();
    expect(Array.from(x.grad!.toArraySync())).toEqual([1, 1]);
  });

  it('refuses two save() calls and a gradient of the wrong shape', () => {
    const twice = defineFunction({
      name: 'twice',
      forward: (ctx, x: Tensor) => (ctx.save({}), ctx.save({}), tc.mul(x, 1)),
      backward: (_c, [g]) => [g],
    });
    expect(() => twice(param(fromArray([1])))).toThrow(/ctx.save\(\) 2 times/);
    const wrong = defineFunction({ name: 'wrong', forward: (_ctx, x: Tensor) => tc.mul(x, 1), backward: () => [fromArray([1, 2, 3])] });
    const y = wrong(param(fromArray([1, 2])));
    expect(() => sum(y).backward()).toThrow(AutogradError);
    expect(() => sum(wrong(param(fromArray([1, 2])))).backward()).toThrow(/wrong backward returned a gradient of shape \[3\] for input 0 of shape \[2\]/);
  });
});
