import { describe, expect, it } from 'vitest';
import * as tc from '@lightattn/tensor-core';
import { fromArray, Generator, type Tensor } from '@lightattn/tensor-core';
import { dropout } from './dropout.js';
import { GradcheckError } from './errors.js';
import { defineFunction } from './function.js';
import { gradcheck, randomInput } from './gradcheck.js';
import { mul } from './ops-elementwise.js';

/** x³ with a deliberately wrong derivative (2x² instead of 3x²) on purpose, to see gradcheck fail. */
const wrongCube = defineFunction({
  name: 'wrongCube',
  forward: (ctx, x: Tensor) => (ctx.save({ inputs: [0] }), tc.mul(tc.mul(x, x), x)),
  backward: ({ saved }, [g]) => [tc.mul(g!, tc.mul(tc.square(saved.input(0)), 2))],
});

const rightCube = defineFunction({
  name: 'rightCube',
  forward: (ctx, x: Tensor) => (ctx.save({ inputs: [0] }), tc.mul(tc.mul(x, x), x)),
  backward: ({ saved }, [g]) => [tc.mul(g!, tc.mul(tc.square(saved.input(0)), 3))], // d(x³) = 3x²
});

describe('gradcheck', () => {
  it('passes a correct rule, comparing every element in float64', async () => {
    const r = await gradcheck(rightCube, [randomInput([2, 3], { seed: 2 })]);
    expect(r.checked).toBe(6);
    expect(r.maxAbsError).toBeLessThan(1e-8);
  });

  it('fails a wrong rule, naming the input, element, analytic and numeric values', async () => {
    const x = { data: [1, 2], shape: [2] };
    const err = await gradcheck((a, b) => mul(wrongCube(a!), b!), [x, randomInput([2], { seed: 4 })]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GradcheckError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/input 0 \[2\]: 2 of 2 elements differ/);
    expect(msg).toMatch(/element 1 \(index \[1\]\): analytic -?[\d.]+ vs numeric -?[\d.]+/);
    expect(msg).not.toMatch(/input 1/);
  });

  it('reads Tensor inputs at full precision and restores the default device', async () => {
    const before = tc.getDefaultDevice();
    await gradcheck((x) => mul(x, x), [fromArray([0.25, -1.5])]);
    expect(tc.getDefaultDevice()).toBe(before);
  });

  it('checks only the inputs named in wrt and refuses integer ones', async () => {
    const r = await gradcheck((a, b) => mul(a!, b!), [randomInput([3]), randomInput([3], { seed: 9 })], { wrt: [1] });
    expect(r.checked).toBe(3);
    await expect(gradcheck((t, i) => tc.gather(t!, i!), [randomInput([3, 2]), { data: [0], shape: [1], dtype: 'i32' }], { wrt: [1] })).rejects.toThrow(
      /not an f32 input/,
    );
  });

  it('checks dropout when the function draws from its own generator', async () => {
    await gradcheck((x) => dropout(x, 0.4, { generator: new Generator(11) }), [randomInput([4, 5])]);
  });

  it('catches a rule that reads a tensor it did not declare', async () => {
    const sneaky = defineFunction({
      name: 'sneaky',
      forward: (ctx, x: Tensor) => (ctx.save({}), tc.mul(x, x)),
      backward: ({ saved }, [g]) => [tc.mul(g!, saved.input(0))],
    });
    await expect(gradcheck(sneaky, [randomInput([2])])).rejects.toThrow(
      /sneaky backward: reads input 0, which its forward did not declare in save\(\{ inputs \}\)/,
    );
  });
});
